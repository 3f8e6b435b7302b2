using Civic.Hosting.Errors;
using Civic.Network.Taxonomy;

namespace Civic.Network.Groups;

/// <summary>What a valid group, notice and meeting look like.</summary>
public static class NetworkGroupRules
{
    public const int MaxNameLength = 120;
    public const int MaxDescriptionLength = 2_000;
    public const int MaxNoticeLength = 4_000;

    /// <returns>The trimmed name and description, and the challenge area as the taxonomy spells it.</returns>
    public static (string Name, string ChallengeArea, string Description) ValidGroup(string name, string challengeArea, string description)
    {
        var violations = new FieldViolations()
            .Required("name", name, "the name", "navnet")
            .MaxLength("name", name.Trim(), MaxNameLength, "the name", "navnet")
            .MaxLength("description", description.Trim(), MaxDescriptionLength, "the description", "beskrivelsen");
        var area = CompetenceTaxonomy.ChallengeAreas.FirstOrDefault(a => string.Equals(a, challengeArea.Trim(), StringComparison.OrdinalIgnoreCase));
        if (area is null)
        {
            violations.Add("challenge_area",
                $"Choose one of the challenge areas: {string.Join(", ", CompetenceTaxonomy.ChallengeAreas)}.",
                $"Vælg et af udfordringsområderne: {string.Join(", ", CompetenceTaxonomy.ChallengeAreas)}.");
        }

        violations.ThrowIfAny();
        return (name.Trim(), area!, description.Trim());
    }

    public const int MaxMeetingTitleLength = 120;
    public const int MaxPlaceLength = 200;
    public const int MaxUrlLength = 500;
    public const int MaxAgendaLength = 4_000;

    /// <summary>A meeting longer than a working day is a mistake in the times, not a meeting.</summary>
    public const int MaxMeetingHours = 10;

    /// <summary>Checks every field and throws one <see cref="ValidationException"/> naming each wrong one; returns the meeting trimmed.</summary>
    public static NewGroupMeeting ValidMeeting(NewGroupMeeting meeting, DateTimeOffset now)
    {
        var violations = new FieldViolations()
            .Required("title", meeting.Title, "the title", "titlen")
            .MaxLength("title", meeting.Title.Trim(), MaxMeetingTitleLength, "the title", "titlen")
            .MaxLength("place", meeting.Place.Trim(), MaxPlaceLength, "the place", "stedet")
            .MaxLength("online_url", meeting.OnlineUrl.Trim(), MaxUrlLength, "the online link", "onlinelinket")
            .MaxLength("agenda", meeting.Agenda.Trim(), MaxAgendaLength, "the agenda", "dagsordenen");
        if (meeting.StartsAt is not { } start)
        {
            violations.Add("starts_at", "The start time is required.", "Starttidspunktet skal udfyldes.");
        }
        else if (start <= now)
        {
            violations.Add("starts_at", "The meeting must start in the future.", "Mødet skal begynde i fremtiden.");
        }

        if (meeting.EndsAt is not { } end)
        {
            violations.Add("ends_at", "The end time is required.", "Sluttidspunktet skal udfyldes.");
        }
        else if (meeting.StartsAt is { } begins && (end <= begins || end - begins > TimeSpan.FromHours(MaxMeetingHours)))
        {
            violations.Add("ends_at", $"The meeting must end after it starts, and last at most {MaxMeetingHours} hours.",
                $"Mødet skal slutte efter det begynder og højst vare {MaxMeetingHours} timer.");
        }

        var url = meeting.OnlineUrl.Trim();
        if (meeting.Place.Trim().Length == 0 && url.Length == 0)
        {
            violations.Add("place", "Give a place, an online link or both.", "Angiv et sted, et onlinelink eller begge.");
        }

        if (url.Length > 0 && (!Uri.TryCreate(url, UriKind.Absolute, out var link) || link.Scheme != Uri.UriSchemeHttps))
        {
            violations.Add("online_url", "The online link must be a whole https:// address.", "Onlinelinket skal være en hel https://-adresse.");
        }

        violations.ThrowIfAny();
        return meeting with { Title = meeting.Title.Trim(), Place = meeting.Place.Trim(), OnlineUrl = url, Agenda = meeting.Agenda.Trim() };
    }

    public static string ValidNotice(string text)
    {
        new FieldViolations()
            .Required("text", text, "the notice", "opslaget")
            .MaxLength("text", text.Trim(), MaxNoticeLength, "the notice", "opslaget")
            .ThrowIfAny();
        return text.Trim();
    }
}
