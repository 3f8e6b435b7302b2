using System.Globalization;
using Civic.Network.Taxonomy;

namespace Civic.Network.ResourcePersons;

/// <summary>A generated demo profile, its evidence of completed assignments, and whether its owner left it unconfirmed when asked.</summary>
public sealed record DemoProfile(string Id, NewResourcePerson Person, int CompletedAssignments, int FeedbackPoints, bool Stale = false);

/// <summary>
/// Fictitious staff (about 2,000 across the seven departments) and civil-society partners (40),
/// drawn from a fixed seed so that every machine, test and benchmark sees the same people. Each
/// department leans towards the competences its work needs; descriptions sometimes mention a
/// competence the person does not have ("would like to learn …"), which search must rank below
/// people who have it.
/// </summary>
public static class DemoProfileGenerator
{
    public const int Seed = 20261130;
    public const int StaffCount = 2000;
    public const int PartnerCount = 40;

    private static readonly (string Code, string[] Roles, string[] Competences, string TargetGroup, string[] Services)[] Departments =
    [
        ("boern-og-unge", ["Socialrådgiver", "Pædagog", "Skolekonsulent", "Sundhedsplejerske"],
            ["paaroerendesamarbejde", "konfliktmaegling", "facilitering", "traumeforstaaelse", "mentorforloeb", "borgerinddragelse"], "boern-og-unge",
            ["Familierådgivning", "PPR", "Dagtilbud", "Skoler", "Sundhedspleje"]),
        ("aeldre-og-handicap", ["Sygeplejerske", "Ergoterapeut", "Visitator", "Udviklingskonsulent"],
            ["rehabilitering", "paaroerendesamarbejde", "samskabelse", "frivillighed", "digital-inklusion", "designtaenkning"], "aeldre",
            ["Hjemmepleje", "Plejeboliger", "Hjælpemidler", "Genoptræning"]),
        ("beskaeftigelse", ["Jobkonsulent", "Virksomhedskonsulent", "Sagsbehandler", "Uddannelsesvejleder"],
            ["jobformidling", "uddannelsesvejledning", "mentorforloeb", "navigation", "tolkning", "netvaerksarbejde"], "ledige",
            ["Jobcenter", "Ydelsescenter", "Integrationsprogram", "Ungeindsats"]),
        ("by-og-land", ["Planlægger", "Byggesagsbehandler", "Miljømedarbejder", "Landskabsarkitekt"],
            ["borgerinddragelse", "dialogmoeder", "designtaenkning", "visualisering", "workshopdesign", "jura-forvaltning"], "borgere-med-handicap",
            ["Byggesager", "Lokalplaner", "Veje og trafik", "Affald"]),
        ("sundhed-og-kultur", ["Sundhedskonsulent", "Bibliotekar", "Kulturkonsulent", "Idrætskonsulent"],
            ["sundhedsfremme", "kulturformidling", "frivillighed", "netvaerksarbejde", "facilitering", "innovation"], "aeldre",
            ["Biblioteker", "Forebyggelse", "Idrætsfaciliteter", "Kulturhuse"]),
        ("borgerservice", ["Borgerservicemedarbejder", "Digitaliseringskonsulent", "Teamleder", "Kommunikationsmedarbejder"],
            ["digital-inklusion", "kommunikation", "navigation", "tolkning", "brugerundersoegelser", "data-og-analyse"], "borgere-med-handicap",
            ["Pas og kørekort", "Digital Post", "Folkeregister", "Boligstøtte"]),
        ("klima-og-miljoe", ["Klimakonsulent", "Miljøsagsbehandler", "Projektleder", "Naturvejleder"],
            ["projektledelse", "evaluering", "borgerinddragelse", "innovation", "workshopdesign", "procesledelse"], "boern-og-unge",
            ["Miljøtilsyn", "Klimatilpasning", "Natur og parker", "Energirådgivning"]),
    ];

    private static readonly string[] Partners =
    [
        "Ældre Sagen", "Røde Kors", "Red Barnet", "Mødrehjælpen", "Frivilligcenter", "KFUM", "Headspace", "Foreningen Nydansker",
        "Kirkens Korshær", "Dansk Flygtningehjælp", "Café Exit", "Natteravnene", "Børns Vilkår", "Livsglad", "Ungdommens Røde Kors",
        "DGI", "Bydelsmødre", "Lær for Livet", "Home-Start Familiekontakt", "Sind",
    ];

    private static readonly string[] FirstNames =
    [
        "Anne", "Mette", "Hanne", "Susanne", "Lene", "Marianne", "Camilla", "Louise", "Maria", "Sara", "Ida", "Emma", "Fatima", "Amina", "Zeynep", "Julie",
        "Peter", "Jens", "Lars", "Henrik", "Søren", "Thomas", "Martin", "Niels", "Rasmus", "Jesper", "Mads", "Ali", "Omar", "Jonas", "Frederik", "Kasper",
    ];

