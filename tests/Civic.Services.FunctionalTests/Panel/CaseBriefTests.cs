using Civic.Contracts.Panel.V1;
using Civic.Defaults.Auth;
using CaseBriefRules = Civic.Panel.Cases.CaseBriefRules;
using CasePhaseRules = Civic.Panel.Cases.CasePhaseRules;
using Civic.Services.FunctionalTests.Infrastructure;
using Civic.Services.FunctionalTests.Panel.CaseWork;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using static Civic.Services.FunctionalTests.Panel.Pool.PoolTestData;
using CaseGrpcService = Civic.Panel.Cases.CaseGrpcService;

namespace Civic.Services.FunctionalTests.Panel;

public sealed class CaseBriefTestsOnSqlite(PanelOnSqlite fixture) : CaseBriefTests(fixture), IClassFixture<PanelOnSqlite>;

public sealed class CaseBriefTestsOnPostgres(PanelOnPostgres fixture) : CaseBriefTests(fixture), IClassFixture<PanelOnPostgres>;

/// <summary>The case's brief over gRPC: stored, audited, refused whole when wrong, and the checklists the phase rules keep.</summary>
public abstract class CaseBriefTests(ServiceFixture<CaseGrpcService> fixture) : ServiceTests<CaseGrpcService>(fixture)
{
    [Fact]
    public async Task UpdateCaseBrief_Valid_StoredReadBackAndAudited()
    {
        var caseId = await PanelCases.CreateAsync(Host);
        var request = PanelCases.CompleteBrief(caseId);
        request.Purpose = "  " + request.Purpose + " ";
        request.Stakeholders.Add(new Stakeholder { Name = "Forældre", Interest = "Tryghed for deres børn." });

        var updated = (await PanelCases.UpdateBriefAsync(Host, request)).Case;
        var fetched = (await Host.CallAsync<GetCaseRequest, GetCaseResponse>(PanelCases.Rpc, "GetCase", new() { Id = caseId }, CivicRoles.Coordinator)).Case;

        Assert.Equal(updated, fetched);
        Assert.Equal("Færre unge føler sig ensomme efter skoletid.", fetched.Purpose);
        Assert.Equal(request.SuccessCriteria, fetched.SuccessCriteria);
        Assert.Equal(["Unge i bydelen", "Forældre"], fetched.Stakeholders.Select(s => s.Name));
        Assert.Equal(request.PanelQuestions, fetched.PanelQuestions);
        // Only the scope of influence is missing, for the next phase and for convening alike.
        Assert.Equal([("scope_of_influence", false), ("purpose", true), ("success_criteria", true)], fetched.NextPhaseChecklist.Select(i => (i.Key, i.Done)));
        Assert.Equal([("scope_of_influence", false), ("stakeholders", true), ("panel_questions", true)], fetched.ConveningChecklist.Select(i => (i.Key, i.Done)));
        Assert.All(fetched.ConveningChecklist, i => Assert.False(string.IsNullOrWhiteSpace(i.LabelDa) || string.IsNullOrWhiteSpace(i.LabelEn)));
        var entry = Assert.Single(await AuditAsync(caseId));
        Assert.Equal("test-coordinator", entry.Actor);
        Assert.Equal("The brief was changed: purpose, success criteria, stakeholders, panel questions", entry.Reason);
    }

    [Fact]
    public async Task UpdateCaseBrief_EmailInAQuestion_AcceptedButFlagged()
    {
        var caseId = await PanelCases.CreateAsync(Host);
        var request = PanelCases.CompleteBrief(caseId);
        request.PanelQuestions.Add("Skal lederen (leder@example.dk) være med?");

        var updated = (await PanelCases.UpdateBriefAsync(Host, request)).Case;

        Assert.Equal([("panel_questions", CaseTextFlagKind.EmailAddress)], updated.TextFlags.Select(f => (f.Field, f.Kind)));
    }

    public static TheoryData<string, string[]> BadBriefs => new()
    {
        { "cpr-in-criterion", ["success_criteria[1]"] },
        { "empty", ["purpose", "success_criteria", "stakeholders", "panel_questions"] },
        { "too-many", ["success_criteria", "stakeholders", "panel_questions"] },
    };

    [Theory]
    [MemberData(nameof(BadBriefs))]
    public async Task UpdateCaseBrief_BadInput_InvalidArgumentAndNothingChanged(string kind, string[] fields)
    {
        var caseId = await PanelCases.ReadyAsync(Host);
        var before = await GetAsync(caseId);
        var auditBefore = (await AuditAsync(caseId)).Count;
        var request = PanelCases.CompleteBrief(caseId);
        request.Purpose = "Et nyt formål.";
        switch (kind)
        {
            case "cpr-in-criterion":
                request.SuccessCriteria.Add("Drengen (120304-5678) trives i skolen.");
                break;
            case "empty":
                request = new UpdateCaseBriefRequest { CaseId = caseId, Purpose = " " };
                break;
            default:
                request.SuccessCriteria.AddRange(Enumerable.Repeat("Kriterium.", CaseBriefRules.MaxSuccessCriteria));
                request.Stakeholders.AddRange(Enumerable.Repeat(new Stakeholder { Name = "Gruppe", Interest = "Interesse." }, CaseBriefRules.MaxStakeholders));
                request.PanelQuestions.AddRange(Enumerable.Repeat("Spørgsmål?", CaseBriefRules.MaxPanelQuestions));
                break;
        }

        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => PanelCases.UpdateBriefAsync(Host, request));

