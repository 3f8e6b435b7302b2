using Civic.Contracts.Panel.V1;
using Civic.Defaults.Auth;
using Civic.Services.FunctionalTests.Infrastructure;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using static Civic.Services.FunctionalTests.Panel.Pool.PoolTestData;
using CaseGrpcService = Civic.Panel.Cases.CaseGrpcService;

namespace Civic.Services.FunctionalTests.Panel;

public sealed class CaseCoordinatorTestsOnSqlite(PanelOnSqlite fixture) : CaseCoordinatorTests(fixture), IClassFixture<PanelOnSqlite>;

public sealed class CaseCoordinatorTestsOnPostgres(PanelOnPostgres fixture) : CaseCoordinatorTests(fixture), IClassFixture<PanelOnPostgres>;

/// <summary>A case's coordinator: whoever opened it, until a colleague takes it over with a reason the audit log keeps.</summary>
public abstract class CaseCoordinatorTests(ServiceFixture<CaseGrpcService> fixture) : ServiceTests<CaseGrpcService>(fixture)
{
    [Fact]
    public async Task CreateCase_TheCallerCoordinatesIt()
    {
        var created = (await Host.CallAsync<CreateCaseRequest, CreateCaseResponse>(PanelCases.Rpc, "CreateCase", PanelCases.New(), CivicRoles.Staff)).Case;

        Assert.Equal(("test-staff", "Test staff"), (created.CoordinatorSubject, created.CoordinatorName));
    }

    [Fact]
    public async Task TakeOverCase_AColleague_BecomesTheCoordinatorAndTheAuditKeepsFromWhomAndWhy()
    {
        var caseId = await PanelCases.CreateAsync(Host);

        var taken = (await TakeOverAsync(new() { Id = caseId, Reason = "  Overtager under Jonas' orlov " }, TestTokens.ForUser("kirsten", CivicRoles.Coordinator))).Case;
        var fetched = (await Host.CallAsync<GetCaseRequest, GetCaseResponse>(PanelCases.Rpc, "GetCase", new() { Id = caseId }, CivicRoles.Director)).Case;

        Assert.Equal(("kirsten", "Test kirsten"), (taken.CoordinatorSubject, taken.CoordinatorName));
        Assert.Equal(taken, fetched);
        var entry = Assert.Single(await AuditAsync(caseId));
        Assert.Equal("kirsten", entry.Actor);
        Assert.Equal("Taken over from Test coordinator (test-coordinator): Overtager under Jonas' orlov", entry.Reason);
    }

    public static TheoryData<string, string> BadReasons => new()
    {
        { "", "reason" },
        { new string('x', 1001), "reason" },
        { "Borger 010190-1234 klagede", "reason" },
    };

    [Theory]
    [MemberData(nameof(BadReasons))]
    public async Task TakeOverCase_BadReason_InvalidArgumentAndTheCoordinatorStays(string reason, string field)
    {
        var caseId = await PanelCases.CreateAsync(Host);

        var refused = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => TakeOverAsync(new() { Id = caseId, Reason = reason }, TestTokens.ForUser("kirsten", CivicRoles.Coordinator)));

        Assert.Equal([field], RpcAssert.ViolatedFields(refused));
        Assert.Equal("test-coordinator", (await GetAsync(caseId)).CoordinatorSubject);
        Assert.Empty(await AuditAsync(caseId));
    }

    [Fact]
    public async Task TakeOverCase_TheCoordinatorItself_FailedPreconditionAndNothingLogged()
    {
        var caseId = await PanelCases.CreateAsync(Host);

        var refused = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => TakeOverAsync(new() { Id = caseId, Reason = "Igen" }, TestTokens.For(CivicRoles.Coordinator)));

        Assert.Contains("already", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Empty(await AuditAsync(caseId));
    }

    [Fact]
    public async Task TakeOverCase_StaffOfAnotherDepartmentOrACitizen_RefusedWithoutLearningTheCase()
    {
        var caseId = await PanelCases.CreateAsync(Host);

        await RpcAssert.FailsAsync(StatusCode.NotFound, () => TakeOverAsync(new() { Id = caseId, Reason = "Nysgerrig" }, TestTokens.For(CivicRoles.Staff, "sundhed-og-kultur")));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => TakeOverAsync(new() { Id = caseId, Reason = "Nysgerrig" }, TestTokens.For(CivicRoles.Citizen)));

        Assert.Equal("test-coordinator", (await GetAsync(caseId)).CoordinatorSubject);
    }

    private Task<TakeOverCaseResponse> TakeOverAsync(TakeOverCaseRequest request, string token) =>
        Host.CallWithTokenAsync<TakeOverCaseRequest, TakeOverCaseResponse>(PanelCases.Rpc, "TakeOverCase", request, token);

    private async Task<Case> GetAsync(string caseId) =>
        (await Host.CallAsync<GetCaseRequest, GetCaseResponse>(PanelCases.Rpc, "GetCase", new() { Id = caseId }, CivicRoles.Coordinator)).Case;

    private Task<List<Civic.Panel.Audit.AuditEntry>> AuditAsync(string caseId) =>
        WithDbAsync(Host, db => db.AuditEntries.AsNoTracking().Where(e => e.SubjectId == caseId && e.Action == "case.coordinator").ToListAsync(TestContext.Current.CancellationToken));
}
