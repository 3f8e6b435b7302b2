using Civic.Contracts.Panel.V1;
using Civic.Defaults.Auth;
using Civic.Services.FunctionalTests.Infrastructure;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using CaseGrpcService = Civic.Panel.Cases.CaseGrpcService;

namespace Civic.Services.FunctionalTests.Panel.CaseWork;

public sealed class CaseWorkTestsOnSqlite(PanelOnSqlite fixture) : CaseWorkTests(fixture), IClassFixture<PanelOnSqlite>;

public sealed class CaseWorkTestsOnPostgres(PanelOnPostgres fixture) : CaseWorkTests(fixture), IClassFixture<PanelOnPostgres>;

/// <summary>The panel's work after convening over gRPC: sessions, contributions with equal weight, the synthesis review, feedback and its escalation, the evaluation.</summary>
public abstract class CaseWorkTests(ServiceFixture<CaseGrpcService> fixture) : ServiceTests<CaseGrpcService>(fixture), IAsyncLifetime
{
    private CaseWorkSetup Setup => new(Host);

    public async ValueTask InitializeAsync() => await Setup.SeedPoolAsync();

    [Fact]
    public async Task SchedulePanelSession_PlaceTypeTimeAgenda_ListedEarliestFirst()
    {
        var (caseId, _, _) = await Setup.InvitedPanelAsync();
        var later = await Setup.ScheduleAsync(caseId, PlaceType.Online, days: 9);
        var sooner = await Setup.ScheduleAsync(caseId, PlaceType.CultureHouse, days: 2);

        var listed = await Setup.ListPanelSessionsAsync(caseId);

        Assert.Equal([sooner.Id, later.Id], listed.Select(s => s.Id));
        Assert.Equal(PlaceType.CultureHouse, listed[0].PlaceType);
        Assert.Equal("1. Velkomst\n2. Fællesskaber", listed[0].Agenda);
    }

    [Fact]
    public async Task SchedulePanelSession_MissingPlaceTypeTimeOrAgenda_InvalidArgumentAndNothingStored()
    {
        var (caseId, _, _) = await Setup.InvitedPanelAsync();

        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            Host.CallAsync<SchedulePanelSessionRequest, SchedulePanelSessionResponse>(CaseWorkSetup.Sessions, "SchedulePanelSession", new() { CaseId = caseId, Place = "Kulturhuset" }, CivicRoles.Coordinator));

