using Civic.Contracts.Panel.V1;
using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Pages.Panel;

/// <summary>Texts of a case's invitations page (coordinators) and the invitation states.</summary>
public static class InvitationsText
{
    public static readonly LocalText Title = new("Invitationer", "Invitations");
    public static readonly LocalText Lead = new(
        "Hvert trukket medlem får en personlig invitation med et link og en svarfrist. Siger et medlem nej, eller udløber fristen, inviteres den første reserve, som holder alle kvoter og reglen om én pr. husstand.",
        "Every drawn member gets a personal invitation with a link and a deadline. If a member says no, or the deadline passes, the first reserve who keeps every quota and the one-per-household rule is invited.");
    public static readonly LocalText SendHeading = new("Send invitationer", "Send invitations");
    public static readonly LocalText ResponseDays = new("Svarfrist i dage", "Days to answer");
    public static readonly LocalText ResponseDaysHint = new("Fra nu, fx 7.", "From now, e.g. 7.");
    public static readonly LocalText BadResponseDays = new("Skriv svarfristen som et helt antal dage.", "Enter the deadline as a whole number of days.");
    public static readonly LocalText Send = new("Send invitationer til panelet", "Send invitations to the panel");
    public static readonly LocalText NoDraw = new("Der er ikke trukket et panel endnu; træk panelet først.", "No panel has been drawn yet; draw the panel first.");
    public static readonly LocalText Overview = new("Overblik", "Overview");
    public static readonly LocalText RefreshNote = new("Oversigten opdaterer sig selv hvert 30. sekund.", "The overview updates itself every 30 seconds.");
    public static readonly LocalText RefreshChanged = new("Nye svar kl. {0}: oversigten er opdateret.", "New answers at {0}: the overview is updated.");
    public static readonly LocalText RefreshFailed = new("Oversigten kunne ikke opdateres; genindlæs siden for at se nye svar.", "The overview could not be updated; reload the page to see new answers.");
    public static readonly LocalText None = new("Der er ikke sendt invitationer endnu.", "No invitations have been sent yet.");
    public static readonly LocalText TableCaption = new("Alle invitationer", "All invitations");
    public static readonly LocalText MemberColumn = new("Medlem (pseudonymt id)", "Member (pseudonymous id)");
    public static readonly LocalText StatusColumn = new("Status", "Status");
    public static readonly LocalText DeadlineColumn = new("Svarfrist", "Deadline");
    public static readonly LocalText ConfidentialityColumn = new("Tavshedspligt", "Confidentiality");
    public static readonly LocalText ReplacesColumn = new("Overtager pladsen fra", "Takes the seat of");
    public static readonly LocalText Accepted = new("Accepteret", "Accepted");
    public static readonly LocalText NotYet = new("Endnu ikke", "Not yet");
    public static readonly LocalText Unfilled = new("Ingen reserve holder kvoterne – pladsen er tom", "No reserve keeps the quotas – the seat is empty");
    public static readonly LocalText Refused = new("Invitationerne blev ikke sendt: {0}", "The invitations were not sent: {0}");
    public static readonly LocalText BackToCase = new("Tilbage til sagen", "Back to the case");
    public static readonly LocalText ToInvitations = new("Invitationer til panelet", "Invitations to the panel");

    public static readonly LocalText Pending = new("Afventer svar", "Awaiting answer");
    public static readonly LocalText StatusAccepted = new("Takket ja", "Accepted");
    public static readonly LocalText Declined = new("Takket nej", "Declined");
    public static readonly LocalText Expired = new("Udløbet", "Expired");
    public static readonly LocalText Withdrawn = new("Udmeldt af puljen", "Left the pool");

    public static LocalText Name(InvitationStatus status) => status switch
    {
        InvitationStatus.Pending => Pending,
        InvitationStatus.Accepted => StatusAccepted,
        InvitationStatus.Declined => Declined,
        InvitationStatus.Expired => Expired,
        InvitationStatus.Withdrawn => Withdrawn,
        _ => Pending,
    };
}
