using Civic.Contracts.Common.V1;
using Civic.Contracts.Network.V1;
using Civic.Services.FunctionalTests.Infrastructure;
using ResourcePersonGrpcService = Civic.Network.ResourcePersons.ResourcePersonGrpcService;

namespace Civic.Services.FunctionalTests.Network;

public sealed class SearchPagingTestsOnSqlite(NetworkOnSqlite fixture) : SearchPagingTests(fixture), IClassFixture<NetworkOnSqlite>;

public sealed class SearchPagingTestsOnPostgres(NetworkOnPostgres fixture) : SearchPagingTests(fixture), IClassFixture<NetworkOnPostgres>;

/// <summary>Search pages continue after the last hit of the previous page (keyset), so edits between pages shift no one else.</summary>
public abstract class SearchPagingTests(ServiceFixture<ResourcePersonGrpcService> fixture)
{
    private const int PageSize = 5;

    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = ResourcePersonsReflection.Descriptor.Services[0];

    private ServiceHost<ResourcePersonGrpcService> Host => fixture.Host;

    [Fact]
    public async Task SearchResourcePersons_ProfilesEditedBetweenPages_NoneRepeatedNoneSkipped()
    {
        // A word of this test only; 23 people with different free hours, three of them with a second matching competence.
        var word = $"paging{Guid.NewGuid().ToString("N")[..6]}";
        var people = new List<ResourcePerson>();
        for (var i = 0; i < 23; i++)
        {
            string[] competences = i % 8 == 0 ? [word, $"{word}ledelse"] : [word];
            people.Add((await Host.CallAsync<CreateResourcePersonRequest, CreateResourcePersonResponse>(
                Service, "CreateResourcePerson", Person($"Person {i}", competences, capacity: i % 20))).ResourcePerson);
        }

        var before = await AllPagesAsync(word, firstPage: null);
        Assert.Equal(people.Select(p => p.Id).Order(), before.Order());

        var first = await SearchAsync(word, pageToken: null);
        Assert.Equal(before.Take(PageSize), first.ResourcePersons.Select(p => p.Id));

        // Between the pages: a person of page 1 stops matching (an offset would then skip the first of page 2), a new
        // best match appears (an offset would repeat the last of page 1), and a person further down edits their profile.
        var leaving = people.Single(p => p.Id == first.ResourcePersons[1].Id);
        await UpdateAsync(leaving, Person(leaving.DisplayName, ["jura"], capacity: 5));
        var newcomer = (await Host.CallAsync<CreateResourcePersonRequest, CreateResourcePersonResponse>(
            Service, "CreateResourcePerson", Person("Nykommer", [word, $"{word}ledelse", $"{word}arbejde"], capacity: 40))).ResourcePerson;
        var editedLater = people.Single(p => p.Id == before[12]);
        await UpdateAsync(editedLater, Person(editedLater.DisplayName, [word], capacity: editedLater.CapacityHoursPerMonth, description: "Har skiftet afdeling."));

        var rest = await AllPagesAsync(word, first.Page.NextPageToken);

        var seen = first.ResourcePersons.Select(p => p.Id).Concat(rest).ToList();
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(before.Order(), seen.Order());
        // The edited person may move (a longer description weighs their text less on SQLite); no one else does.
        Assert.Equal(before.Where(id => id != editedLater.Id), seen.Where(id => id != editedLater.Id));
        Assert.DoesNotContain(newcomer.Id, rest);
        Assert.Equal(newcomer.Id, (await SearchAsync(word, pageToken: null)).ResourcePersons[0].Id);
    }

    private async Task<List<string>> AllPagesAsync(string word, string? firstPage)
    {
        var ids = new List<string>();
        var token = firstPage;
        do
        {
            var page = await SearchAsync(word, token);
            ids.AddRange(page.ResourcePersons.Select(p => p.Id));
            token = page.Page.NextPageToken;
        }
        while (token.Length > 0);

        return ids;
    }

    private Task<SearchResourcePersonsResponse> SearchAsync(string word, string? pageToken) =>
        Host.CallAsync<SearchResourcePersonsRequest, SearchResourcePersonsResponse>(Service, "SearchResourcePersons",
            new() { Query = word, Page = new PageRequest { PageSize = PageSize, PageToken = pageToken ?? string.Empty } });

    private Task<UpdateResourcePersonResponse> UpdateAsync(ResourcePerson person, CreateResourcePersonRequest profile) =>
        Host.CallAsync<UpdateResourcePersonRequest, UpdateResourcePersonResponse>(Service, "UpdateResourcePerson", new() { Id = person.Id, Profile = profile });

    private static CreateResourcePersonRequest Person(string name, string[] competences, int capacity, string description = "") => new()
    {
        DisplayName = name,
        Organisation = "boern-og-unge",
        Competences = { competences },
        Languages = { Language.Danish },
        CapacityHoursPerMonth = capacity,
        Description = description,
        OptedIn = true,
    };
}
