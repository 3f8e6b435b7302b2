namespace Civic.Gateway.BrowserTests.Infrastructure;

/// <summary>A page of the web UI as a test visits it: as whom, and what its heading says in each language.</summary>
public sealed record UiPage(string Name, string Path, string? Role, string DanishHeading, string EnglishHeading, int Status = 200)
{
    public string Heading(string language) => language == "en" ? EnglishHeading : DanishHeading;
}

/// <summary>Every page of the UI (and the error pages), with the demo role that may open it.</summary>
public static class UiPages
{
    public static IReadOnlyList<UiPage> All { get; } =
    [
        new("front-page", "/", null, "Borgere og kommune skaber løsninger sammen", "Citizens and the municipality creating solutions together"),
        new("hotline", "/direktoerlinjen", null, "Direktørlinjen", "The Director Line"),
        new("hotline-book", "/direktoerlinjen/book", null, "Book en tid hos en direktør", "Book a time with a director"),
        new("hotline-book-department", "/direktoerlinjen/book?afdeling=0192f0a0-0000-7000-8000-000000000001", null, "Book en tid hos en direktør", "Book a time with a director"),
        new("hotline-ideas", "/direktoerlinjen/ideer", null, "Idéer fra borgerne", "Ideas from citizens"),
        new("development-mailbox", "/udvikling/postkasse", null, "Udviklingspostkasse", "Development mailbox"),
        new("panel", "/borgerpanelet", null, "Borgerpanelet", "The Citizens' Panel"),
        new("panel-sign-up", "/borgerpanelet/tilmeld", null, "Meld dig til Borgerpanelet", "Join the Citizens' Panel"),
        new("panel-sign-up-sent", "/borgerpanelet/tilmeld/sendt?frist=1893456000", null, "Tjek din e-mail", "Check your e-mail"),
        new("panel-confirm", "/borgerpanelet/bekraeft/0192f0a0-0000-7000-8000-000000000001?noegle=1893456000.x", null, "Bekræft din tilmelding", "Confirm your sign-up"),
        new("panel-member-wrong-link", "/borgerpanelet/medlem/0192f0a0-0000-7000-8000-000000000001?noegle=1893456000.x", null, "Mit medlemskab af Borgerpanelet", "My membership of the Citizens' Panel"),
        new("panel-withdrawn", "/borgerpanelet/medlem/udmeldt", null, "Du er meldt ud", "You have withdrawn"),
        new("network", "/ressourcenetvaerket", null, "Ressourcenetværket", "The Resource Network"),
        new("network-search", "/ressourcenetvaerket/soeg", null, "Søg i netværket", "Search the network"),
        new("log-in", "/log-ind", null, "Log ind", "Log in"),
        new("log-out", "/log-ud", "citizen", "Log ud", "Log out"),
        new("front-page-signed-in", "/", "staff", "Borgere og kommune skaber løsninger sammen", "Citizens and the municipality creating solutions together"),
        new("my-contacts", "/mine-kontakter", "citizen", "Mine kontakter", "My contacts"),
        new("panel-cases", "/borgerpanelet/sager", "coordinator", "Panelsager", "Panel cases"),
        new("panel-case", "/borgerpanelet/sager/0192f0a0-0000-7000-8000-000000000102", "coordinator", "Overgang fra hjemmepleje til plejebolig", "Overgang fra hjemmepleje til plejebolig"),
        new("panel-fairness", "/borgerpanelet/retfaerdighed", "coordinator", "Fordeling af deltagelse", "Distribution of participation"),
        new("panel-assisted-sign-up", "/borgerpanelet/medlemmer/ny", "staff", "Tilmeld en borger", "Register a citizen"),
        new("panel-audit-log", "/administration/borgerpanelet/revisionslog", "admin", "Borgerpanelets revisionslog", "The Citizens' Panel's audit log"),
        new("panel-case-phases", "/borgerpanelet/sager/0192f0a0-0000-7000-8000-000000000102/fase", "coordinator", "Indflydelsesrum og faser: Overgang fra hjemmepleje til plejebolig", "Scope of influence and phases: Overgang fra hjemmepleje til plejebolig"),
        new("panel-case-invitations", "/borgerpanelet/sager/0192f0a0-0000-7000-8000-000000000101/invitationer", "coordinator", "Invitationer: Ensomhed blandt unge i Øst", "Invitations: Ensomhed blandt unge i Øst"),
        new("panel-case-work", "/borgerpanelet/sager/0192f0a0-0000-7000-8000-000000000101/arbejde", "coordinator", "Panelets arbejde: Ensomhed blandt unge i Øst", "The panel's work: Ensomhed blandt unge i Øst"),
        new("call-list", "/direktoerlinjen/opkaldsliste", "director", "Min opkaldsliste", "My call list"),
        new("hotline-statistics", "/direktoerlinjen/statistik", "director", "Direktørlinjen i tal", "The Director Line in numbers"),
        new("administration", "/administration", "admin", "Administration", "Administration"),
        new("hotline-schedule-rules", "/administration/direktoerlinjen/regler", "admin", "Regler for telefontider", "Rules for telephone hours"),
        new("network-requests", "/ressourcenetvaerket/anmodninger", "coordinator", "Anmodninger i netværket", "Network requests"),
        new("network-request-form", "/ressourcenetvaerket/anmod", "staff", "Anmod om hjælp", "Ask for help"),
        new("network-navigators", "/ressourcenetvaerket/navigatoerer", "staff", "Navigatører", "Navigators"),
        new("network-groups", "/ressourcenetvaerket/grupper", "staff", "Netværksgrupper", "Network groups"),
        new("network-group", "/ressourcenetvaerket/grupper/0192f0a0-0000-7000-8006-000000000002", "staff", "Netværk om udsatte familier", "Netværk om udsatte familier"),
        new("network-profile", "/ressourcenetvaerket/profiler/0192f0a0-0000-7000-8000-000000000201", null, "Lise Andersen", "Lise Andersen"),
        new("network-reports", "/ressourcenetvaerket/indberetninger", "staff", "Indberetninger om profiler", "Reports on profiles"),
        new("network-toolbox", "/ressourcenetvaerket/vaerktoejskasse", null, "Værktøjskassen", "The toolbox"),
        new("network-toolbox-article", "/ressourcenetvaerket/vaerktoejskasse/borgermoede-paa-en-aften", null, "Borgermøde på en aften", "Borgermøde på en aften"),
        new("not-found", "/findes-ikke", null, "Siden findes ikke", "Page not found", 404),
        new("forbidden", "/administration", "citizen", "Du har ikke adgang", "You do not have access", 403),
    ];

    public static UiPage Named(string name) => All.Single(page => page.Name == name);
}
