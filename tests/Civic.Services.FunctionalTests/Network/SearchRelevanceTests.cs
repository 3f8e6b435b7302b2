using Civic.Contracts.Network.V1;
using Civic.Defaults.Auth;

namespace Civic.Services.FunctionalTests.Network;

public sealed class SearchRelevanceTestsOnSqlite(NetworkDemoOnSqlite fixture) : SearchRelevanceTests(fixture), IClassFixture<NetworkDemoOnSqlite>;

public sealed class SearchRelevanceTestsOnPostgres(NetworkDemoOnPostgres fixture) : SearchRelevanceTests(fixture), IClassFixture<NetworkDemoOnPostgres>;

/// <summary>
/// Search quality over the demo data: 50 labelled queries (Danish inflections, synonyms, several
/// words, challenge areas, services). A result is relevant when the profile it returns has what the
/// query asks for: a competence of the named family of the taxonomy (the broad competence or one of
/// its specialisations), the challenge area, or the service. Precision@5 is reported per query and
/// on average; the target is 0.8.
/// </summary>
public abstract class SearchRelevanceTests(NetworkDemoFixture fixture)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = ResourcePersonsReflection.Descriptor.Services[0];

    private static Func<ResourcePerson, bool> Competence(string family) =>
        p => p.TaxonomyCompetences.Any(c => c.Id == family || c.Id.StartsWith(family + ".", StringComparison.Ordinal));

    private static Func<ResourcePerson, bool> Area(string area) => p => p.ChallengeAreas.Contains(area);

    // A service is mapped to its area of the service taxonomy (KLE main group): who knows the area is relevant.
    private static Func<ResourcePerson, bool> ServiceArea(string code) => p => p.TaxonomyServices.Any(s => s.Code == code);

    /// <summary>The labelled set: query → what makes a result relevant.</summary>
    internal static readonly (string Query, Func<ResourcePerson, bool> Relevant)[] Labelled =
    [
        ("facilitering", Competence("facilitering")),
        ("facilitator", Competence("facilitering")),
        ("faciliterende", Competence("facilitering")),
        ("facilitatorer", Competence("facilitering")),
        ("mødeledelse", Competence("facilitering")),
        ("borgerinddragelse", Competence("borgerinddragelse")),
        ("inddragelse af borgerne", Competence("borgerinddragelse")),
        ("borgerdialog", Competence("borgerinddragelse")),
        ("samskabelse", Competence("samskabelse")),
        ("co-creation", Competence("samskabelse")),
        ("samproduktion", Competence("samskabelse")),
        ("konfliktmægling", Competence("konfliktmaegling")),
        ("mægling", Competence("konfliktmaegling")),
        ("mediation", Competence("konfliktmaegling")),
        ("netværksarbejde", Competence("netvaerksarbejde")),
        ("frivillighedskoordinering", Competence("frivillighed")),
        ("frivilligkoordinator", Competence("frivillighed")),
        ("navigator", Competence("navigation")),
        ("vejviser", Competence("navigation")),
        ("brobygning", Competence("navigation")),
        ("mentor", Competence("mentorforloeb")),
        ("mentorordning", Competence("mentorforloeb")),
        ("tolk", Competence("tolkning")),
        ("oversættelse", Competence("tolkning")),
        ("klarsprog", Competence("kommunikation")),
        ("workshops", Competence("workshopdesign")),
        ("designtænkning", Competence("designtaenkning")),
        ("servicedesign", Competence("designtaenkning")),
        ("projektledelse", Competence("projektledelse")),
        ("evaluering", Competence("evaluering")),
        ("effektmåling", Competence("evaluering")),
        ("interviews", Competence("brugerundersoegelser")),
        ("visualisering", Competence("visualisering")),
        ("digital hjælp", Competence("digital-inklusion")),
        ("forebyggelse", Competence("sundhedsfremme")),
        ("genoptræning", Competence("rehabilitering")),
        ("pårørende", Competence("paaroerendesamarbejde")),
        ("forældresamarbejde", Competence("paaroerendesamarbejde")),
        ("jobformidling", Competence("jobformidling")),
        ("uddannelsesvejledning", Competence("uddannelsesvejledning")),
        ("boligsocialt arbejde", Competence("boligsociale-indsatser")),
        ("foreningsliv", Competence("kulturformidling")),
        ("sagsbehandling", Competence("jura-forvaltning")),
        ("statistik", Competence("data-og-analyse")),
        ("traumer", Competence("traumeforstaaelse")),
        ("procesledelse", Competence("procesledelse")),
        ("dialogmøder", Competence("dialogmoeder")),
        ("facilitering for ældre", Competence("facilitering")),
        ("ensomhed", Area("Ensomhed")),
        ("hjemmepleje", ServiceArea("27")),
    ];

    [Fact]
    public async Task LabelledQueries_PrecisionAtFive_AtLeast080()
    {
        Assert.Equal(50, Labelled.Length);
        var report = new List<string>();
        var precisions = new List<double>();
        foreach (var (query, relevant) in Labelled)
        {
            var result = await fixture.Host.CallAsync<SearchResourcePersonsRequest, SearchResourcePersonsResponse>(
                Service, "SearchResourcePersons", new() { Query = query, Page = new() { PageSize = 5 } }, CivicRoles.Staff);
            var hits = result.ResourcePersons.Count(relevant);
            precisions.Add(hits / 5.0);
            report.Add($"{query}: P@5 = {hits / 5.0:0.0} ({result.Page.TotalSize} matches)");
        }

        var mean = precisions.Average();
        TestContext.Current.TestOutputHelper?.WriteLine($"Mean precision@5 over {Labelled.Length} queries: {mean:0.000}\n" + string.Join('\n', report));
        Assert.True(mean >= 0.8, $"Mean precision@5 {mean:0.000} is below 0.8:\n" + string.Join('\n', report));
        Assert.Empty(fixture.Host.ErrorLogs());
    }

    [Fact]
    public async Task DemoData_ThirtyToolboxArticles_PublicPartWithoutLogin()
    {
        var toolbox = ToolboxReflection.Descriptor.Services[0];
        var all = await fixture.Host.CallAsync<ListArticlesRequest, ListArticlesResponse>(toolbox, "ListArticles", new(), CivicRoles.Staff);
        var anonymous = await fixture.Host.CallAsync<ListArticlesRequest, ListArticlesResponse>(toolbox, "ListArticles", new(), null);

        Assert.Equal(30, all.Page.TotalSize);
        Assert.InRange(anonymous.Page.TotalSize, 15, 29);
        Assert.All(anonymous.Articles, a => Assert.Contains(a.Audiences, x => x is Audience.Citizens or Audience.Partners));
    }

    [Fact]
    public async Task DemoData_TwoThousandStaffSevenDepartmentsFortyPartners()
    {
        var result = await fixture.Host.CallAsync<SearchResourcePersonsRequest, SearchResourcePersonsResponse>(
            Service, "SearchResourcePersons", new() { Page = new() { PageSize = 1 } }, CivicRoles.Staff);

        // About 5 % of the generated people have not opted in, so search finds a little fewer than 2,045.
        Assert.InRange(result.Page.TotalSize, 1900, 2045);
        Assert.Equal(20, result.Facets.Single(f => f.Name == "organisation").Values.Count);
        Assert.Equal(8, result.Facets.Single(f => f.Name == "challenge_area").Values.Count);
    }
}
