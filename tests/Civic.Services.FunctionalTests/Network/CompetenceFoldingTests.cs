using Civic.Contracts.Common.V1;
using Civic.Contracts.Network.V1;
using Civic.Defaults.Auth;
using Civic.Services.FunctionalTests.Infrastructure;
using Grpc.Core;
using ResourcePersonGrpcService = Civic.Network.ResourcePersons.ResourcePersonGrpcService;

namespace Civic.Services.FunctionalTests.Network;

public sealed class CompetenceFoldingTestsOnSqlite(NetworkOnSqlite fixture) : CompetenceFoldingTests(fixture), IClassFixture<NetworkOnSqlite>;

public sealed class CompetenceFoldingTestsOnPostgres(NetworkOnPostgres fixture) : CompetenceFoldingTests(fixture), IClassFixture<NetworkOnPostgres>;

/// <summary>
/// Administrators fold the free-text "other" competences into the taxonomy, as a new competence or a synonym
/// of an existing one: the profiles move to the competence, search and its facet find them by it, and
/// bad folds change nothing. Each test folds texts of its own, so the shared database does not disturb it.
/// </summary>
public abstract class CompetenceFoldingTests(ServiceFixture<ResourcePersonGrpcService> fixture) : ServiceTests<ResourcePersonGrpcService>(fixture)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Persons = ResourcePersonsReflection.Descriptor.Services[0];
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Folding = CompetenceFoldingReflection.Descriptor.Services[0];
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Taxonomy = TaxonomyReflection.Descriptor.Services[0];

    [Fact]
    public async Task ListOther_CountsProfilesCaseInsensitively_MostUsedFirst()
    {
        var word = Word();
        var organisation = Word();
        await CreateAsync(organisation, [$"{word}arbejde"]);
        await CreateAsync(organisation, [$"{word}arbejde"]);
        await CreateAsync(organisation, [$"{word.ToUpperInvariant()}ARBEJDE", $"{word}leg"]);

        var listed = (await ListAsync()).OtherCompetences;

        Assert.Contains(listed, o => o.Text == $"{word}arbejde" && o.ProfileCount == 3);
        Assert.Contains(listed, o => o.Text == $"{word}leg" && o.ProfileCount == 1);
        Assert.True(listed.ToList().FindIndex(o => o.Text == $"{word}arbejde") < listed.ToList().FindIndex(o => o.Text == $"{word}leg"));
    }

    [Fact]
    public async Task Fold_AsNewCompetence_ProfilesMoved_SearchAndFacetFindThem_TaxonomyHasIt()
    {
        var word = Word();
        var organisation = Word();
        var first = await CreateAsync(organisation, [$"{word}sprog"]);
        var second = await CreateAsync(organisation, [$"{word.ToUpperInvariant()}SPROG", "bevares"]);
        var name = $"{char.ToUpperInvariant(word[0])}{word[1..]}sprog og tegn";

        var folded = await FoldAsync(new() { Text = $"{word}sprog", NewCompetenceName = name });

        Assert.Equal(2, folded.MovedProfiles);
        Assert.Equal(name, folded.Competence.Name);
        Assert.Equal($"{word}sprog-og-tegn", folded.Competence.Id);
        var moved = (await GetAsync(second.Id)).ResourcePerson;
        Assert.Equal(["facilitering", folded.Competence.Id], moved.TaxonomyCompetences.Select(c => c.Id));
        Assert.Equal(name, moved.TaxonomyCompetences[1].Name);
        Assert.Equal(["bevares"], moved.Competences);

        var found = await SearchAsync(new() { Query = $"{word}sprog", Organisations = { organisation } });
        Assert.Equal(new[] { first.Id, second.Id }.Order(StringComparer.Ordinal), found.ResourcePersons.Select(p => p.Id).Order(StringComparer.Ordinal));
        var byFacet = await SearchAsync(new() { Organisations = { organisation }, CompetenceIds = { folded.Competence.Id } });
        Assert.Equal(2, byFacet.ResourcePersons.Count);
        Assert.Contains(byFacet.Facets.Single(f => f.Name == "competence").Values, v => v.Value == folded.Competence.Id && v.Label == name && v.Count == 2);

        var taxonomy = await Host.CallAsync<GetTaxonomyRequest, GetTaxonomyResponse>(Taxonomy, "GetTaxonomy", new(), null);
        Assert.Contains(taxonomy.Competences, c => c.Id == folded.Competence.Id && c.Name == name);
        Assert.DoesNotContain((await ListAsync()).OtherCompetences, o => o.Text.Equals($"{word}sprog", StringComparison.OrdinalIgnoreCase));

        // A profile may now name the new competence by its id, as any of the taxonomy's.
        var edited = await CreateAsync(organisation, [], folded.Competence.Id);
        Assert.Contains(edited.TaxonomyCompetences, c => c.Id == folded.Competence.Id && c.Name == name);
    }

    [Fact]
    public async Task Fold_AsSynonym_ProfilesMoved_FoundByTheTextAndTheCompetence_OthersWithItFoundByTheSynonym()
    {
        var word = Word();
        var organisation = Word();
        var naming = await CreateAsync(organisation, [$"{word}tolkning"], "borgerinddragelse");
        var having = await CreateAsync(organisation, [], "tolkning");

        var folded = await FoldAsync(new() { Text = $"{word}tolkning", SynonymOf = "tolkning" });

        Assert.Equal(1, folded.MovedProfiles);
        Assert.Equal("tolkning", folded.Competence.Id);
        Assert.Contains($"{word}tolkning", folded.Competence.Synonyms);
        Assert.Equal(["borgerinddragelse", "tolkning"], (await GetAsync(naming.Id)).ResourcePerson.TaxonomyCompetences.Select(c => c.Id));
        var bySynonym = await SearchAsync(new() { Query = $"{word}tolkning", Organisations = { organisation } });
        Assert.Equal(new[] { naming.Id, having.Id }.Order(StringComparer.Ordinal), bySynonym.ResourcePersons.Select(p => p.Id).Order(StringComparer.Ordinal));
        var byCompetence = await SearchAsync(new() { Organisations = { organisation }, CompetenceIds = { "tolkning" } });
        Assert.Equal(2, byCompetence.ResourcePersons.Count);
        var taxonomy = await Host.CallAsync<GetTaxonomyRequest, GetTaxonomyResponse>(Taxonomy, "GetTaxonomy", new(), null);
        Assert.Contains($"{word}tolkning", taxonomy.Competences.Single(c => c.Id == "tolkning").Synonyms);
    }

    [Fact]
    public async Task Fold_UnknownCompetence_InvalidArgument_NothingChanged()
    {
        var word = Word();
        var person = await CreateAsync(Word(), [$"{word}x"]);

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => FoldAsync(new() { Text = $"{word}x", SynonymOf = "tryllekunst" }));

        Assert.Equal(["synonym_of"], RpcAssert.ViolatedFields(error));
        Assert.Equal([$"{word}x"], (await GetAsync(person.Id)).ResourcePerson.Competences);
    }

    [Fact]
    public async Task Fold_NoTargetOrBlankName_InvalidArgument_NothingChanged()
    {
        var word = Word();
        var person = await CreateAsync(Word(), [$"{word}y"]);

        var none = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => FoldAsync(new() { Text = $"{word}y" }));
        var blank = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => FoldAsync(new() { Text = $"{word}y", NewCompetenceName = " -- " }));

        Assert.Equal(["target"], RpcAssert.ViolatedFields(none));
        Assert.Equal(["new_competence_name"], RpcAssert.ViolatedFields(blank));
        Assert.Equal([$"{word}y"], (await GetAsync(person.Id)).ResourcePerson.Competences);
    }

    [Fact]
    public async Task Fold_NameOfAnExistingCompetence_AlreadyExists_NothingChanged()
    {
        var word = Word();
        var person = await CreateAsync(Word(), [$"{word}z"]);

        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => FoldAsync(new() { Text = $"{word}z", NewCompetenceName = "facilitering" }));

        Assert.Equal([$"{word}z"], (await GetAsync(person.Id)).ResourcePerson.Competences);
        Assert.Equal(["facilitering"], (await GetAsync(person.Id)).ResourcePerson.TaxonomyCompetences.Select(c => c.Id));
    }

    [Fact]
    public async Task Fold_TextNoProfileNames_NotFound()
    {
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => FoldAsync(new() { Text = Word(), SynonymOf = "facilitering" }));
    }

    [Fact]
    public async Task FoldAndList_NotAdministrator_PermissionDenied()
    {
        var word = Word();
        await CreateAsync(Word(), [word]);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () =>
            Host.CallAsync<FoldOtherCompetenceRequest, FoldOtherCompetenceResponse>(Folding, "FoldOtherCompetence", new() { Text = word, SynonymOf = "facilitering" }, CivicRoles.Coordinator));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () =>
            Host.CallAsync<ListOtherCompetencesRequest, ListOtherCompetencesResponse>(Folding, "ListOtherCompetences", new(), CivicRoles.Staff));
        Assert.Contains((await ListAsync()).OtherCompetences, o => o.Text == word);
    }

    /// <summary>A made-up word of letters only, so search and the counts see no one else's profiles.</summary>
    private static string Word() => "q" + new string(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + (c % 26))).ToArray());

    private async Task<ResourcePerson> CreateAsync(string organisation, string[] other, string competenceId = "facilitering") =>
        (await Host.CallAsync<CreateResourcePersonRequest, CreateResourcePersonResponse>(Persons, "CreateResourcePerson", new()
        {
            DisplayName = "Folde Person",
            Organisation = organisation,
            CompetenceIds = { competenceId },
            Competences = { other },
            Languages = { Language.Danish },
            CapacityHoursPerMonth = 4,
            OptedIn = true,
        })).ResourcePerson;

    private async Task<GetResourcePersonResponse> GetAsync(string id) =>
        await Host.CallAsync<GetResourcePersonRequest, GetResourcePersonResponse>(Persons, "GetResourcePerson", new() { Id = id }, CivicRoles.Staff);

    private Task<SearchResourcePersonsResponse> SearchAsync(SearchResourcePersonsRequest request) =>
        Host.CallAsync<SearchResourcePersonsRequest, SearchResourcePersonsResponse>(Persons, "SearchResourcePersons", request, CivicRoles.Staff);

    private Task<ListOtherCompetencesResponse> ListAsync() =>
        Host.CallAsync<ListOtherCompetencesRequest, ListOtherCompetencesResponse>(Folding, "ListOtherCompetences", new());

    private Task<FoldOtherCompetenceResponse> FoldAsync(FoldOtherCompetenceRequest request) =>
        Host.CallAsync<FoldOtherCompetenceRequest, FoldOtherCompetenceResponse>(Folding, "FoldOtherCompetence", request);
}
