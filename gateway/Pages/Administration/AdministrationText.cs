using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Pages.Administration;

/// <summary>The administrators' area.</summary>
public static class AdministrationText
{
    public static readonly LocalText Lead = new(
        "Oversigt over de forvaltninger, der er med på Direktørlinjen.",
        "An overview of the departments that take part in the Director Line.");
    public static readonly LocalText Coming = new(
        "At oprette og rette forvaltninger og brugere her kommer i en senere version. Indtil da gøres det gennem kommunens API. Telefontiderne retter du under Regler for telefontider.",
        "Creating and changing departments and users here comes in a later version. Until then it is done through the municipality's API. Telephone hours are changed under Rules for telephone hours.");

    public static readonly LocalText JobsHeading = new("Baggrundsjob", "Background jobs");
    public static readonly LocalText JobsLead = new(
        "Hver tjeneste kører baggrundsjob efter en tidsplan. Her kan du se, hvornår de kører, og om de fejler. Oversigterne er på engelsk og kan kun læses.",
        "Each service runs background jobs on a schedule. Here you can see when they run and whether they fail. The overviews are in English and read-only.");
}
