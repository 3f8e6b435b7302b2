namespace Civic.Panel.Pool;

/// <summary>
/// The consent text a volunteer accepts, by version. A new text gets a new version; consent given to an
/// older version stays valid until it expires, and renewal is always to the version in force.
/// </summary>
public static class ConsentText
{
    public const string CurrentVersion = "2026-11";

    /// <summary>What the consent covers.</summary>
    public const string Scope = "panel-pool";

    public const string Current =
        "Jeg giver samtykke til, at kommunen opbevarer mit navn, mine kontaktoplysninger og de oplysninger om mig, jeg har angivet " +
        "(aldersgruppe, bydel, husstand, erfaringer, tilgængelighed og sprog), så jeg kan trækkes ud til borgerpaneler og kontaktes om det. " +
        "Samtykket gælder i 24 måneder og kan fornyes. Jeg kan til enhver tid se og hente mine oplysninger og trække mig; så slettes mine " +
        "personoplysninger, og kun anonym statistik bliver tilbage.";
}
