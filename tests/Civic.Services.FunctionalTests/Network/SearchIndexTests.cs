using Civic.Contracts.Common.V1;
using Civic.Contracts.Network.V1;
using Civic.Network;
using Civic.Network.Capacity;
using Civic.Network.Search;
using Civic.Network.Search.InMemory;
using Civic.Services.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResourcePersonGrpcService = Civic.Network.ResourcePersons.ResourcePersonGrpcService;
using ResourcePersonRules = Civic.Network.ResourcePersons.ResourcePersonRules;
using WorkingLanguage = Civic.Network.ResourcePersons.WorkingLanguage;

namespace Civic.Services.FunctionalTests.Network;

/// <summary>
/// PostgreSQL's in-memory search index (ProfileSearchIndex): changes made through the service or straight in the
/// database are in the very next search it answers, and a citizen's search through it sees only what is shared.
/// </summary>
public sealed class SearchIndexTests(NetworkOnPostgres fixture) : IClassFixture<NetworkOnPostgres>
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = ResourcePersonsReflection.Descriptor.Services[0];

    private ServiceHost<ResourcePersonGrpcService> Host => fixture.Host;

    private ProfileSearchIndex Index => Host.Services.GetRequiredService<ProfileSearchIndex>();

    [Fact]
    public async Task Search_ProfileEditedLedgerBookedAndOptedOut_IndexAnswersEachNextSearchWithTheChange()
    {
        var word = $"index{Guid.NewGuid().ToString("N")[..6]}";
        var other = $"index{Guid.NewGuid().ToString("N")[..6]}";
        var person = await CreateAsync(Person("Før", word, capacity: 10));
        await Index.BuildAsync(Month);
        var answered = Index.Answered;

        var before = await SearchAsync(word);
        await Host.CallAsync<UpdateResourcePersonRequest, UpdateResourcePersonResponse>(Service, "UpdateResourcePerson",
            new() { Id = person.Id, Profile = Person("Efter", other, capacity: 10) });
        var oldWord = await SearchAsync(word);
        var newWord = await SearchAsync(other);
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
            Assert.Equal(1, await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO capacity_months (person_id, month, booked_hours) VALUES ({person.Id}, {Month}, 8)", TestContext.Current.CancellationToken));
        }

        var booked = await SearchAsync(other);
        var optedOut = Person("Efter", other, capacity: 10);
        optedOut.OptedIn = false;
        await Host.CallAsync<UpdateResourcePersonRequest, UpdateResourcePersonResponse>(Service, "UpdateResourcePerson", new() { Id = person.Id, Profile = optedOut });
        var gone = await SearchAsync(other);

        Assert.Equal("Før", Assert.Single(before.ResourcePersons).DisplayName);
        Assert.Empty(oldWord.ResourcePersons);
        Assert.Equal(0, oldWord.Page.TotalSize);
        Assert.Equal("Efter", Assert.Single(newWord.ResourcePersons).DisplayName);
        Assert.Equal(10, newWord.ResourcePersons[0].AvailableHoursThisMonth);
        Assert.Equal(2, Assert.Single(booked.ResourcePersons).AvailableHoursThisMonth);
        Assert.Empty(gone.ResourcePersons);
        // Every one of the five searches came from memory, none from the SQL.
        Assert.Equal(answered + 5, Index.Answered);
        Assert.Empty(Host.ErrorLogs());
    }

    [Fact]
    public async Task Search_CitizenThroughTheIndex_FindsNeitherInternalProfilesNorUnsharedFields()
    {
        var word = $"index{Guid.NewGuid().ToString("N")[..6]}";
        var secret = $"hemmelig{Guid.NewGuid().ToString("N")[..6]}";
        var hidden = Person("Intern", word, capacity: 10);
        hidden.Visibility = Visibility.Internal;
        await CreateAsync(hidden);
        var shared = Person("Offentlig", word, capacity: 10);
        shared.Visibility = Visibility.Public;
        shared.Description = $"Beskrivelsen nævner {secret}.";
        shared.Role = "Rolle der ikke deles";
        var sharedPerson = await CreateAsync(shared);
        await Index.BuildAsync(Month);
        var answered = Index.Answered;

        var citizen = await SearchAsync(word, role: null);
        var citizenSecret = await SearchAsync(secret, role: null);
        var citizenRole = await SearchAsync("rolle deles", role: null);
        var staffSecret = await SearchAsync(secret);

        var seen = Assert.Single(citizen.ResourcePersons);
        Assert.Equal(sharedPerson.Id, seen.Id);
        Assert.Equal(string.Empty, seen.Description);
        Assert.Empty(citizenSecret.ResourcePersons);
        Assert.DoesNotContain(citizenRole.ResourcePersons, p => p.Id == sharedPerson.Id);
        Assert.Equal(sharedPerson.Id, Assert.Single(staffSecret.ResourcePersons).Id);
        Assert.Equal(answered + 4, Index.Answered);
    }

    [Fact]
    public async Task Search_AfterAFold_IndexRanksTheFoldedTextAsACompetenceMatch_AboveSelfDescriptionWithEvidence()
    {
        var word = $"foldet{Guid.NewGuid().ToString("N")[..6]}";
        var folded = await CreateAsync(Person("Foldet", word, capacity: 0));
        var describer = Person("Beskriver", word, capacity: 20);
        describer.Competences.Clear();
        describer.Description = $"Jeg vil gerne lære om {word}.";
        var describerId = (await CreateAsync(describer)).Id;
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            // Full evidence (ten completed assignments rated 5), as the request flow would have put it in the search row.
            var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
            Assert.Equal(1, await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE resource_person_search SET completed_assignments = 10, feedback_points = 50 WHERE person_id = {describerId}", TestContext.Current.CancellationToken));
        }

        await Index.BuildAsync(Month);
        var answered = Index.Answered;
        await Host.CallAsync<FoldOtherCompetenceRequest, FoldOtherCompetenceResponse>(
            CompetenceFoldingReflection.Descriptor.Services[0], "FoldOtherCompetence", new() { Text = word, SynonymOf = "tolkning" });

        var found = await SearchAsync(word);

        Assert.Equal([folded.Id, describerId], found.ResourcePersons.Select(p => p.Id));
        Assert.True(Index.Answered > answered, "The in-memory index did not answer.");
    }

    private static string Month => CapacityMonth.MonthOf(DateOnly.FromDateTime(DateTime.UtcNow));

    private async Task<ResourcePerson> CreateAsync(CreateResourcePersonRequest request) =>
        (await Host.CallAsync<CreateResourcePersonRequest, CreateResourcePersonResponse>(Service, "CreateResourcePerson", request)).ResourcePerson;

    private Task<SearchResourcePersonsResponse> SearchAsync(string query, string? role = Civic.Defaults.Auth.CivicRoles.Admin) =>
        Host.CallAsync<SearchResourcePersonsRequest, SearchResourcePersonsResponse>(Service, "SearchResourcePersons",
            new() { Query = query, Page = new PageRequest { PageSize = 10 } }, role);

    private static CreateResourcePersonRequest Person(string name, string word, int capacity) => new()
    {
        DisplayName = name,
        Organisation = "boern-og-unge",
        Competences = { word },
        Languages = { Language.Danish },
        CapacityHoursPerMonth = capacity,
        OptedIn = true,
        PublicFields = { ProfileField.Organisation, ProfileField.Competences, ProfileField.Capacity },
    };
}

