using Civic.Contracts.Panel.V1;
using Civic.Defaults.Auth;
using Civic.Hosting.DemoData;
using Civic.Panel.Convening;
using Civic.Panel.Lottery;
using Civic.Panel.Pool;
using Civic.Services.FunctionalTests.Infrastructure;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using CaseGrpcService = Civic.Panel.Cases.CaseGrpcService;

namespace Civic.Services.FunctionalTests.Panel;

public sealed class ConveningTestsOnSqlite(PanelOnSqlite fixture) : ConveningTests(fixture), IClassFixture<PanelOnSqlite>;

public sealed class ConveningTestsOnPostgres(PanelOnPostgres fixture) : ConveningTests(fixture), IClassFixture<PanelOnPostgres>;

/// <summary>Phases and convening over gRPC on the demo pool of 120 volunteers; every bad input changes nothing.</summary>
public abstract class ConveningTests(ServiceFixture<CaseGrpcService> fixture) : ServiceTests<CaseGrpcService>(fixture), IAsyncLifetime
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Cases = CasesReflection.Descriptor.Services[0];
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Convening = ConveningReflection.Descriptor.Services[0];

    public async ValueTask InitializeAsync()
    {
        using var scope = Host.Services.CreateScope();
        foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>().OfType<DemoPool>())
        {
            await seeder.SeedAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Convene_DemoPool_FairPanelWithProbabilitiesCertificateAndReproducibleRecord()
    {
        var caseId = await PanelCases.ReadyAsync(Host);

        var draw = (await ConveneAsync(Request(caseId, 12,
            Q("age_band", "18-29", 1, 3), Q("age_band", "30-44", 2, 4), Q("age_band", "45-59", 2, 4), Q("age_band", "60-74", 2, 4), Q("age_band", "75+", 1, 3),
            Q("district", "oest", 1, 3), Q("lived_experience", "foraelder-handicap", 1, 2)))).Draw;

        Assert.Equal(12, draw.PanelMemberIds.Count);
        Assert.Equal(DemoPool.Size, draw.Probabilities.Count);
        Assert.Equal(DemoPool.Size - 12, draw.ReserveMemberIds.Count);
        Assert.Equal(12, draw.Probabilities.Sum(p => p.Probability), 5);
        Assert.InRange(draw.CertifiedUpperBound - draw.MinimumProbability, -1e-6, 0.001);
        Assert.True(draw.MinimumProbability > 0);
        Assert.Equal("test-coordinator", draw.DrawnBy);
        Assert.Equal(LeximinSolver.AlgorithmVersion, draw.AlgorithmVersion);
        // Quotas the coordinator left out were completed with 0..k for every schema value of the category.
        Assert.Contains(draw.Quotas, q => q is { Category: "district", Value: "nord", Min: 0, Max: 12 });
        var members = DemoPool.Members(DateTimeOffset.UnixEpoch).ToDictionary(m => m.Id);
        var panel = draw.PanelMemberIds.Select(id => members[id]).ToList();
        Assert.InRange(panel.Count(m => m.Features["lived_experience"] == "foraelder-handicap"), 1, 2);
        Assert.InRange(panel.Count(m => m.Features["age_band"] == "75+"), 1, 3);
        Assert.All(panel.Where(m => m.HouseholdKey is not null).GroupBy(m => m.HouseholdKey), g => Assert.Single(g));

        var fetched = (await Host.CallAsync<GetDrawRequest, GetDrawResponse>(Convening, "GetDraw", new() { Id = draw.Id }, CivicRoles.Coordinator)).Draw;
        var verified = await Host.CallAsync<VerifyDrawRequest, VerifyDrawResponse>(Convening, "VerifyDraw", new() { Id = draw.Id }, CivicRoles.Coordinator);
        Assert.Equal(draw, fetched);
        Assert.True(verified.Reproduced);
        Assert.Equal(draw.PanelMemberIds, verified.RerunPanelMemberIds);
    }

    [Fact]
    public async Task VerifyCommand_ExportedRecordReproduced_TamperedRecordNot()
    {
        var caseId = await PanelCases.ReadyAsync(Host);
        var draw = (await ConveneAsync(Request(caseId, 10, Q("age_band", "75+", 1, 2)))).Draw;
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, draw.RecordJson, TestContext.Current.CancellationToken);
            var output = new StringWriter();
            Assert.Equal(0, VerifyDrawCommand.Run(file, output));
            Assert.Contains("VERIFIED", output.ToString(), StringComparison.Ordinal);

            // Another member's features in the snapshot: the hash no longer matches the record.
            var stored = StoredDraw.FromJson(draw.RecordJson);
            var tampered = stored with { PoolSnapshot = [.. stored.PoolSnapshot.Select((m, i) => i == 0 ? m with { HouseholdKey = "elsewhere" } : m)] };
            await File.WriteAllTextAsync(file, tampered.ToJson(), TestContext.Current.CancellationToken);
            Assert.Equal(1, VerifyDrawCommand.Run(file, new StringWriter()));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Convene_BeforeScopeOfInfluence_FailedPreconditionAndNothingStored()
    {
        var caseId = await PanelCases.CreateAsync(Host);

        var exception = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => ConveneAsync(Request(caseId, 10)));

        Assert.Contains("scope of influence", exception.Status.Detail, StringComparison.Ordinal);
        Assert.Empty(await DrawsAsync(caseId));
    }

    public static TheoryData<int, Quota[], StatusCode, string> BadQuotas => new()
    {
        { 10, [Q("age_band", "18-29", 3, 10), Q("age_band", "30-44", 3, 10), Q("age_band", "45-59", 3, 10), Q("age_band", "60-74", 3, 10), Q("age_band", "75+", 0, 10)], StatusCode.InvalidArgument, "minima of category age_band add up to 12 seats" },
        { 10, [Q("district", "nord", 0, 1), Q("district", "syd", 0, 2), Q("district", "oest", 0, 2), Q("district", "vest", 0, 2), Q("district", "midtby", 0, 2)], StatusCode.InvalidArgument, "maxima of category district add up to 9 seats" },
        { 10, [Q("age_band", "12-17", 1, 2)], StatusCode.InvalidArgument, "'12-17' is not a value of age_band" },
        { 10, [Q("income", "high", 1, 2)], StatusCode.InvalidArgument, "Category 'income' is not in the feature schema" },
        { 121, [], StatusCode.FailedPrecondition, "needs 121 members but only 120 are eligible" },
        { 30, [Q("age_band", "18-29", 30, 30)], StatusCode.FailedPrecondition, "age_band = 18-29 needs at least 30 seats but the eligible pool has only" },
    };

    [Theory]
    [MemberData(nameof(BadQuotas))]
    public async Task Convene_BadQuotasOrSize_ClearStatusAndNothingStored(int panelSize, Quota[] quotas, StatusCode expected, string message)
    {
        var caseId = await PanelCases.ReadyAsync(Host);

        var exception = await RpcAssert.FailsAsync(expected, () => ConveneAsync(Request(caseId, panelSize, quotas)));

        Assert.Contains(message, exception.Status.Detail, StringComparison.Ordinal);
        Assert.Empty(await DrawsAsync(caseId));
    }

    [Fact]
    public async Task ChangePhase_OneStepAtATime_LoggedWithWhoAndWhy()
    {
        var caseId = await PanelCases.ReadyAsync(Host);

        var planning = await ChangePhaseAsync(caseId, CasePhase.Planning, "Formål og succeskriterier er aftalt.");
        var execution = await ChangePhaseAsync(caseId, CasePhase.Execution, "Panelet er indkaldt.");
        var transitions = await Host.CallAsync<ListPhaseTransitionsRequest, ListPhaseTransitionsResponse>(Cases, "ListPhaseTransitions", new() { Id = caseId }, CivicRoles.Coordinator);

        Assert.Equal(CasePhase.Planning, planning.Case.Phase);
        Assert.Equal(CasePhase.Execution, execution.Case.Phase);
        Assert.Equal([(CasePhase.Clarification, CasePhase.Planning), (CasePhase.Planning, CasePhase.Execution)], transitions.Transitions.Select(t => (t.From, t.To)));
        Assert.All(transitions.Transitions, t => Assert.Equal(("test-coordinator", "Test coordinator"), (t.ChangedBy, t.ChangedByName)));
        Assert.Equal("Panelet er indkaldt.", transitions.Transitions[1].Reason);
        // In execution the panel is already convened.
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => ConveneAsync(Request(caseId, 10)));
    }

    [Fact]
    public async Task ChangePhase_SkippedOrBackwards_FailedPreconditionAndNothingLogged()
    {
        var caseId = await PanelCases.ReadyAsync(Host);

        var skipped = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => ChangePhaseAsync(caseId, CasePhase.Execution, "Vi springer planlægningen over."));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => ChangePhaseAsync(caseId, CasePhase.Clarification, "Tilbage."));
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => ChangePhaseAsync(caseId, CasePhase.Planning, " "));

        Assert.Contains("cannot be skipped", skipped.Status.Detail, StringComparison.Ordinal);
        var transitions = await Host.CallAsync<ListPhaseTransitionsRequest, ListPhaseTransitionsResponse>(Cases, "ListPhaseTransitions", new() { Id = caseId }, CivicRoles.Coordinator);
        Assert.Empty(transitions.Transitions);
    }

    [Fact]
    public async Task ChangePhase_LeavingClarificationWithoutScope_FailedPrecondition()
    {
        var caseId = await PanelCases.CreateAsync(Host);

        var exception = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => ChangePhaseAsync(caseId, CasePhase.Planning, "Klar."));

        Assert.Contains("scope of influence", exception.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Convene_Staff_PermissionDenied()
    {
        var caseId = await PanelCases.ReadyAsync(Host);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () =>
            Host.CallAsync<ConveneRequest, ConveneResponse>(Convening, "Convene", Request(caseId, 10), CivicRoles.Staff));
    }

    private static Quota Q(string category, string value, int min, int max) => new() { Category = category, Value = value, Min = min, Max = max };

    private static ConveneRequest Request(string caseId, int panelSize, params Quota[] quotas)
    {
        var request = new ConveneRequest { CaseId = caseId, PanelSize = panelSize };
        request.Quotas.AddRange(quotas);
        return request;
    }

    private Task<ConveneResponse> ConveneAsync(ConveneRequest request) =>
        Host.CallAsync<ConveneRequest, ConveneResponse>(Convening, "Convene", request, CivicRoles.Coordinator);

    private async Task<IReadOnlyList<Draw>> DrawsAsync(string caseId) =>
        (await Host.CallAsync<ListDrawsRequest, ListDrawsResponse>(Convening, "ListDraws", new() { CaseId = caseId }, CivicRoles.Coordinator)).Draws;

    private Task<ChangePhaseResponse> ChangePhaseAsync(string caseId, CasePhase phase, string reason) =>
        Host.CallAsync<ChangePhaseRequest, ChangePhaseResponse>(Cases, "ChangePhase", new() { Id = caseId, Phase = phase, Reason = reason }, CivicRoles.Coordinator);
}