        var fields = exception.GetRpcStatus()?.GetDetail<Google.Rpc.BadRequest>()?.FieldViolations.Select(v => v.Field).ToList();
        Assert.Equal(["agenda", "starts_at", "place_type"], fields);
        Assert.Empty(await Setup.ListPanelSessionsAsync(caseId));
    }

    [Fact]
    public async Task Contributions_MemberAndCoordinator_EqualInTheOrderGiven_MemberSeesOnlyOwn()
    {
        var (caseId, _, sent) = await Setup.InvitedPanelAsync();
        await Setup.JoinAsync(sent[0].Id);
        await Setup.JoinAsync(sent[1].Id);
        var session = await Setup.ScheduleAsync(caseId, PlaceType.AtHome, days: 1);

        var own = await Setup.ContributeAsync(sent[0].Id, session.Id, "Der mangler et sted at være om aftenen.");
        var recorded = await Host.CallAsync<RecordContributionRequest, RecordContributionResponse>(CaseWorkSetup.Sessions, "RecordContribution",
            new() { SessionId = session.Id, MemberId = sent[1].MemberId, Text = "Foreningerne er for dyre." }, CivicRoles.Coordinator);
        var all = (await Setup.ListPanelSessionsAsync(caseId)).Single().Contributions;
        var memberView = await Setup.ViewAsync(sent[0].Id);

        Assert.True(own.Contribution.ByMember);
        Assert.False(recorded.Contribution.ByMember);
        Assert.Equal([own.Contribution.Id, recorded.Contribution.Id], all.Select(c => c.Id));
        var seen = Assert.Single(memberView.Sessions).Contributions;
        Assert.Equal(own.Contribution.Id, Assert.Single(seen).Id);
    }

    [Fact]
    public async Task Contribution_FromNonMember_PermissionDeniedAndNothingStored()
    {
        var (caseId, draw, sent) = await Setup.InvitedPanelAsync();
        await Setup.JoinAsync(sent[0].Id);
        await Setup.RespondAsync(sent[1].Id, accept: false);
        var session = await Setup.ScheduleAsync(caseId, PlaceType.NeutralPlace, days: 1);

        // A drawn member who has not answered, one who declined, and a reserve never invited.
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Setup.ContributeAsync(sent[2].Id, session.Id, "Jeg vil også sige noget."));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Setup.ContributeAsync(sent[1].Id, session.Id, "Jeg sagde nej, men ..."));
        var outsider = draw.ReserveMemberIds.Last();
        var recorded = await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () =>
            Host.CallAsync<RecordContributionRequest, RecordContributionResponse>(CaseWorkSetup.Sessions, "RecordContribution",
                new() { SessionId = session.Id, MemberId = outsider, Text = "Udefra." }, CivicRoles.Coordinator));
        // A forged link is no member at all.
        await RpcAssert.FailsAsync(StatusCode.NotFound, () =>
            Host.CallAsync<AddContributionRequest, AddContributionResponse>(CaseWorkSetup.Member, "AddContribution",
                new() { InvitationId = sent[0].Id, Token = "forged", SessionId = session.Id, Text = "Falsk." }, null));

        Assert.Contains("not a member of this case's panel", recorded.Status.Detail, StringComparison.Ordinal);
        Assert.Empty((await Setup.ListPanelSessionsAsync(caseId)).Single().Contributions);
    }

    [Fact]
    public async Task Contribution_AcceptedWithoutTavshedspligt_FailedPreconditionAndNoCaseMaterial()
    {
        var (caseId, _, sent) = await Setup.InvitedPanelAsync();
        await Setup.RespondAsync(sent[0].Id, accept: true);
        var session = await Setup.ScheduleAsync(caseId, PlaceType.Online, days: 1);

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Setup.ContributeAsync(sent[0].Id, session.Id, "Et bidrag."));
        var view = await Setup.ViewAsync(sent[0].Id);

        Assert.Null(view.CaseMaterial);
        Assert.Empty(view.Sessions);
        Assert.Empty((await Setup.ListPanelSessionsAsync(caseId)).Single().Contributions);
    }

    [Fact]
    public async Task Contribution_ToAnotherCasesSession_NotFound()
    {
        var (_, _, sent) = await Setup.InvitedPanelAsync();
        await Setup.JoinAsync(sent[0].Id);
        var (otherCase, _, _) = await Setup.InvitedPanelAsync();
        var otherSession = await Setup.ScheduleAsync(otherCase, PlaceType.Online, days: 1);

        await RpcAssert.FailsAsync(StatusCode.NotFound, () => Setup.ContributeAsync(sent[0].Id, otherSession.Id, "Forkert sag."));

        Assert.Empty((await Setup.ListPanelSessionsAsync(otherCase)).Single().Contributions);
    }

    [Fact]
    public async Task Synthesis_DraftReviewCommentFinal_InOrderOnly()
    {
        var (caseId, _, sent) = await Setup.InvitedPanelAsync();
        await Setup.JoinAsync(sent[0].Id);
        await Setup.JoinAsync(sent[1].Id);
        Assert.Equal(SynthesisStage.Unspecified, (await Setup.GetSynthesisAsync(caseId)).Stage);

        await Setup.SaveDraftAsync(caseId, "Første udkast.");
        var draft = await Setup.SaveDraftAsync(caseId, "Panelet ønsker et værested.");
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Setup.CommentAsync(sent[0].Id, "For tidligt."));
        Assert.Null((await Setup.ViewAsync(sent[0].Id)).Synthesis);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Setup.FinaliseAsync(caseId));
        await Setup.OpenReviewAsync(caseId);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Setup.SaveDraftAsync(caseId, "Ændret under kommentering."));
        await Setup.CommentAsync(sent[0].Id, "Husk også de unge uden cykel.");
        await Setup.CommentAsync(sent[1].Id, "Enig.");
        var memberView = await Setup.ViewAsync(sent[0].Id);
        var final = await Setup.FinaliseAsync(caseId);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Setup.CommentAsync(sent[0].Id, "For sent."));

        Assert.Equal(SynthesisStage.Draft, draft.Synthesis.Stage);
        Assert.Equal(SynthesisStage.InReview, memberView.Synthesis.Stage);
        Assert.Equal("Panelet ønsker et værested.", memberView.Synthesis.Text);
        Assert.Equal("Husk også de unge uden cykel.", Assert.Single(memberView.Synthesis.Comments).Text);
        Assert.Equal(SynthesisStage.Final, final.Synthesis.Stage);
        Assert.NotNull(final.Synthesis.FinalisedAt);
        Assert.Equal(2, final.Synthesis.Comments.Count);
        Assert.Equal(2, (await Setup.GetSynthesisAsync(caseId)).Comments.Count);
    }

    [Fact]
    public async Task Synthesis_ReviewWithoutNoteOrFinalWithoutResponse_InvalidArgument()
    {
        var (caseId, _, _) = await Setup.InvitedPanelAsync();
        await Setup.SaveDraftAsync(caseId, "Udkast.");

        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            Host.CallAsync<OpenSynthesisReviewRequest, OpenSynthesisReviewResponse>(CaseWorkSetup.Syntheses, "OpenSynthesisReview", new() { CaseId = caseId }, CivicRoles.Coordinator));

        Assert.Equal(SynthesisStage.Draft, (await Setup.GetSynthesisAsync(caseId)).Stage);
    }

    [Fact]
    public async Task Feedback_AfterFinalSynthesis_ToEveryMember_OnceEach()
    {
        var (caseId, _, sent) = await Setup.InvitedPanelAsync();
        await Setup.JoinAsync(sent[0].Id);
        await Setup.JoinAsync(sent[1].Id);
        await Setup.SaveDraftAsync(caseId, "Syntese.");
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Setup.GiveFeedbackAsync(caseId, sent[0].MemberId));
        await Setup.OpenReviewAsync(caseId);
        await Setup.FinaliseAsync(caseId);

        var given = await Setup.GiveFeedbackAsync(caseId, sent[0].MemberId);
        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => Setup.GiveFeedbackAsync(caseId, sent[0].MemberId));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Setup.GiveFeedbackAsync(caseId, sent[2].MemberId));
        var list = await Setup.ListFeedbackAsync(caseId);
        var memberView = await Setup.ViewAsync(sent[0].Id);

        Assert.NotNull(given.Feedback.DueAt);
        Assert.Equal(new[] { sent[0].MemberId, sent[1].MemberId }.Order(StringComparer.Ordinal), list.Feedback.Select(f => f.MemberId));
        Assert.Equal("Jeres forslag om et værested er sat i gang.", list.Feedback.Single(f => f.MemberId == sent[0].MemberId).Text);
        Assert.Equal(string.Empty, list.Feedback.Single(f => f.MemberId == sent[1].MemberId).Text);
        Assert.Equal("Jeres forslag om et værested er sat i gang.", memberView.Feedback.Text);
        Assert.Null((await Setup.ViewAsync(sent[1].Id)).Feedback);
    }

    [Fact]
    public async Task EscalationJob_MissingFeedback_CoordinatorAfter30DaysThenDepartmentHead_EachOnce()
    {
        var (caseId, sent) = await Setup.FinalisedWithTwoMembersAsync();
        await Setup.GiveFeedbackAsync(caseId, sent[0].MemberId);
        var now = TimeProvider.System.GetUtcNow();

        await Setup.RunEscalationAsync(now.AddDays(29));
        Assert.Empty((await Setup.ListFeedbackAsync(caseId)).Escalations);
        await Setup.RunEscalationAsync(now.AddDays(31));
        await Setup.RunEscalationAsync(now.AddDays(32));
        var first = (await Setup.ListFeedbackAsync(caseId)).Escalations;
        await Setup.RunEscalationAsync(now.AddDays(45));
        var second = (await Setup.ListFeedbackAsync(caseId)).Escalations;

        var coordinator = Assert.Single(first);
        Assert.Equal((1, "coordinator:test-coordinator", 1), (coordinator.Level, coordinator.Recipient, coordinator.MissingCount));
        Assert.Equal([1, 2], second.Select(e => e.Level));
        Assert.Equal("department-head:boern-og-unge", second[1].Recipient);
    }

    [Fact]
    public async Task Evaluation_OnlyInErkendelse_RecordedAndRevised()
    {
        var (caseId, _, _) = await Setup.InvitedPanelAsync();

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Setup.RecordEvaluationAsync(caseId, GoalFulfilment.Met));
        Assert.Equal(GoalFulfilment.Unspecified, (await Setup.GetEvaluationAsync(caseId)).GoalFulfilment);
        await Setup.MoveToRealisationAsync(caseId);

        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => Setup.RecordEvaluationAsync(caseId, GoalFulfilment.Unspecified));
        await Setup.RecordEvaluationAsync(caseId, GoalFulfilment.PartlyMet);
        var revised = await Setup.RecordEvaluationAsync(caseId, GoalFulfilment.Met);
        var fetched = await Setup.GetEvaluationAsync(caseId);

        Assert.Equal(GoalFulfilment.Met, revised.Evaluation.GoalFulfilment);
        Assert.Equal(revised.Evaluation, fetched);
        Assert.Equal("Panelet var med fra start.", fetched.Involvement);
        Assert.Equal("test-coordinator", fetched.RecordedBy);
    }

    [Fact]
    public async Task CaseWork_Staff_PermissionDenied()
    {
        var (caseId, _, _) = await Setup.InvitedPanelAsync();

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Host.CallAsync<SchedulePanelSessionRequest, SchedulePanelSessionResponse>(CaseWorkSetup.Sessions, "SchedulePanelSession",
            CaseWorkSetup.SessionRequest(caseId, PlaceType.Online, 1), CivicRoles.Staff));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Host.CallAsync<SaveSynthesisDraftRequest, SaveSynthesisDraftResponse>(CaseWorkSetup.Syntheses, "SaveSynthesisDraft",
            new() { CaseId = caseId, Text = "Nej." }, CivicRoles.Staff));

        Assert.Empty(await Setup.ListPanelSessionsAsync(caseId));
    }
}