    private static readonly string[] LastNames =
    [
        "Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen",
        "Kristensen", "Olsen", "Thomsen", "Poulsen", "Johansen", "Møller", "Mortensen", "Holm", "Yilmaz", "Ahmed", "Berg", "Lund",
    ];

    private static readonly string[] Openings =
    [
        "Jeg arbejder tæt sammen med borgerne og kan hjælpe andre afdelinger.",
        "Har mange års erfaring og deler gerne ud af den.",
        "Jeg kan bidrage med et praktisk blik og hjælper gerne med konkrete opgaver.",
        "Jeg trives med at samarbejde på tværs af forvaltninger.",
    ];

    /// <summary>
    /// The generated profiles, the same on every call. Other counts (the search benchmark's 100,000)
    /// draw from the same seed, so their first staff are the demo's.
    /// </summary>
    public static IEnumerable<DemoProfile> Generate(int staffCount = StaffCount, int partnerCount = PartnerCount)
    {
        var random = new Random(Seed);
        var broad = CompetenceTaxonomy.All.Where(c => c.ParentId is null).Select(c => c.Id).ToArray();
        for (var i = 0; i < staffCount + partnerCount; i++)
        {
            var partner = i >= staffCount;
            var department = Departments[i % Departments.Length];
            var competences = new List<string>();
            var count = random.Next(2, 5);
            while (competences.Count < count)
            {
                // Mostly the department's own competences, sometimes any; now and then specialised for the department's target group.
                var pick = random.NextDouble() < 0.8 ? department.Competences[random.Next(department.Competences.Length)] : broad[random.Next(broad.Length)];
                var id = random.NextDouble() < 0.3 ? $"{pick}.{department.TargetGroup}" : pick;
                if (!competences.Any(c => c.Split('.')[0] == pick))
                {
                    competences.Add(id);
                }
            }

            var areas = CompetenceTaxonomy.ChallengeAreas.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToList();
            var languages = new List<WorkingLanguage> { WorkingLanguage.Danish };
            if (random.NextDouble() < 0.6)
            {
                languages.Add(WorkingLanguage.English);
            }

            if (random.NextDouble() < 0.15)
            {
                languages.Add(WorkingLanguage.Other);
            }

            var wish = CompetenceTaxonomy.Find(broad[random.Next(broad.Length)])!;
            var description = Openings[random.Next(Openings.Length)] + (random.NextDouble() < 0.4 ? $" Jeg vil gerne lære mere om {wish.Name.ToLowerInvariant()}." : string.Empty);
            var isPublic = partner || random.NextDouble() < 0.3;
            var publicFields = isPublic
                ? Enum.GetValues<ProfileField>().Where(_ => random.NextDouble() < 0.7).Append(ProfileField.Competences).Distinct().ToList()
                : [];
            var name = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";
            var completed = random.NextDouble() < 0.5 ? random.Next(1, 12) : 0;
            var manager = partner ? string.Empty : $"leder-{department.Code}-{(i / Departments.Length % 10) + 1}";
            var person = new NewResourcePerson(
                name,
                partner ? Partners[i % Partners.Length] + (i % 2 == 0 ? " Aalborg" : " Nord") : department.Code,
                [],
                areas,
                languages,
                random.NextDouble() < 0.15 ? 0 : random.Next(2, 21),
                isPublic ? Visibility.Public : Visibility.Internal)
            {
                Kind = partner ? PersonKind.Partner : PersonKind.Staff,
                Role = partner ? "Frivillig" : department.Roles[random.Next(department.Roles.Length)],
                CompetenceIds = competences,
                ServicesKnown = partner ? [] : department.Services.OrderBy(_ => random.Next()).Take(2).ToList(),
                Description = description,
                ManagerId = manager,
                OwnerId = $"demo-person-{i + 1}",
                ContactEmail = $"demo-person-{i + 1}@{(partner ? "forening" : "kommune")}.example",
                ManagerEmail = partner ? string.Empty : $"{manager}@kommune.example",
                OptedIn = random.NextDouble() < 0.95,
                PublicFields = publicFields,
            };
            // Every tenth profile is stale (not from the random stream, so the people stay the same).
            yield return new DemoProfile(IdOf(i), WithServicesMapped(person), completed, completed * random.Next(3, 6), Stale: i % 10 == 7);
        }
    }

    /// <summary>
    /// The services mapped to the service taxonomy where one plainly names an area; the rest stay "other" text. Done after
    /// drawing the person, so the random stream (and with it every generated person) is the same as before the mapping.
    /// </summary>
    private static NewResourcePerson WithServicesMapped(NewResourcePerson person) => person with
    {
        ServiceCodes = [.. person.ServicesKnown.Select(ServiceTaxonomy.Matching).OfType<MunicipalService>().Select(s => s.Code).Distinct()],
        ServicesKnown = [.. person.ServicesKnown.Where(s => ServiceTaxonomy.Matching(s) is null)],
    };

    /// <summary>The fixed id of the <paramref name="index"/>th generated profile.</summary>
    public static string IdOf(int index) => $"0192f0a0-0000-7000-8001-{index + 1:D12}".ToString(CultureInfo.InvariantCulture);
}
