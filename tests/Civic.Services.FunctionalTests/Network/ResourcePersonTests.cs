using Civic.Contracts.Common.V1;
using Civic.Contracts.Network.V1;
using Civic.Defaults.Auth;
using Civic.Defaults.Services;
using ResourcePersonGrpcService = Civic.Network.ResourcePersons.ResourcePersonGrpcService;
using Civic.Services.FunctionalTests.Infrastructure;
using Grpc.Core;

namespace Civic.Services.FunctionalTests.Network;

public sealed class NetworkOnSqlite() : ServiceFixture<ResourcePersonGrpcService>(CivicServices.Network.Name, Backend.Sqlite);

public sealed class NetworkOnPostgres() : ServiceFixture<ResourcePersonGrpcService>(CivicServices.Network.Name, Backend.Postgres);

public sealed class ResourcePersonTestsOnSqlite(NetworkOnSqlite fixture) : ResourcePersonTests(fixture), IClassFixture<NetworkOnSqlite>;

public sealed class ResourcePersonTestsOnPostgres(NetworkOnPostgres fixture) : ResourcePersonTests(fixture), IClassFixture<NetworkOnPostgres>;

public abstract class ResourcePersonTests(ServiceFixture<ResourcePersonGrpcService> fixture) : ServiceTests<ResourcePersonGrpcService>(fixture)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = ResourcePersonsReflection.Descriptor.Services[0];

    [Fact]
    public async Task CreateResourcePerson_Valid_GetReturnsIt()
    {
        var created = (await CreateAsync(NewPerson("Lise Andersen", ["facilitering", "borgerinddragelse"], ["ensomhed"]))).ResourcePerson;

        var fetched = (await Host.CallAsync<GetResourcePersonRequest, GetResourcePersonResponse>(Service, "GetResourcePerson", new() { Id = created.Id })).ResourcePerson;

        Assert.Equal(created, fetched);
        Assert.Equal("Lise Andersen", fetched.DisplayName);
        Assert.Equal([Language.Danish, Language.English], fetched.Languages);
        Assert.Equal(Visibility.Internal, fetched.Visibility);
        Assert.Equal(8, fetched.CapacityHoursPerMonth);
    }

    [Fact]
    public async Task SearchResourcePersons_Words_MatchingPeopleRankedByMatches()
    {
        // Words no other test uses, so that the shared database does not disturb the ranking.
        var word = $"samskab{Guid.NewGuid().ToString("N")[..6]}";
        var area = $"omraade{Guid.NewGuid().ToString("N")[..6]}";
        var one = (await CreateAsync(NewPerson("Ahmed Hassan", [$"{word}sledelse"], ["integration"]))).ResourcePerson;
        var two = (await CreateAsync(NewPerson("Birthe Nielsen", [word, "facilitering"], [area]))).ResourcePerson;
        await CreateAsync(NewPerson("Carl Jensen", ["jura"], ["byggesager"]));

        var result = await Host.CallAsync<SearchResourcePersonsRequest, SearchResourcePersonsResponse>(Service, "SearchResourcePersons",
            new() { Query = $"{word.ToUpperInvariant()} {area}" });

        Assert.Equal([two.Id, one.Id], result.ResourcePersons.Select(p => p.Id));
        Assert.Equal(2, result.Page.TotalSize);
        Assert.Equal(string.Empty, result.Page.NextPageToken);
    }

    [Fact]
    public async Task SearchResourcePersons_TokenFromAnotherQuery_InvalidArgument()
    {
        var word = $"ord{Guid.NewGuid().ToString("N")[..6]}";
        await CreateAsync(NewPerson("A", [word], []));
        await CreateAsync(NewPerson("B", [word], []));
        var first = await Host.CallAsync<SearchResourcePersonsRequest, SearchResourcePersonsResponse>(Service, "SearchResourcePersons",
            new() { Query = word, Page = new PageRequest { PageSize = 1 } });

        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            Host.CallAsync<SearchResourcePersonsRequest, SearchResourcePersonsResponse>(Service, "SearchResourcePersons",
                new() { Query = "noget andet", Page = new PageRequest { PageSize = 1, PageToken = first.Page.NextPageToken } }));

        Assert.Single(first.ResourcePersons);
        Assert.Equal(["page.page_token"], RpcAssert.ViolatedFields(exception));
    }

    [Fact]
    public async Task SearchResourcePersons_TwoMegabyteQuery_InvalidArgumentInDanishToo()
    {
        var query = new string('a', 2 * 1024 * 1024);

        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            Host.CallAsync<SearchResourcePersonsRequest, SearchResourcePersonsResponse>(Service, "SearchResourcePersons", new() { Query = query }));

        Assert.Equal(["query"], RpcAssert.ViolatedFields(exception));
        RpcAssert.ErrorInfo(exception, ErrorReason.InvalidField);
        Assert.Contains("200", exception.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchResourcePersons_TooManyWords_InvalidArgument()
    {
        var query = string.Join(' ', Enumerable.Range(1, 13).Select(i => $"ord{i}"));

        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            Host.CallAsync<SearchResourcePersonsRequest, SearchResourcePersonsResponse>(Service, "SearchResourcePersons", new() { Query = query }));

        Assert.Equal(["query"], RpcAssert.ViolatedFields(exception));
    }

    [Fact]
    public async Task SearchResourcePersons_TwelveWords_Searches()
    {
        // Words no test's data starts with: other tests in the class create competences named "ord…".
        var query = string.Join(' ', Enumerable.Range(1, 12).Select(i => $"zqx{i}"));

        var result = await Host.CallAsync<SearchResourcePersonsRequest, SearchResourcePersonsResponse>(Service, "SearchResourcePersons", new() { Query = query });

        Assert.Empty(result.ResourcePersons);
    }

    [Fact]
    public async Task CreateResourcePerson_MissingNameAndTooManyHours_FieldViolations()
    {
        var request = NewPerson("", ["facilitering"], []);
        request.CapacityHoursPerMonth = 500;

        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => CreateAsync(request));

        Assert.Equal(["display_name", "capacity_hours_per_month"], RpcAssert.ViolatedFields(exception));
        RpcAssert.ErrorInfo(exception, ErrorReason.InvalidField);
    }

    [Fact]
    public async Task CreateResourcePerson_AddressesNotPlainEmails_FieldViolationsNothingStored()
    {
        var word = $"adresse{Guid.NewGuid().ToString("N")[..6]}";
        var request = NewPerson("Adresse Anne", [word], []);
        request.ContactEmail = "anne@kommune";
        request.ManagerEmail = "Leder <leder@kommune.example>";

        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => CreateAsync(request));
        var found = await Host.CallAsync<SearchResourcePersonsRequest, SearchResourcePersonsResponse>(
            Service, "SearchResourcePersons", new() { Query = word }, CivicRoles.Staff);

        Assert.Equal(["contact_email", "manager_email"], RpcAssert.ViolatedFields(exception));
        Assert.Empty(found.ResourcePersons);
    }

    [Fact]
    public async Task GetResourcePerson_UnknownId_NotFound()
    {
        var exception = await RpcAssert.FailsAsync(StatusCode.NotFound, () =>
            Host.CallAsync<GetResourcePersonRequest, GetResourcePersonResponse>(Service, "GetResourcePerson", new() { Id = "no-such-person" }));

        RpcAssert.ErrorInfo(exception, ErrorReason.NotFound);
    }

    [Fact]
    public async Task GetResourcePerson_InternalProfileToOutsiders_NotFound()
    {
        var internalPerson = (await CreateAsync(NewPerson("Intern Ib", ["jura"], []))).ResourcePerson;
        var publicRequest = NewPerson("Offentlig Olga", ["facilitering"], []);
        publicRequest.Visibility = Visibility.Public;
        var publicPerson = (await CreateAsync(publicRequest)).ResourcePerson;
        // Outsiders see the shared fields; who owns the profile is never among them.
        var shared = publicPerson.Clone();
        shared.OwnerId = string.Empty;

        foreach (var role in new[] { null, CivicRoles.Citizen, CivicRoles.PanelMember })
        {
            await RpcAssert.FailsAsync(StatusCode.NotFound, () => Host.CallAsync<GetResourcePersonRequest, GetResourcePersonResponse>(
                Service, "GetResourcePerson", new() { Id = internalPerson.Id }, role));
            var visible = await Host.CallAsync<GetResourcePersonRequest, GetResourcePersonResponse>(
                Service, "GetResourcePerson", new() { Id = publicPerson.Id }, role);
            Assert.Equal(shared, visible.ResourcePerson);
        }

        var asStaff = await Host.CallAsync<GetResourcePersonRequest, GetResourcePersonResponse>(
            Service, "GetResourcePerson", new() { Id = internalPerson.Id }, CivicRoles.Staff);
        Assert.Equal(internalPerson, asStaff.ResourcePerson);
    }

    [Fact]
    public async Task SearchResourcePersons_Citizen_PublicProfilesOnly()
    {
        var word = $"synlig{Guid.NewGuid().ToString("N")[..6]}";
        await CreateAsync(NewPerson("Intern Ida", [word], []));
        var publicRequest = NewPerson("Offentlig Ole", [word], []);
        publicRequest.Visibility = Visibility.Public;
        var publicPerson = (await CreateAsync(publicRequest)).ResourcePerson;

        var asCitizen = await Host.CallAsync<SearchResourcePersonsRequest, SearchResourcePersonsResponse>(
            Service, "SearchResourcePersons", new() { Query = word }, CivicRoles.Citizen);
        var asStaff = await Host.CallAsync<SearchResourcePersonsRequest, SearchResourcePersonsResponse>(
            Service, "SearchResourcePersons", new() { Query = word }, CivicRoles.Staff);

        Assert.Equal([publicPerson.Id], asCitizen.ResourcePersons.Select(p => p.Id));
        Assert.Equal(2, asStaff.ResourcePersons.Count);
    }

    [Fact]
    public async Task CreateResourcePerson_Citizen_PermissionDenied()
    {
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Host.CallAsync<CreateResourcePersonRequest, CreateResourcePersonResponse>(
            Service, "CreateResourcePerson", NewPerson("Borger Bo", ["facilitering"], []), CivicRoles.Citizen));
    }

    private Task<CreateResourcePersonResponse> CreateAsync(CreateResourcePersonRequest request) =>
        Host.CallAsync<CreateResourcePersonRequest, CreateResourcePersonResponse>(Service, "CreateResourcePerson", request);

    private static CreateResourcePersonRequest NewPerson(string name, string[] competences, string[] challengeAreas) => new()
    {
        DisplayName = name,
        Organisation = "boern-og-unge",
        Competences = { competences },
        ChallengeAreas = { challengeAreas },
        Languages = { Language.Danish, Language.English },
        CapacityHoursPerMonth = 8,
        // Search finds opted-in profiles only.
        OptedIn = true,
        PublicFields = { ProfileField.Organisation, ProfileField.Competences, ProfileField.ChallengeAreas, ProfileField.Languages, ProfileField.Capacity },
    };
}