        Assert.Equal(fields, RpcAssert.ViolatedFields(exception));
        RpcAssert.ErrorInfo(exception, kind == "cpr-in-criterion" ? Civic.Contracts.Common.V1.ErrorReason.PersonalDataInText : Civic.Contracts.Common.V1.ErrorReason.InvalidField);
        Assert.Equal(before, await GetAsync(caseId));
        Assert.Equal(auditBefore, (await AuditAsync(caseId)).Count);
    }

    [Fact]
    public async Task UpdateCaseBrief_UnknownCase_NotFound()
    {
        var exception = await RpcAssert.FailsAsync(StatusCode.NotFound, () => PanelCases.UpdateBriefAsync(Host, PanelCases.CompleteBrief(Guid.NewGuid().ToString())));

        RpcAssert.ErrorInfo(exception, Civic.Contracts.Common.V1.ErrorReason.NotFound);
    }

    [Theory]
    [InlineData(CivicRoles.Citizen)]
    [InlineData(CivicRoles.PanelMember)]
    public async Task UpdateCaseBrief_NotAnEmployee_PermissionDeniedAndNothingChanged(string role)
    {
        var caseId = await PanelCases.CreateAsync(Host);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => PanelCases.UpdateBriefAsync(Host, PanelCases.CompleteBrief(caseId), role));

        Assert.Equal(string.Empty, (await GetAsync(caseId)).Purpose);
        Assert.Empty(await AuditAsync(caseId));
    }

    [Fact]
    public async Task ChangePhase_ChecklistNotDone_RefusedNamingWhatIsMissingUntilTheBriefHasIt()
    {
        var caseId = await PanelCases.CreateAsync(Host);
        await PanelCases.SetScopeAsync(Host, caseId);

        var withoutBrief = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => ChangePhaseAsync(caseId, CasePhase.Planning));
        await PanelCases.UpdateBriefAsync(Host, new() { CaseId = caseId, Purpose = "Færre ensomme unge.", SuccessCriteria = { "To nye fællesskaber." } });
        var planning = await ChangePhaseAsync(caseId, CasePhase.Planning);
        var withoutQuestions = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => ChangePhaseAsync(caseId, CasePhase.Execution));
        await PanelCases.UpdateBriefAsync(Host, PanelCases.CompleteBrief(caseId));
        var execution = await ChangePhaseAsync(caseId, CasePhase.Execution);

        Assert.Equal(["purpose", "success_criteria"], RpcAssert.UnmetPreconditions(withoutBrief, CasePhaseRules.ChecklistType));
        Assert.Contains("it still needs: purpose; at least one success criterion", withoutBrief.Status.Detail, StringComparison.Ordinal);
        RpcAssert.ErrorInfo(withoutBrief, Civic.Contracts.Common.V1.ErrorReason.WrongState);
        Assert.Equal(CasePhase.Planning, planning.Phase);
        Assert.Equal([false, false], planning.NextPhaseChecklist.Where(i => i.Key is "stakeholders" or "panel_questions").Select(i => i.Done));
        Assert.Equal(["stakeholders", "panel_questions"], RpcAssert.UnmetPreconditions(withoutQuestions, CasePhaseRules.ChecklistType));
        Assert.Equal(CasePhase.Execution, execution.Phase);
        Assert.Empty(execution.NextPhaseChecklist);
        var transitions = await Host.CallAsync<ListPhaseTransitionsRequest, ListPhaseTransitionsResponse>(PanelCases.Rpc, "ListPhaseTransitions", new() { Id = caseId }, CivicRoles.Coordinator);
        Assert.Equal(2, transitions.Transitions.Count);
    }

    [Fact]
    public async Task Convene_WithoutStakeholdersOrQuestions_RefusedAndNothingStoredThenAllowed()
    {
        var setup = new CaseWorkSetup(Host);
        await setup.SeedPoolAsync();
        var caseId = await PanelCases.CreateAsync(Host);
        await PanelCases.SetScopeAsync(Host, caseId);
        await PanelCases.UpdateBriefAsync(Host, new() { CaseId = caseId, Purpose = "Færre ensomme unge.", SuccessCriteria = { "To nye fællesskaber." } });

        var refused = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => setup.ConveneAsync(caseId));
        var drawsAfterRefusal = await WithDbAsync(Host, db => db.Draws.CountAsync(d => d.CaseId == caseId, TestContext.Current.CancellationToken));
        await PanelCases.UpdateBriefAsync(Host, PanelCases.CompleteBrief(caseId));
        var draw = await setup.ConveneAsync(caseId);

        Assert.Equal(["stakeholders", "panel_questions"], RpcAssert.UnmetPreconditions(refused, CasePhaseRules.ChecklistType));
        Assert.Equal(0, drawsAfterRefusal);
        Assert.Equal(CaseWorkSetup.PanelSize, draw.PanelMemberIds.Count);
    }

    private async Task<Case> GetAsync(string caseId) =>
        (await Host.CallAsync<GetCaseRequest, GetCaseResponse>(PanelCases.Rpc, "GetCase", new() { Id = caseId }, CivicRoles.Coordinator)).Case;

    private async Task<Case> ChangePhaseAsync(string caseId, CasePhase phase) =>
        (await Host.CallAsync<ChangePhaseRequest, ChangePhaseResponse>(PanelCases.Rpc, "ChangePhase", new() { Id = caseId, Phase = phase, Reason = "Tjeklisten er klar." }, CivicRoles.Coordinator)).Case;

    private Task<List<Civic.Panel.Audit.AuditEntry>> AuditAsync(string caseId) =>
        WithDbAsync(Host, db => db.AuditEntries.AsNoTracking().Where(e => e.SubjectId == caseId && e.Action == "case.brief").ToListAsync(TestContext.Current.CancellationToken));
}
