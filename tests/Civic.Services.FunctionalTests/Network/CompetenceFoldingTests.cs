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

    /// <summary>
    /// After the fold the profile ranks as a competence match for the folded text (as it did while it was an "other"
    /// competence), its inflections and the synonyms of the competence it went to: above someone who only writes the
    /// word in their self-description, even when that person has more free hours and a completed, well-rated
    /// assignment (which outweigh a text match in the competences alone, but not a competence match).
    /// </summary>
    [Theory]
    [InlineData(false, "{0}fortælling")]
    [InlineData(false, "{0}fortællingerne")]
    [InlineData(false, "tolk")]
    [InlineData(true, "{0}fortælling")]
    public async Task Fold_SearchForTheFoldedText_RanksTheProfileAsACompetenceMatch_AboveSelfDescription(bool asNewCompetence, string queryFormat)
    {
        var word = Word();
        var organisation = Word();
        var query = string.Format(System.Globalization.CultureInfo.InvariantCulture, queryFormat, word);
        var folded = await CreateAsync(organisation, [$"{word}fortælling"], "jura-forvaltning", capacity: 0);
        var describer = await CreateAsync(organisation, [], "jura-forvaltning", capacity: 24, description: $"Jeg vil gerne lære mere om {query}.");
        await CompleteAssignmentAsync(describer.Id, rating: 5);
        await FoldAsync(asNewCompetence
            ? new() { Text = $"{word}fortælling", NewCompetenceName = $"{word}fortælling og leg" }
            : new() { Text = $"{word}fortælling", SynonymOf = "tolkning" });

        var found = await SearchAsync(new() { Query = query, Organisations = { organisation } });

        Assert.Equal([folded.Id, describer.Id], found.ResourcePersons.Select(p => p.Id));
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

    private async Task<ResourcePerson> CreateAsync(string organisation, string[] other, string competenceId = "facilitering", int capacity = 4, string description = "") =>
        (await Host.CallAsync<CreateResourcePersonRequest, CreateResourcePersonResponse>(Persons, "CreateResourcePerson", new()
        {
            DisplayName = "Folde Person",
            Organisation = organisation,
            CompetenceIds = { competenceId },
            Competences = { other },
            Languages = { Language.Danish },
            CapacityHoursPerMonth = capacity,
            Description = description,
            OwnerId = "folde-ejer",
            ManagerId = "folde-leder",
            OptedIn = true,
        })).ResourcePerson;

    /// <summary>One request of 4 hours asked of the person, accepted, approved and completed with <paramref name="rating"/>: the evidence search ranks by.</summary>
    private async Task CompleteAssignmentAsync(string personId, int rating)
    {
        var requests = RequestsReflection.Descriptor.Services[0];
        Task<TResponse> Call<TRequest, TResponse>(string method, TRequest request, string userId)
            where TRequest : class, Google.Protobuf.IMessage<TRequest>, new()
            where TResponse : class, Google.Protobuf.IMessage<TResponse>, new() =>
            Host.CallWithTokenAsync<TRequest, TResponse>(requests, method, request, TestTokens.ForUser(userId, CivicRoles.Staff));

        var start = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(2);
        var id = (await Call<CreateHelpRequestRequest, CreateHelpRequestResponse>("CreateHelpRequest", new()
        {
            Need = "Hjælp til et dialogmøde.",
            StartDate = new LocalDate { Year = start.Year, Month = start.Month, Day = start.Day },
            EndDate = new LocalDate { Year = start.Year, Month = start.Month, Day = start.Day },
            Hours = 4,
            Language = Language.Danish,
            PersonId = personId,
        }, "folde-afdeling")).HelpRequest.Id;
        await Call<RespondToHelpRequestRequest, RespondToHelpRequestResponse>("RespondToHelpRequest", new() { Id = id, Response = HelpResponse.Accept }, "folde-ejer");
        await Call<ApproveHelpRequestRequest, ApproveHelpRequestResponse>("ApproveHelpRequest", new() { Id = id, Hours = 4 }, "folde-leder");
        await Call<CompleteHelpRequestRequest, CompleteHelpRequestResponse>("CompleteHelpRequest", new() { Id = id, Rating = rating }, "folde-afdeling");
    }

    private async Task<GetResourcePersonResponse> GetAsync(string id) =>
        await Host.CallAsync<GetResourcePersonRequest, GetResourcePersonResponse>(Persons, "GetResourcePerson", new() { Id = id }, CivicRoles.Staff);

    private Task<SearchResourcePersonsResponse> SearchAsync(SearchResourcePersonsRequest request) =>
        Host.CallAsync<SearchResourcePersonsRequest, SearchResourcePersonsResponse>(Persons, "SearchResourcePersons", request, CivicRoles.Staff);

    private Task<ListOtherCompetencesResponse> ListAsync() =>
        Host.CallAsync<ListOtherCompetencesRequest, ListOtherCompetencesResponse>(Folding, "ListOtherCompetences", new());

    private Task<FoldOtherCompetenceResponse> FoldAsync(FoldOtherCompetenceRequest request) =>
        Host.CallAsync<FoldOtherCompetenceRequest, FoldOtherCompetenceResponse>(Folding, "FoldOtherCompetence", request);
}
