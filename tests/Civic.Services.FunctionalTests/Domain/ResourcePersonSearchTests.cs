using Civic.Network.ResourcePersons;
using Civic.Network.Search;
using Civic.Network.Taxonomy;

namespace Civic.Services.FunctionalTests.Domain;

public sealed class ResourcePersonSearchTests
{
    [Fact]
    public void Rank_CompetenceBeatsDescription_AndAvailabilityAndEvidenceBreakTies()
    {
        var describer = Person("1", [], "Jeg vil gerne lære facilitering.", completed: 0);
        var busy = Person("2", ["facilitering"], "", completed: 0);
        var available = Person("3", ["facilitering"], "", completed: 0);
        var proven = Person("4", ["facilitering"], "", completed: 8);

        var ranked = SearchRanking.Rank(
            [new(describer, 20, 1.0), new(busy, 0, 0.5), new(available, 20, 0.5), new(proven, 0, 0.5)],
            [DanishText.Stem("facilitering")]);

        Assert.Equal(["3", "4", "2", "1"], ranked.Select(h => h.Person.Id));
    }

    [Fact]
    public void Arrange_CountsFromTheDatabase_FacetsInOrderTopTwentyLabelledHoursReachedOnly()
    {
        var organisations = Enumerable.Range(0, 25).Select(i => (SearchFacets.Organisation, $"org{i:00}", 100 - i));
        var facets = SearchFacets.Arrange(
            [(SearchFacets.AvailableHours, "10", 3), (SearchFacets.AvailableHours, "1", 7), (SearchFacets.AvailableHours, "20", 0),
             (SearchFacets.Language, "English", 4), (SearchFacets.Language, "Danish", 4),
             (SearchFacets.Competence, "facilitering", 2), .. organisations]);

        Assert.Equal([SearchFacets.Organisation, SearchFacets.Competence, SearchFacets.Language, SearchFacets.AvailableHours], facets.Select(f => f.Facet).Distinct());
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"org{i:00}"), facets.Where(f => f.Facet == SearchFacets.Organisation).Select(f => f.Value));
        Assert.Equal(["Dansk", "Engelsk"], facets.Where(f => f.Facet == SearchFacets.Language).Select(f => f.Label));
        Assert.Equal("Facilitering", facets.Single(f => f.Facet == SearchFacets.Competence).Label);
        Assert.Equal(["Mindst 1 ledige timer", "Mindst 10 ledige timer"], facets.Where(f => f.Facet == SearchFacets.AvailableHours).Select(f => f.Label));
    }

    [Theory]
    [InlineData("facilitator")]
    [InlineData("facilitering")]
    [InlineData("faciliterende")]
    [InlineData("mødeledelse")]
    public void MatchedCompetences_InflectionsAndSynonyms_FindFacilitering(string word)
    {
        var matched = SearchRanking.MatchedCompetences([DanishText.Stem(word)]);

        Assert.Contains("facilitering", matched);
        Assert.Contains("facilitering.aeldre", matched);
    }

    [Fact]
    public void Words_OperatorsAndQuotes_OnlyLettersAndDigitsRemain()
    {
        Assert.Equal(["ensomhed", "or", "ældre", "near", "2"], DanishText.Words("\"ensomhed\" OR ældre* NEAR(2) -:^"));
        Assert.True(DanishText.IsStopWord("og"));
    }

    [Fact]
    public void QueryWords_AtTheBounds_Accepted()
    {
        Assert.Single(ResourcePersonRules.QueryWords(new string('a', ResourcePersonRules.MaxQueryLength)));
        Assert.Equal(ResourcePersonRules.MaxQueryWords, ResourcePersonRules.QueryWords(string.Join(' ', Enumerable.Range(1, 12).Select(i => $"w{i}"))).Count);
        // Repeating a word does not make it count twice.
        Assert.Single(ResourcePersonRules.QueryWords(string.Join(' ', Enumerable.Repeat("ensomhed", 20))));
    }

    [Theory]
    [InlineData(201, 1)]
    [InlineData(0, 13)]
    public void QueryWords_BeyondTheBounds_RefusedWithDanishText(int length, int words)
    {
        var query = length > 0 ? new string('a', length) : string.Join(' ', Enumerable.Range(1, words).Select(i => $"w{i}"));

        var exception = Assert.Throws<Civic.Hosting.Errors.ValidationException>(() => ResourcePersonRules.QueryWords(query));

        var violation = Assert.Single(exception.Violations);
        Assert.Equal("query", violation.Field);
        Assert.StartsWith("Sø", violation.DanishDescription, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_TwiceFromTheSeed_SameProfilesOfTheTaxonomy()
    {
        var first = DemoProfileGenerator.Generate().ToList();
        var second = DemoProfileGenerator.Generate().ToList();

        Assert.Equal(DemoProfileGenerator.StaffCount + DemoProfileGenerator.PartnerCount, first.Count);
        Assert.Equal(first.Select(p => (p.Id, p.Person.DisplayName, string.Join(',', p.Person.CompetenceIds))), second.Select(p => (p.Id, p.Person.DisplayName, string.Join(',', p.Person.CompetenceIds))));
        Assert.All(first, p => ResourcePersonRules.Validate(p.Person));
        Assert.Equal(7, first.Where(p => p.Person.Kind == PersonKind.Staff).Select(p => p.Person.Organisation).Distinct().Count());
        Assert.Equal(150, CompetenceTaxonomy.All.Count);
        Assert.Equal(8, CompetenceTaxonomy.ChallengeAreas.Count);
    }

    [Fact]
    public void Generate_ServicesMappedToTheServiceTaxonomyWhereOneFits_TheRestStayOtherText()
    {
        var staff = DemoProfileGenerator.Generate().Where(p => p.Person.Kind == PersonKind.Staff).Select(p => p.Person).ToList();

        Assert.All(staff, p => Assert.All(p.ServiceCodes, code => Assert.NotNull(ServiceTaxonomy.Find(code))));
        Assert.All(staff, p => Assert.All(p.ServicesKnown, text => Assert.Null(ServiceTaxonomy.Matching(text))));
        Assert.Contains(staff, p => p.Organisation == "aeldre-og-handicap" && p.ServiceCodes.Contains("27"));
        Assert.Contains(staff, p => p.Organisation == "borgerservice" && p.ServicesKnown.Contains("Pas og kørekort"));
        // Each code is on the list once, and the demo uses every area.
        Assert.Equal(ServiceTaxonomy.All.Count, ServiceTaxonomy.All.Select(s => s.Code).Distinct().Count());
        Assert.Equal(["15", "17", "18", "27", "28", "29"], staff.SelectMany(p => p.ServiceCodes).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_TooManyOrUnknownServiceCodes_ViolationsOnTheField_KnownOnesTrimmedOnce()
    {
        var person = new NewResourcePerson("Navn", "boern-og-unge", [], [], [], 4, Visibility.Internal);

        var tooMany = Assert.Throws<Civic.Hosting.Errors.ValidationException>(() =>
            ResourcePersonRules.Validate(person with { ServiceCodes = Enumerable.Repeat("27", ResourcePersonRules.MaxTerms + 1).ToList() }));
        var unknown = Assert.Throws<Civic.Hosting.Errors.ValidationException>(() =>
            ResourcePersonRules.Validate(person with { ServiceCodes = ["27", "hjemmepleje"] }));
        var valid = ResourcePersonRules.Validate(person with { ServiceCodes = [" 28", "28 ", "17"] });

        Assert.Equal(["service_codes"], tooMany.Violations.Select(v => v.Field));
        Assert.Equal(["service_codes[1]"], unknown.Violations.Select(v => v.Field));
        Assert.Equal(["28", "17"], valid.ServiceCodes);
    }

    private static ResourcePerson Person(string id, List<string> competences, string description, int completed) => new()
    {
        Id = id,
        DisplayName = $"Person {id}",
        Organisation = "boern-og-unge",
        CompetenceIds = competences,
        Description = description,
        CapacityHoursPerMonth = 20,
        CompletedAssignments = completed,
        FeedbackPoints = completed * 5,
        OptedIn = true,
    };
}
