using System.Globalization;
using Civic.Hosting.Notifications;
using Civic.Network.Requests;
using Civic.Network.ResourcePersons;
using Microsoft.Extensions.Options;

namespace Civic.Network.Notifications;

/// <summary>Where the network coordinators' queue is told about escalated requests; bound from "Network:Contacts".</summary>
public sealed class NetworkContactsOptions
{
    public const string SectionName = "Network:Contacts";

    /// <summary>The coordinators' shared mailbox. Empty: escalations are only shown in the queue.</summary>
    public string CoordinatorsEmail { get; set; } = string.Empty;
}

/// <summary>
/// The e-mails of the request flow and of profile upkeep, added to the outbox (not saved: each caller saves them with
/// the change they tell about). A person or manager without an address on the profile gets nothing; that is logged,
/// and the profile page asks the owner for one.
/// </summary>
public sealed partial class NetworkMessages(
    NetworkDbContext db, IOptions<NotificationOptions> notifications, IOptions<NetworkContactsOptions> contacts, ILogger<NetworkMessages> logger)
{
    public const string RequestSentKind = "NetworkRequestSent";
    public const string ApprovalNeededKind = "NetworkApprovalNeeded";
    public const string PersonReminderKind = "NetworkRequestReminder";
    public const string ManagerReminderKind = "NetworkApprovalReminder";
    public const string EscalatedKind = "NetworkRequestEscalated";
    public const string ConfirmProfileKind = "NetworkConfirmProfile";

    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    /// <summary>To the person a request was sent to (by the requester or a coordinator).</summary>
    public void RequestSent(HelpRequest request, ResourcePerson person, DateTimeOffset now) =>
        Send(RequestSentKind, person.ContactEmail, person.Id, request.Id,
            "Du er blevet spurgt om hjælp i Ressourcenetværket",
            $"{Requester(request)} spørger, om du kan hjælpe:\n\n{Facts(request)}\n\n"
            + $"Svar her (ja, nej eller ikke ledig): {RequestsLink()}\nSiger du ja, skal din leder godkende timerne.",
            now);

    /// <summary>To the person's manager, when the person has said yes and the hours wait for approval.</summary>
    public void ApprovalNeeded(HelpRequest request, ResourcePerson person, DateTimeOffset now) =>
        Send(ApprovalNeededKind, person.ManagerEmail, person.Id, request.Id,
            $"Godkend {request.Hours} timer til {person.DisplayName}",
            $"{person.DisplayName} har sagt ja til at hjælpe {Requester(request)}:\n\n{Facts(request)}\n\n"
            + $"Timerne bruges først, når du har godkendt dem: {RequestsLink()}",
            now);

    /// <summary>To the person, when a request sent to them is still unanswered.</summary>
    public void PersonReminder(HelpRequest request, ResourcePerson person, DateTimeOffset now) =>
        Send(PersonReminderKind, person.ContactEmail, person.Id, request.Id,
            "Påmindelse: En anmodning venter på dit svar",
            $"{Requester(request)} venter stadig på dit svar:\n\n{Facts(request)}\n\n"
            + $"Svar her: {RequestsLink()}\nFår anmodningen intet svar, går den videre til netværkskoordinatorerne.",
            now);

    /// <summary>To the manager, when accepted hours still wait for approval.</summary>
    public void ManagerReminder(HelpRequest request, ResourcePerson person, DateTimeOffset now) =>
        Send(ManagerReminderKind, person.ManagerEmail, person.Id, request.Id,
            $"Påmindelse: {request.Hours} timer til {person.DisplayName} venter på din godkendelse",
            $"{person.DisplayName} har sagt ja til at hjælpe {Requester(request)}, og timerne venter på din godkendelse:\n\n"
            + $"{Facts(request)}\n\nGodkend her: {RequestsLink()}",
            now);

    /// <summary>To the coordinators' mailbox, when an unanswered request has gone to their queue.</summary>
    public void Escalated(HelpRequest request, string askedName, DateTimeOffset now) =>
        Send(EscalatedKind, contacts.Value.CoordinatorsEmail, "coordinators", request.Id,
            "En anmodning er gået til koordinatorernes kø",
            $"{askedName} har ikke svaret på en anmodning fra {Requester(request)}, så den ligger nu i køen:\n\n"
            + $"{Facts(request)}\n\nFind en anden person her: {RequestsLink()}",
            now);

    /// <summary>To the owner of a profile not confirmed for 6 months.</summary>
    public void ConfirmProfile(ResourcePerson person, DateTimeOffset now) =>
        Send(ConfirmProfileKind, person.ContactEmail, person.Id, person.Id,
            "Er din profil i Ressourcenetværket stadig rigtig?",
            $"Din profil som ressourceperson ({person.DisplayName}) er ikke bekræftet i et halvt år. Kolleger finder dig "
            + "efter den, så se den igennem, ret det der ikke passer, og bekræft den:\n"
            + notifications.Value.Link($"/ressourcenetvaerket/profiler/{Uri.EscapeDataString(person.Id)}")
            + "\n\nIndtil du bekræfter den, vises den lidt længere nede i søgeresultaterne.",
            now);

    private void Send(string kind, string address, string recipient, string aboutId, string subject, string body, DateTimeOffset now)
    {
        if (address.Length == 0)
        {
            LogNoAddress(kind, recipient);
            return;
        }

        db.Notifications.Add(OutboxMessage.Create(kind, MessageChannel.Email, address, subject, body, now, aboutId));
    }

    private string RequestsLink() => notifications.Value.Link("/ressourcenetvaerket/anmodninger");

    private static string Requester(HelpRequest request) =>
        request.RequesterDepartment.Length > 0 ? $"{request.RequesterName} ({request.RequesterDepartment})" : request.RequesterName;

    private static string Facts(HelpRequest request) =>
        $"Behov: {request.Need}\n"
        + $"Periode: {request.StartDate.ToString("d. MMMM yyyy", Danish)} til {request.EndDate.ToString("d. MMMM yyyy", Danish)}\n"
        + $"Timer: {request.Hours}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "No e-mail address for the {Kind} message to {Recipient}: the profile (or Network:Contacts:CoordinatorsEmail) has none, so only the page shows it")]
    private partial void LogNoAddress(string kind, string recipient);
}
