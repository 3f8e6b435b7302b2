using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Pages.Panel;

/// <summary>Texts of a panel case's convening page (coordinators).</summary>
public static class CaseDrawText
{
    public static readonly LocalText Lead = new(
        "Her indkalder du et panel til sagen ved lodtrækning blandt de aktive frivillige. Lodtrækningen giver alle så lige en chance som kvoterne tillader (leximin), og hver trækning kan efterprøves.",
        "Here you convene a panel for the case by lottery among the active volunteers. The lottery gives everyone as equal a chance as the quotas allow (leximin), and every draw can be verified.");
    public static readonly LocalText ScopeHeading = new("Indflydelsesrum", "Scope of influence");
    public static readonly LocalText TextFlags = new(
        "Sagens tekster ser ud til at indeholde kontaktoplysninger ({0}). Sagstekster skal være pseudonymiserede: omtal personer ved deres rolle.",
        "The case's texts seem to contain contact details ({0}). Case texts must be pseudonymised: refer to people by their role.");

    /// <summary>One flag as "an e-mail address in the summary".</summary>
    public static string Flag(Civic.Contracts.Panel.V1.CaseTextFlag flag)
    {
        var kind = flag.Kind == Civic.Contracts.Panel.V1.CaseTextFlagKind.EmailAddress ? new LocalText("en e-mailadresse", "an e-mail address") : new LocalText("et telefonnummer", "a phone number");
        var field = flag.Field switch
        {
            "title" => new LocalText("titlen", "the title"),
            "summary" => new LocalText("resuméet", "the summary"),
            "purpose" => new LocalText("formålet", "the purpose"),
            "success_criteria" => new LocalText("succeskriterierne", "the success criteria"),
            "stakeholders" => new LocalText("interessenterne", "the stakeholders"),
            "panel_questions" => new LocalText("spørgsmålene til panelet", "the questions for the panel"),
            _ => new LocalText("indflydelsesrummet", "the scope of influence"),
        };
        return new LocalText($"{kind.Da} i {field.Da}", $"{kind.En} in {field.En}").Current;
    }

    public static readonly LocalText NoScope = new("Indflydelsesrummet er ikke angivet endnu; et panel kan først indkaldes, når det er.", "The scope of influence has not been set yet; a panel can be convened only once it is.");
    public static readonly LocalText ConveneHeading = new("Indkald et panel", "Convene a panel");
    public static readonly LocalText PanelSize = new("Panelets størrelse", "Panel size");
    public static readonly LocalText PanelSizeHint = new("Antal pladser, fx 12.", "Number of seats, e.g. 12.");
    public static readonly LocalText Quotas = new("Kvoter", "Quotas");
    public static readonly LocalText QuotasHint = new(
        "Én kvote pr. linje: kategori,værdi,min,maks – fx age_band,75+,1,3. Værdier uden kvote i en kategori med kvoter får 0 til panelets størrelse.",
        "One quota per line: category,value,min,max – e.g. age_band,75+,1,3. Values without a quota in a category with quotas get 0 to the panel size.");
    public static readonly LocalText Convene = new("Træk panelet", "Draw the panel");
    public static readonly LocalText BadPanelSize = new("Skriv panelets størrelse som et helt tal.", "Enter the panel size as a whole number.");
    public static readonly LocalText BadQuotaLine = new("Linje {0} skal have formen kategori,værdi,min,maks.", "Line {0} must have the form category,value,min,max.");
    public static readonly LocalText Refused = new("Panelet blev ikke trukket: {0}", "The panel was not drawn: {0}");
    public static readonly LocalText DrawHeading = new("Seneste lodtrækning", "Latest draw");
    public static readonly LocalText NoDraws = new("Der er ikke trukket et panel til sagen endnu.", "No panel has been drawn for the case yet.");
    public static readonly LocalText Minimum = new("Laveste udvælgelsessandsynlighed", "Lowest selection probability");
    public static readonly LocalText Bound = new("Dokumenteret øvre grænse for den laveste", "Certified upper bound on the lowest");
    public static readonly LocalText Gap = new("Afstand til grænsen (procentpoint)", "Gap to the bound (percentage points)");
    public static readonly LocalText Seed = new("Frø", "Seed");
    public static readonly LocalText Snapshot = new("Fingeraftryk af puljen (SHA-256)", "Pool fingerprint (SHA-256)");
    public static readonly LocalText Algorithm = new("Algoritme", "Algorithm");
    public static readonly LocalText PanelHeading = new("Det trukne panel", "The drawn panel");
    public static readonly LocalText ReservesHeading = new("Reserver i rækkefølge", "Reserves in order");
    public static readonly LocalText ProbabilitiesHeading = new("Alle medlemmers sandsynlighed", "Every member's probability");
    public static readonly LocalText MemberColumn = new("Medlem (pseudonymt id)", "Member (pseudonymous id)");
    public static readonly LocalText ProbabilityColumn = new("Sandsynlighed", "Probability");
    public static readonly LocalText DrawnColumn = new("Trukket", "Drawn");
    public static readonly LocalText Yes = new("Ja", "Yes");
    public static readonly LocalText No = new("Nej", "No");
    public static readonly LocalText CaseLink = new("Åbn sagen", "Open the case");
}
