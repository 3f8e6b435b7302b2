namespace Civic.Network.Taxonomy;

/// <summary>
/// A municipal service area of <see cref="ServiceTaxonomy"/>: a KL Emnesystematik (KLE) main group's number as its code,
/// its Danish and English names, and Danish words for the services under it (search finds the area by them too).
/// </summary>
public sealed record MunicipalService(string Code, string Name, string EnglishName, IReadOnlyList<string> Synonyms);

/// <summary>
/// The municipal services a resource person can know their way around, as main groups of KL's Emnesystematik (KLE), the
/// task taxonomy municipalities file their cases by. Only the groups that families and citizens meet are here, and the
/// numbers and names are those we are sure of: the list is a subset for the municipality to check against KLE-online and
/// complete (a main group added here is accepted at once; a code is never reused). A service that fits none stays free
/// text on the profile ("other", <see cref="ResourcePersons.ResourcePerson.ServicesKnown"/>). Fixed in code, like the
/// competences, so codes are the same on every machine.
/// </summary>
public static class ServiceTaxonomy
{
    public static IReadOnlyList<MunicipalService> All { get; } =
    [
        new("15", "Beskæftigelse", "Employment", ["jobcenter", "ydelsescenter", "integrationsprogram", "ungeindsats", "kontanthjælp", "sygedagpenge", "fleksjob"]),
        new("17", "Undervisning og uddannelse", "Education", ["skoler", "folkeskole", "specialundervisning", "SFO", "PPR", "ungdommens uddannelsesvejledning"]),
        new("18", "Kultur og fritid", "Culture and leisure", ["biblioteker", "kulturhuse", "idrætsfaciliteter", "foreningsliv", "fritidstilbud"]),
        new("27", "Social service", "Social services", ["hjemmepleje", "plejeboliger", "hjælpemidler", "bostøtte", "handicap", "misbrugsbehandling", "velfærdsteknologi"]),
        new("28", "Børn og unge", "Children and young people", ["familierådgivning", "forebyggende foranstaltninger", "dagtilbud", "daginstitutioner", "anbringelse"]),
        new("29", "Sundhed", "Health", ["sundhedspleje", "genoptræning", "forebyggelse", "tandpleje", "sundhedsfremme"]),
    ];

    private static readonly Dictionary<string, MunicipalService> ByCode = All.ToDictionary(s => s.Code, StringComparer.Ordinal);

    public static MunicipalService? Find(string code) => ByCode.GetValueOrDefault(code);

    /// <summary>
    /// The area whose name or one of whose synonyms is <paramref name="text"/> (case does not matter), or null: how a free-text
    /// service is mapped when it plainly names an area (the demo data; the profile page suggests nothing by itself).
    /// </summary>
    public static MunicipalService? Matching(string text) =>
        All.FirstOrDefault(s => string.Equals(s.Name, text.Trim(), StringComparison.OrdinalIgnoreCase)
            || s.Synonyms.Contains(text.Trim(), StringComparer.OrdinalIgnoreCase));
}
