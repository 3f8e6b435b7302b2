using Civic.Contracts.Hotline.V1;
using Civic.Defaults.Services;
using Civic.Hosting.DemoData;
using Civic.Services.FunctionalTests.Infrastructure;
using DepartmentGrpcService = Civic.Hotline.Departments.DepartmentGrpcService;
using Microsoft.Extensions.DependencyInjection;

namespace Civic.Services.FunctionalTests.Hotline;

public sealed class HotlineDemoOnSqlite() : HotlineDemoFixture(Backend.Sqlite);

public sealed class HotlineDemoOnPostgres() : HotlineDemoFixture(Backend.Postgres);

/// <summary>The Hotline service with its demo data seeded, on its own database for a whole test class.</summary>
public abstract class HotlineDemoFixture(Backend backend) : ServiceFixture<DepartmentGrpcService>(CivicServices.Hotline.Name, backend)
{
    protected override IReadOnlyDictionary<string, string> HostSettings(StorageBackend storage) =>
        new Dictionary<string, string>(base.HostSettings(storage)) { ["Civic:SeedDemoData"] = "true" };
}

public sealed class DemoDataTestsOnSqlite(HotlineDemoOnSqlite fixture) : DemoDataTests(fixture), IClassFixture<HotlineDemoOnSqlite>;

public sealed class DemoDataTestsOnPostgres(HotlineDemoOnPostgres fixture) : DemoDataTests(fixture), IClassFixture<HotlineDemoOnPostgres>;

/// <summary>The seven demo departments' rules come in through the same path as an administrator's: validated and audited.</summary>
public abstract class DemoDataTests(ServiceFixture<DepartmentGrpcService> fixture)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Departments = DepartmentsReflection.Descriptor.Services[0];
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Schedules = SchedulesReflection.Descriptor.Services[0];

    [Fact]
    public async Task DemoRules_EachRecordedAsCreatedByTheDemoData_AndSeedingAgainAddsNothing()
    {
        var host = fixture.Host;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>())
            {
                await seeder.SeedAsync(TestContext.Current.CancellationToken);
            }
        }

        var departments = (await host.CallAsync<ListDepartmentsRequest, ListDepartmentsResponse>(Departments, "ListDepartments", new(), role: null)).Departments;
        Assert.Equal(7, departments.Count);
        foreach (var department in departments)
        {
            var rule = Assert.Single((await host.CallAsync<ListScheduleRulesRequest, ListScheduleRulesResponse>(Schedules, "ListScheduleRules", new() { DepartmentId = department.Id }, role: null)).Rules);
            var changes = (await host.CallAsync<ListScheduleRuleChangesRequest, ListScheduleRuleChangesResponse>(Schedules, "ListScheduleRuleChanges", new() { DepartmentId = department.Id })).Changes;
            var created = Assert.Single(changes);
            Assert.Equal((RuleChangeKind.Created, rule.Id, "demo-data", "Demodata", rule.Etag), (created.Kind, created.RuleId, created.ChangedBy, created.ChangedByName, created.Etag));
        }
    }
}
