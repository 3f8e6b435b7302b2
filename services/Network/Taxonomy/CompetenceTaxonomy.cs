namespace Civic.Network.Taxonomy;

/// <summary>A competence of the controlled taxonomy: a stable id, a Danish name and Danish synonyms.</summary>
public sealed record Competence(string Id, string Name, IReadOnlyList<string> Synonyms, string? ParentId);

/// <summary>
/// The competence taxonomy: 30 broad competences of co-creation, navigation and collaboration, each
/// also specialised for the four target groups the departments serve (150 in all), and the eight
/// challenge areas networks are formed around. Fixed in code so ids are the same on every machine;
/// "other" competences stay free text on the profile until an administrator folds them in here.
/// </summary>
public static class CompetenceTaxonomy
{
    private static readonly (string Id, string Name, string[] Synonyms)[] Broad =
    [
        ("facilitering", "Facilitering", ["facilitator", "faciliterende", "procesfacilitering", "mødeledelse"]),
        ("borgerinddragelse", "Borgerinddragelse", ["borgerdialog", "brugerinddragelse", "inddragelse", "deltagelse"]),
        ("samskabelse", "Samskabelse", ["co-creation", "samproduktion", "samarbejdsdrevet innovation"]),
        ("procesledelse", "Procesledelse", ["procesdesign", "forløbsledelse"]),
        ("designtaenkning", "Designtænkning", ["design thinking", "servicedesign", "brugercentreret design"]),
        ("dialogmoeder", "Dialogmøder", ["borgermøder", "dialogcafé", "fokusgrupper"]),
        ("konfliktmaegling", "Konfliktmægling", ["mægling", "mediation", "konfliktløsning"]),
        ("netvaerksarbejde", "Netværksarbejde", ["netværksdannelse", "netværksfacilitering", "relationsarbejde"]),
        ("frivillighed", "Frivillighedskoordinering", ["frivillige", "frivilligkoordinator", "frivilligt arbejde"]),
        ("navigation", "Navigation i kommunens tilbud", ["navigator", "vejviser", "lotse", "brobygning"]),
        ("mentorforloeb", "Mentorforløb", ["mentor", "mentorordning", "sparring"]),
        ("tolkning", "Tolkning og sprogstøtte", ["tolk", "oversættelse", "sprogstøtte"]),
        ("kommunikation", "Klar kommunikation", ["klarsprog", "formidling", "tekstskrivning"]),
        ("workshopdesign", "Workshopdesign", ["workshop", "workshops", "idéudvikling"]),
        ("innovation", "Innovation", ["nytænkning", "forsøg", "eksperimenter"]),
        ("projektledelse", "Projektledelse", ["projektstyring", "projektkoordinering"]),
        ("evaluering", "Evaluering og effektmåling", ["effektmåling", "opfølgning", "evaluere"]),
        ("brugerundersoegelser", "Brugerundersøgelser", ["interview", "interviews", "spørgeskema", "antropologi"]),
        ("visualisering", "Grafisk facilitering", ["visualisering", "tegning", "graphic recording"]),
        ("digital-inklusion", "Digital inklusion", ["digital hjælp", "it-hjælp", "digitale færdigheder"]),
        ("sundhedsfremme", "Sundhedsfremme", ["forebyggelse", "trivsel", "motion"]),
        ("traumeforstaaelse", "Traumebevidst tilgang", ["traumer", "traumeforståelse", "krisehjælp"]),
        ("paaroerendesamarbejde", "Pårørendesamarbejde", ["pårørende", "familieinddragelse", "forældresamarbejde"]),
        ("rehabilitering", "Rehabilitering", ["genoptræning", "hverdagsrehabilitering"]),
        ("jobformidling", "Jobformidling", ["virksomhedskontakt", "jobmatch", "praktik"]),
        ("uddannelsesvejledning", "Uddannelsesvejledning", ["vejledning", "studievejledning", "karrierevejledning"]),
        ("boligsociale-indsatser", "Boligsocialt arbejde", ["boligsocial", "beboerdemokrati", "beboere"]),
        ("kulturformidling", "Kulturformidling", ["kultur", "fællesskaber", "foreningsliv"]),
        ("jura-forvaltning", "Forvaltningsret og sagsbehandling", ["jura", "sagsbehandling", "forvaltningsret"]),
        ("data-og-analyse", "Data og analyse", ["dataanalyse", "statistik", "analyse"]),
    ];

    private static readonly (string Id, string Name)[] TargetGroups =
    [
        ("boern-og-unge", "børn og unge"),
        ("aeldre", "ældre"),
        ("borgere-med-handicap", "borgere med handicap"),
        ("ledige", "ledige"),
    ];

    public static IReadOnlyList<string> ChallengeAreas { get; } =
    [
        "Ensomhed",
        "Udsatte familier",
        "Unge uden job eller uddannelse",
        "Integration",
        "Mental sundhed",
        "Klima og bæredygtighed",
        "Tryghed i boligområder",
        "Sundhed og trivsel for ældre",
    ];

    public static IReadOnlyList<Competence> All { get; } = Build();

    private static readonly Dictionary<string, Competence> ById = All.ToDictionary(c => c.Id, StringComparer.Ordinal);

    public static Competence? Find(string id) => ById.GetValueOrDefault(id);

    /// <summary>The competences that specialise <paramref name="broadId"/> (for target groups), with the broad one first.</summary>
    public static IEnumerable<Competence> Family(string broadId) =>
        All.Where(c => c.Id == broadId || c.ParentId == broadId);

    private static List<Competence> Build()
    {
        var all = new List<Competence>();
        foreach (var (id, name, synonyms) in Broad)
        {
            all.Add(new Competence(id, name, synonyms, null));
        }

        foreach (var (id, name, synonyms) in Broad)
        {
            foreach (var (groupId, groupName) in TargetGroups)
            {
                all.Add(new Competence($"{id}.{groupId}", $"{name} for {groupName}", synonyms, id));
            }
        }

        return all;
    }
}
