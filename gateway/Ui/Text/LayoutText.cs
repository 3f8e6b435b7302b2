using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Ui.Text;

/// <summary>Texts of the page frame: header, menus, footer.</summary>
public static class LayoutText
{
    public static readonly LocalText SiteName = new("Civic", "Civic");
    public static readonly LocalText Tagline = new("Borgere og kommune skaber løsninger sammen", "Citizens and the municipality creating solutions together");
    public static readonly LocalText SkipLink = new("Gå til indhold", "Skip to content");
    public static readonly LocalText MainMenu = new("Hovedmenu", "Main menu");
    public static readonly LocalText YourAreas = new("Dine områder", "Your areas");
    public static readonly LocalText NavFrontPage = new("Forside", "Home");
    public static readonly LocalText NavHotline = new("Direktørlinjen", "The Director Line");
    public static readonly LocalText NavPanel = new("Borgerpanelet", "The Citizens' Panel");
    public static readonly LocalText NavNetwork = new("Ressourcenetværket", "The Resource Network");
    public static readonly LocalText NavMyContacts = new("Mine kontakter", "My contacts");
    public static readonly LocalText NavPanelCases = new("Panelsager", "Panel cases");
    public static readonly LocalText NavCallList = new("Min opkaldsliste", "My call list");
    public static readonly LocalText NavAdministration = new("Administration", "Administration");
    public static readonly LocalText NavNetworkRequests = new("Anmodninger i netværket", "Network requests");
    public static readonly LocalText NavNetworkGroups = new("Mine netværksgrupper", "My network groups");
    public static readonly LocalText LogIn = new("Log ind", "Log in");
    public static readonly LocalText LogOut = new("Log ud", "Log out");
    public static readonly LocalText SignedInAs = new("Logget ind som {0} ({1})", "Signed in as {0} ({1})");
    public static readonly LocalText OtherLanguageName = new("English", "Dansk");
    public static readonly LocalText BackToFrontPage = new("Til forsiden", "To the front page");
    public static readonly LocalText TitleSuffix = new("Civic", "Civic");
    public static readonly LocalText FooterAboutHeading = new("Om Civic", "About Civic");
    public static readonly LocalText FooterCookiesHeading = new("Cookies", "Cookies");
    public static readonly LocalText FooterAbout = new(
        "Civic er kommunens platform for samskabelse med borgerne: Direktørlinjen, Borgerpanelet og Ressourcenetværket.",
        "Civic is the municipality's platform for co-creation with its citizens: the Director Line, the Citizens' Panel and the Resource Network.");
    public static readonly LocalText FooterCookies = new(
        "Vi bruger kun de cookies, siden ikke kan fungere uden: dit sprogvalg, dit login og en sikkerhedsnøgle til formularer.",
        "We use only the cookies the site cannot work without: your language choice, your login and a security key for forms.");
}
