using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Civic.Hosting.Calendar;

/// <summary>One event for someone's calendar: a stable id (so an update replaces it), what, when and where.</summary>
public sealed record CalendarEntry(string Uid, string Summary, string Description, DateTimeOffset StartsAt, DateTimeOffset EndsAt)
{
    public string Location { get; init; } = string.Empty;

    public Uri? Url { get; init; }
}

/// <summary>iCalendar (.ics) files of one event, for e-mail attachments (Hotline) and downloads (Network meetings).</summary>
public static class CalendarFiles
{
    public const string ContentType = "text/calendar";

    public static string Of(CalendarEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var calendar = new Ical.Net.Calendar();
        var calendarEvent = new CalendarEvent
        {
            Uid = entry.Uid,
            Summary = entry.Summary,
            Description = entry.Description,
            DtStart = new CalDateTime(entry.StartsAt.UtcDateTime),
            DtEnd = new CalDateTime(entry.EndsAt.UtcDateTime),
        };
        if (entry.Location.Length > 0)
        {
            calendarEvent.Location = entry.Location;
        }

        if (entry.Url is not null)
        {
            calendarEvent.Url = entry.Url;
        }

        calendar.Events.Add(calendarEvent);
        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }
}
