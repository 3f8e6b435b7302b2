using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Civic.Contracts.Network.V1;
using Google.Protobuf.WellKnownTypes;

namespace Civic.Gateway.Pages.Network;

/// <summary>
/// The form a coordinator schedules a group meeting with: a day and clock times in Copenhagen time, a place
/// and/or an online link, an agenda. Times the form cannot read are its own errors; the rest the service checks.
/// An empty field binds as an empty text, not null: the request's fields take no null.
/// </summary>
public sealed class GroupMeetingForm
{
    public const string TitleId = "meeting-title";
    public const string DateId = "meeting-date";
    public const string StartId = "meeting-start";
    public const string EndId = "meeting-end";
    public const string PlaceId = "meeting-place";
    public const string UrlId = "meeting-url";
    public const string AgendaId = "meeting-agenda";

    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string Title { get; set; } = string.Empty;

    /// <summary>yyyy-mm-dd.</summary>
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string Date { get; set; } = string.Empty;

    /// <summary>hh:mm.</summary>
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string Start { get; set; } = string.Empty;

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string End { get; set; } = string.Empty;

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string Place { get; set; } = string.Empty;

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string Url { get; set; } = string.Empty;

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string Agenda { get; set; } = string.Empty;

    /// <summary>The request, or the fields the form could not read (by field id).</summary>
    public (ScheduleMeetingRequest? Request, IReadOnlyList<string> Unreadable) ToRequest(string groupId)
    {
        var unreadable = new List<string>();
        var day = DateOnly.TryParseExact(Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
        if (day is null)
        {
            unreadable.Add(DateId);
        }

        var start = Instant(day, Start, StartId, unreadable);
        var end = Instant(day, End, EndId, unreadable);
        if (unreadable.Count > 0)
        {
            return (null, unreadable);
        }

        return (new ScheduleMeetingRequest
        {
            GroupId = groupId,
            Title = Title,
            StartsAt = start,
            EndsAt = end,
            Place = Place,
            OnlineUrl = Url,
            Agenda = Agenda,
        }, unreadable);
    }

    /// <summary>The form field a violation of the service is about.</summary>
    public static string FieldId(string field) => field switch
    {
        "starts_at" => StartId,
        "ends_at" => EndId,
        "place" => PlaceId,
        "online_url" => UrlId,
        "agenda" => AgendaId,
        _ => TitleId,
    };

    private static Timestamp? Instant(DateOnly? day, string clock, string fieldId, List<string> unreadable)
    {
        if (!TimeOnly.TryParseExact(clock.Trim(), ["HH:mm", "H:mm", "HH.mm", "H.mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            unreadable.Add(fieldId);
            return null;
        }

        if (day is not { } date)
        {
            return null;
        }

        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return Timestamp.FromDateTimeOffset(new DateTimeOffset(local, Copenhagen.GetUtcOffset(local)));
    }
}
