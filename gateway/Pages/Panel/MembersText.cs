using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Pages.Panel;

/// <summary>Texts of the staff list of members and a member's page for staff.</summary>
public static class MembersText
{
    public static readonly LocalText Title = new("Medlemmer af puljen", "Members of the pool");
    public static readonly LocalText Lead = new(
        "Hvert medlem, du får vist, skrives i revisionsloggen med din begrundelse. Vis kun de medlemmer, du har brug for.",
        "Every member shown to you is written to the audit log with your reason. Show only the members you need.");
    public static readonly LocalText Reason = new("Begrundelse", "Reason");
    public static readonly LocalText ReasonHint = new("Hvorfor skal du se medlemmernes personoplysninger? F.eks. \"Forberedelse af informationsmøde\".", "Why do you need the members' personal data? E.g. \"Preparing an information meeting\".");
    public static readonly LocalText Text = new("Navn eller e-mail indeholder", "Name or e-mail contains");
    public static readonly LocalText Status = new("Status", "Status");
    public static readonly LocalText AnyStatus = new("Afventer og aktive", "Pending and active");
    public static readonly LocalText AnyValue = new("Alle", "All");
    public static readonly LocalText Show = new("Vis medlemmer", "Show members");
    public static readonly LocalText Results = new("Fundne medlemmer", "Members found");
    public static readonly LocalText Count = new("{0} medlemmer i alt.", "{0} members in all.");
    public static readonly LocalText NoneFound = new("Ingen medlemmer passer til filtrene.", "No members match the filters.");
    public static readonly LocalText NotAllowed = new("Listen over medlemmer er for koordinatorer og administratorer.", "The list of members is for coordinators and administrators.");
    public static readonly LocalText Next = new("Næste side", "Next page");
    public static readonly LocalText FirstPage = new("Første side", "First page");
    public static readonly LocalText Name = new("Navn", "Name");
    public static readonly LocalText Email = new("E-mail", "E-mail");
    public static readonly LocalText SignedUp = new("Tilmeldt", "Signed up");
    public static readonly LocalText BackToList = new("Tilbage til listen", "Back to the list");
    public static readonly LocalText MemberTitle = new("Medlem af puljen", "Member of the pool");
    public static readonly LocalText ReadWithReason = new("Læst med begrundelsen: {0}", "Read with the reason: {0}");
}
