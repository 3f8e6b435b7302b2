using Civic.Contracts.Common.V1;
using Civic.Contracts.Network.V1;
using Civic.Network;
using Civic.Network.Capacity;
using Civic.Network.Search;
using Civic.Services.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResourcePersonGrpcService = Civic.Network.ResourcePersons.ResourcePersonGrpcService;

namespace Civic.Services.FunctionalTests.Network;

public sealed class SearchCacheTestsOnSqlite(NetworkOnSqlite fixture) : SearchCacheTests(fixture), IClassFixture<NetworkOnSqlite>;

public sealed class SearchCacheTestsOnPostgres(NetworkOnPostgres fixture) : SearchCacheTests(fixture), IClassFixture<NetworkOnPostgres>;

/// <summary>
/// First search pages are kept (SearchResultCache) and never stale: every change of what a search reads increments
/// the search generation in the database, so the very next search answers from the database again.
/// </summary>
public abstract class SearchCacheTests(ServiceFixture<ResourcePersonGrpcService> fixture)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = ResourcePersonsReflection.Descriptor.Services[0];

    private ServiceHost<ResourcePersonGrpcService> Host => fixture.Host;

    [Fact]
    public async Task SearchResourcePersons_ProfileEditedThroughTheService_NextSearchSeesIt()
    {
        var word = $"cache{Guid.NewGuid().ToString("N")[..6]}";
        var few = await CreateAsync(Person("Få timer", word, capacity: 5));
        var more = await CreateAsync(Person("Flere timer", word, capacity: 10));
        var first = await SearchAsync(word);
        var again = await SearchAsync(word);

        await Host.CallAsync<UpdateResourcePersonRequest, UpdateResourcePersonResponse>(Service, "UpdateResourcePerson",
            new() { Id = few.Id, Profile = Person("Få timer", word, capacity: 40) });
        var afterEdit = await SearchAsync(word);

        Assert.True(Host.Services.GetRequiredService<SearchResultCache>().Count > 0);
        Assert.Equal([more.Id, few.Id], first.ResourcePersons.Select(p => p.Id));
        Assert.Equal(first, again);
        // More free hours rank the edited person first now, with the new capacity on the page.
        Assert.Equal([few.Id, more.Id], afterEdit.ResourcePersons.Select(p => p.Id));
        Assert.Equal(40, afterEdit.ResourcePersons[0].CapacityHoursPerMonth);
    }

    [Fact]
    public async Task SearchResourcePersons_ProfileAndLedgerChangedInTheDatabase_NextSearchSeesEach()
    {
        // Straight in the database, as another replica of the service or another feature's statement would change them.
        var word = $"cache{Guid.NewGuid().ToString("N")[..6]}";
        var person = await CreateAsync(Person("Før", word, capacity: 10));
        var month = CapacityMonth.MonthOf(DateOnly.FromDateTime(DateTime.UtcNow));
        var before = await SearchAsync(word);

        await ExecuteAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE resource_persons SET display_name = 'Efter' WHERE id = {person.Id}"));
        var renamed = await SearchAsync(word);
        await ExecuteAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO capacity_months (person_id, month, booked_hours) VALUES ({person.Id}, {month}, 8)"));
        var booked = await SearchAsync(word);

        Assert.Equal("Før", Assert.Single(before.ResourcePersons).DisplayName);
        Assert.Equal("Efter", Assert.Single(renamed.ResourcePersons).DisplayName);
        Assert.Equal(10, renamed.ResourcePersons[0].AvailableHoursThisMonth);
        Assert.Equal(2, Assert.Single(booked.ResourcePersons).AvailableHoursThisMonth);
    }

    [Fact]
    public async Task SearchResourcePersons_SameQueryByStaffThenCitizen_CitizenGetsNoInternalPage()
    {
        // The staff's page, with the internal-only profile and field, is kept first; the citizen's search must not get it.
        var word = $"cache{Guid.NewGuid().ToString("N")[..6]}";
        var hidden = Person("Intern", word, capacity: 10);
        hidden.Visibility = Visibility.Internal;
        await CreateAsync(hidden);
        var shared = Person("Offentlig", word, capacity: 10);
        shared.Visibility = Visibility.Public;
        shared.Description = "Kun for medarbejdere.";
        var sharedPerson = await CreateAsync(shared);

        var staff = await SearchAsync(word);
        var citizen = await SearchAsync(word, role: null);

        Assert.Equal(2, staff.ResourcePersons.Count);
        Assert.Equal("Kun for medarbejdere.", staff.ResourcePersons.Single(p => p.Id == sharedPerson.Id).Description);
        var seen = Assert.Single(citizen.ResourcePersons);
        Assert.Equal(sharedPerson.Id, seen.Id);
        Assert.Equal(string.Empty, seen.Description);
    }

    private async Task ExecuteAsync(Func<NetworkDbContext, Task<int>> statement)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        Assert.Equal(1, await statement(scope.ServiceProvider.GetRequiredService<NetworkDbContext>()));
    }

    private async Task<ResourcePerson> CreateAsync(CreateResourcePersonRequest request) =>
        (await Host.CallAsync<CreateResourcePersonRequest, CreateResourcePersonResponse>(Service, "CreateResourcePerson", request)).ResourcePerson;

    private Task<SearchResourcePersonsResponse> SearchAsync(string word, string? role = Civic.Defaults.Auth.CivicRoles.Admin) =>
        Host.CallAsync<SearchResourcePersonsRequest, SearchResourcePersonsResponse>(Service, "SearchResourcePersons",
            new() { Query = word, Page = new PageRequest { PageSize = 10 } }, role);

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
