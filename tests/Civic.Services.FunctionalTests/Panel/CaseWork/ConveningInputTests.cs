using Civic.Contracts.Panel.V1;
using Civic.Defaults.Auth;
using Civic.Panel.Pool;
using Civic.Services.FunctionalTests.Infrastructure;
using Grpc.Core;
using CaseGrpcService = Civic.Panel.Cases.CaseGrpcService;

namespace Civic.Services.FunctionalTests.Panel.CaseWork;

public sealed class ConveningInputTestsOnSqlite(PanelOnSqlite fixture) : ConveningInputTests(fixture), IClassFixture<PanelOnSqlite>;

public sealed class ConveningInputTestsOnPostgres(PanelOnPostgres fixture) : ConveningInputTests(fixture), IClassFixture<PanelOnPostgres>;

/// <summary>The cool-down after taking part, and "required lived experience" as its own convening input.</summary>
public abstract class ConveningInputTests(ServiceFixture<CaseGrpcService> fixture) : ServiceTests<CaseGrpcService>(fixture), IAsyncLifetime
{
    private CaseWorkSetup Setup => new(Host);

    public async ValueTask InitializeAsync() => await Setup.SeedPoolAsync();

    [Fact]
    public async Task Convene_MemberWhoAcceptedRecently_NotEligible_OneWhoOnlyWasInvitedIs()
    {
        var (_, _, sent) = await Setup.InvitedPanelAsync();
        await Setup.RespondAsync(sent[0].Id, accept: true);

        var draw = await Setup.ConveneAsync(await Setup.ReadyCaseAsync());

        Assert.DoesNotContain(draw.Probabilities, p => p.MemberId == sent[0].MemberId);
        Assert.DoesNotContain(sent[0].MemberId, draw.ReserveMemberIds);
        Assert.Contains(draw.Probabilities, p => p.MemberId == sent[1].MemberId);
        Assert.Equal(DemoPool.Size - 1, draw.Probabilities.Count);
    }

    [Fact]
    public async Task Convene_RequiredLivedExperience_AtLeastOneSuchMemberOnEveryPanel()
    {
        var caseId = await Setup.ReadyCaseAsync();
        var request = new ConveneRequest { CaseId = caseId, PanelSize = 6, RequiredLivedExperience = { "jobcenter", "foraelder-handicap" } };

        var draw = (await Host.CallAsync<ConveneRequest, ConveneResponse>(CaseWorkSetup.Convening, "Convene", request, CivicRoles.Coordinator)).Draw;

        Assert.Contains(draw.Quotas, q => q is { Category: "lived_experience", Value: "jobcenter", Min: 1 });
        Assert.Contains(draw.Quotas, q => q is { Category: "lived_experience", Value: "foraelder-handicap", Min: 1 });
        var members = DemoPool.Members(DateTimeOffset.UnixEpoch).ToDictionary(m => m.Id);
        var experience = draw.PanelMemberIds.Select(id => members[id].Features["lived_experience"]).ToList();
        Assert.Contains("jobcenter", experience);
        Assert.Contains("foraelder-handicap", experience);
    }

    [Fact]
    public async Task Convene_RequiredLivedExperienceNotInSchema_InvalidArgumentAndNothingStored()
    {
        var caseId = await Setup.ReadyCaseAsync();
        var request = new ConveneRequest { CaseId = caseId, PanelSize = 6, RequiredLivedExperience = { "astronaut" } };

        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            Host.CallAsync<ConveneRequest, ConveneResponse>(CaseWorkSetup.Convening, "Convene", request, CivicRoles.Coordinator));

        Assert.Contains("astronaut", exception.Status.Detail, StringComparison.Ordinal);
        Assert.Empty((await Host.CallAsync<ListDrawsRequest, ListDrawsResponse>(CaseWorkSetup.Convening, "ListDraws", new() { CaseId = caseId }, CivicRoles.Coordinator)).Draws);
    }
}