/// <summary>
/// The in-memory index and PostgresSearchIndex's SQL give the same pages (hits, scores, free hours, total, facets, text
/// scale) for the 50 labelled queries over the demo data, for both audiences, with and without facet filters, first
/// and second page — so the two paths cannot drift apart.
/// </summary>
public sealed class SearchIndexAgreementTests(NetworkDemoOnPostgres fixture) : IClassFixture<NetworkDemoOnPostgres>
{
    private static readonly SearchFilters[] Filters =
    [
        SearchFilters.None,
        new(["boern-og-unge", "borgerservice"], [], [], [], 0),
        new([], [], [], [WorkingLanguage.English], 5),
        new([], ["facilitering", "navigation"], ["Ensomhed", "ældre"], [], 0),
    ];

    [Fact]
    public async Task LabelledQueries_IndexAndSql_SamePages()
    {
        var month = CapacityMonth.MonthOf(DateOnly.FromDateTime(DateTime.UtcNow));
        var index = fixture.Host.Services.GetRequiredService<ProfileSearchIndex>();
        await index.BuildAsync(month);
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        var sql = new PostgresSearchIndex(db);
        var compared = 0;
        foreach (var (text, i) in SearchRelevanceTests.Labelled.Select((l, i) => (l.Query, i)).Append(("", 50)))
        {
            var words = ResourcePersonRules.QueryWords(text).Where(w => !DanishText.IsStopWord(w)).ToList();
            foreach (var audience in new[] { SearchAudience.Internal, SearchAudience.Public })
            {
                var query = new SearchQuery(audience, words, Filters[i % Filters.Length], null, 21, month);
                var first = await AssertSameAsync(query);
                if (first.Hits.Count == 21)
                {
                    var last = first.Hits[19];
                    await AssertSameAsync(query with { After = new SearchPosition(last.ScoreKey, last.Person.Id, first.TextScale) });
                }
            }
        }

        // Most queries match: the comparison is over real pages, not empty ones.
        Assert.True(compared > 150, $"only {compared} non-empty pages compared");

        async Task<SearchPage> AssertSameAsync(SearchQuery query)
        {
            var expected = await sql.SearchAsync(query, TestContext.Current.CancellationToken);
            var actual = await index.SearchAsync(db, query, TestContext.Current.CancellationToken);
            Assert.NotNull(actual);
            var label = $"{string.Join(' ', query.Words)} ({query.Audience}, {query.Filters.Describe()}, after {query.After?.Id})";
            Assert.True(expected.Hits.Select(h => (h.Person.Id, h.ScoreKey, h.AvailableHours)).SequenceEqual(actual.Hits.Select(h => (h.Person.Id, h.ScoreKey, h.AvailableHours))),
                $"{label}: hits differ\nSQL:    {string.Join(", ", expected.Hits.Select(h => $"{h.Person.Id[^6..]}:{h.ScoreKey}:{h.AvailableHours}"))}\nmemory: {string.Join(", ", actual.Hits.Select(h => $"{h.Person.Id[^6..]}:{h.ScoreKey}:{h.AvailableHours}"))}");
            Assert.True(expected.TotalSize == actual.TotalSize, $"{label}: total {expected.TotalSize} vs {actual.TotalSize}");
            Assert.True(expected.TextScale.Equals(actual.TextScale), $"{label}: text scale {expected.TextScale:R} vs {actual.TextScale:R}");
            Assert.Equal(expected.Facets, actual.Facets);
            compared += expected.Hits.Count > 0 ? 1 : 0;
            return expected;
        }
    }
}

/// <summary>The index reads only the tsquery shape search sends; anything else is left to the SQL (null).</summary>
public sealed class TsQueryLexemesTests
{
    [Fact]
    public void Parse_PrefixItems_SortedByBytesEachOnce() =>
        Assert.Equal(["facilit", "kommun", "kommunal"], TsQueryLexemes.Parse("'kommunal':* | 'facilit':* | 'kommun':* | 'facilit':*"));

    [Fact]
    public void Parse_OnlyStopWords_NoLexemes() => Assert.Empty(TsQueryLexemes.Parse(string.Empty)!);

    [Theory]
    [InlineData("'abc' <-> '123':*")]
    [InlineData("'abc':* & 'def':*")]
    [InlineData("'abc'")]
    [InlineData("'it''s':*")]
    [InlineData("'\U0001F600':*")]
    public void Parse_AnyOtherShape_NotUnderstood(string queryText) => Assert.Null(TsQueryLexemes.Parse(queryText));
}
