using System.Globalization;
using Civic.Hosting.Notifications;
using Civic.Panel.Cases;
using Microsoft.Extensions.Options;

namespace Civic.Panel.Feedback;

/// <summary>
/// The e-mail that tells a coordinator (level 1) or a department head (level 2) that panel members still wait
/// for feedback, written to the outbox in the same save as the escalation, so each level is mailed once.
/// </summary>
public sealed partial class EscalationMessages(PanelDbContext db, FollowUpContacts contacts, IOptions<NotificationOptions> notifications, ILogger<EscalationMessages> logger)
{
    public const string Kind = "PanelFeedbackEscalation";

    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    /// <summary>Adds the e-mail for <paramref name="escalation"/> (not saved); without any address it is logged and only the escalation is recorded.</summary>
    public void Queue(FeedbackEscalation escalation, Case @case, string coordinator, DateTimeOffset finalisedAt)
    {
        var address = escalation.Level == 1 ? contacts.CoordinatorEmail(coordinator) : contacts.DepartmentHeadEmail(@case.OwningDepartment);
        if (address is null)
        {
            LogNoAddress(escalation.CaseId, escalation.Level, escalation.Recipient);
            return;
        }

        var finalised = TimeZoneInfo.ConvertTime(finalisedAt, Zone).ToString("d. MMMM yyyy", CultureInfo.GetCultureInfo("da-DK"));
        var who = escalation.Level == 1 ? "Du gjorde syntesen endelig" : $"Koordinatoren ({coordinator}) gjorde syntesen endelig";
        db.Notifications.Add(OutboxMessage.Create(Kind, MessageChannel.Email, address,
            $"Borgerpanelet: {MemberCount.Of(escalation.MissingCount, "panelmedlem", "panelmedlemmer")} mangler tilbagemelding",
            $"{MemberCount.Of(escalation.MissingCount, "medlem", "medlemmer")} af borgerpanelet i sagen \"{@case.Title}\" har endnu ikke fået at vide, "
            + $"hvad {(escalation.MissingCount == 1 ? "vedkommendes" : "deres")} input blev til.\n\n"
            + $"{who} den {finalised}. Borgerpanelet lover medlemmerne en tilbagemelding; giv den her:\n"
            + notifications.Value.Link($"/borgerpanelet/sager/{Uri.EscapeDataString(@case.Id)}/arbejde") + "\n\n"
            + (escalation.Level == 1
                ? "Mangler tilbagemeldingen stadig om 14 dage, får lederen af den ansvarlige forvaltning besked."
                : "Du får denne besked som leder af den forvaltning, der ejer sagen."),
            escalation.EscalatedAt, aboutId: escalation.Id));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalation level {Level} of missing feedback on case {CaseId} ({Recipient}) has no e-mail address: set Panel:FollowUp (the person's address or SecretariatEmail).")]
    private partial void LogNoAddress(string caseId, int level, string recipient);
}
