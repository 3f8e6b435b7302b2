using Civic.Contracts.Common.V1;
using Civic.Contracts.Hotline.V1;
using Civic.Contracts.Network.V1;
using Civic.Contracts.Panel.V1;
using Civic.Defaults.Services;
using Civic.Hotline.Departments;
using Civic.Network.ResourcePersons;
using Civic.Panel.Cases;
using Civic.Services.FunctionalTests.Infrastructure;

namespace Civic.Services.FunctionalTests.Migrations;

/// <summary>Demo data is seeded on the one-machine default, and seeding again on every start adds nothing.</summary>
public sealed class DemoDataTests : IAsyncDisposable
{
    private readonly SqliteBackend _storage = new();

    [Fact]
    public async Task Start_Twice_DemoDataSeededOnce()
    {
        var counts = new List<(int Departments, int Cases, int People)>();
        for (var start = 0; start < 2; start++)
        {
            counts.Add((
                await CountAsync<DepartmentGrpcService, ListDepartmentsResponse>(CivicServices.Hotline.Name, host => host.CallAsync<ListDepartmentsRequest, ListDepartmentsResponse>(
                    DepartmentsReflection.Descriptor.Services[0], "ListDepartments", new() { Page = new PageRequest() }), r => r.Page.TotalSize),
                await CountAsync<CaseGrpcService, ListCasesResponse>(CivicServices.Panel.Name, host => host.CallAsync<ListCasesRequest, ListCasesResponse>(
                    CasesReflection.Descriptor.Services[0], "ListCases", new() { Page = new PageRequest() }), r => r.Page.TotalSize),
                await CountAsync<ResourcePersonGrpcService, SearchResourcePersonsResponse>(CivicServices.Network.Name, host => host.CallAsync<SearchResourcePersonsRequest, SearchResourcePersonsResponse>(
                    ResourcePersonsReflection.Descriptor.Services[0], "SearchResourcePersons", new()), r => r.Page.TotalSize)));
        }

        Assert.Equal(counts[0], counts[1]);
        Assert.True(counts[0].Departments >= 3 && counts[0].Cases >= 2 && counts[0].People >= 3, $"Too little demo data: {counts[0]}");
    }

    public async ValueTask DisposeAsync() => await _storage.DisposeAsync();

    private async Task<int> CountAsync<TEntryPoint, TResponse>(string service, Func<ServiceHost<TEntryPoint>, Task<TResponse>> list, Func<TResponse, int> total)
        where TEntryPoint : class
    {
        await using var host = new ServiceHost<TEntryPoint>(new Dictionary<string, string>(_storage.Settings(service)) { ["Civic:SeedDemoData"] = "true" });
        var response = await list(host);
        Assert.Empty(host.ErrorLogs());
        return total(response);
    }
}
