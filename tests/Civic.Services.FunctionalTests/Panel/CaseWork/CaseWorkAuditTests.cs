using System.Text.Json;
using Civic.Contracts.Panel.V1;
using Civic.Defaults.Auth;
using Civic.Panel;
using Civic.Panel.Audit;
using Civic.Panel.Pool;
using Civic.Services.FunctionalTests.Infrastructure;
using Civic.Services.FunctionalTests.Panel.Pool;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using AuditEntry = Civic.Panel.Audit.AuditEntry;
using CaseGrpcService = Civic.Panel.Cases.CaseGrpcService;

namespace Civic.Services.FunctionalTests.Panel.CaseWork;

public sealed class CaseWorkAuditTestsOnSqlite(PanelOnSqlite fixture) : CaseWorkAuditTests(fixture), IClassFixture<PanelOnSqlite>;

public sealed class CaseWorkAuditTestsOnPostgres(PanelOnPostgres fixture) : CaseWorkAuditTests(fixture), IClassFixture<PanelOnPostgres>;

/// <summary>
/// Every change of case data after convening writes exactly one audit entry about the case, in the same save as the change
/// (so a refused change writes none), naming who made it and never copying the free text that was written.
/// </summary>
public abstract class CaseWorkAuditTests(ServiceFixture<CaseGrpcService> fixture) : ServiceTests<CaseGrpcService>(fixture), IAsyncLifetime
{
    private const string Coordinator = "test-coordinator";

    /// <summary>A name in every free text the scenarios write; no audit reason may contain it.</summary>
    private const string Personal = "Hanne";

    private CaseWorkSetup Setup => new(Host);

    public async ValueTask InitializeAsync() => await Setup.SeedPoolAsync();

    /// <summary>
    /// One audited change on a fresh case: <paramref name="Unchanged"/> is a refused attempt (bad input) or a job run with
    /// nothing due, <paramref name="Change"/> the change that must write the one entry.
    /// </summary>
    private sealed record Scenario(string Action, string CaseId, string Actor, Func<Task> Unchanged, Func<Task> Change);

    public static TheoryData<string> Changes => new(
        "session", "contribution by member", "contribution by coordinator", "synthesis draft", "synthesis review", "synthesis comment",
        "synthesis final", "feedback", "feedback escalation", "evaluation", "invitations sent", "invitation accepted", "invitation declined",
        "confidentiality terms", "invitation reminder", "invitation expired");

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task CaseWorkChange_RefusedThenMade_NoEntryThenExactlyOneNamingTheActor(string change)
    {
        var scenario = await ArrangeAsync(change);

        await scenario.Unchanged();
        var afterRefusal = await EntriesAsync(scenario.CaseId, scenario.Action);
        await scenario.Change();
        var entries = await EntriesAsync(scenario.CaseId, scenario.Action);

        Assert.Empty(afterRefusal);
        var entry = Assert.Single(entries);
        Assert.Equal(("case", scenario.CaseId, scenario.Actor), (entry.SubjectType, entry.SubjectId, entry.Actor));
        Assert.DoesNotContain(Personal, entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportMyData_PanelMember_IncludesTheirOwnCaseActionsNotOtherMembers()
    {
        var (caseId, sent) = await TwoMembersReadTheMaterialAsync();

        var export = await Host.CallAsync<ExportMyDataRequest, ExportMyDataResponse>(PoolTestData.MembershipRpc, "ExportMyData",
            new() { Credentials = new() { MemberId = sent[0].MemberId, Token = await MemberTokenAsync(sent[0].MemberId) } }, role: null);

        using var json = JsonDocument.Parse(export.Json);
        var about = json.RootElement.GetProperty("audit_entries").EnumerateArray()
            .Where(e => e.GetProperty("subject_id").GetString() == caseId)
            .Select(e => (Actor: e.GetProperty("actor").GetString(), Action: e.GetProperty("action").GetString(), SubjectType: e.GetProperty("subject_type").GetString()))
            .OrderBy(e => e.Action, StringComparer.Ordinal).ToList();
        Assert.Equal(
            [(sent[0].MemberId, "case.confidentiality", "case"), (sent[0].MemberId, "case.invitation.answer", "case"), (sent[0].MemberId, AuditActions.CaseMaterialRead, "case")],
            about);
    }

    [Fact]
    public async Task ExportMyData_TwoMembersOnOneCase_HoldsExactlyTheMembersOwnContributionsCommentsAndFeedback()
    {
        var (caseId, _, sent) = await Setup.InvitedPanelAsync();
        await Setup.JoinAsync(sent[0].Id);
        await Setup.JoinAsync(sent[1].Id);
        var session = await Setup.ScheduleAsync(caseId, PlaceType.Online, 1);
        await Setup.ContributeAsync(sent[0].Id, session.Id, "Mit bidrag: et værested.");
        await Setup.ContributeAsync(sent[1].Id, session.Id, "Andens bidrag: en bus.");
        await Setup.SaveDraftAsync(caseId, "Udkast.");
        await Setup.OpenReviewAsync(caseId);
        await Setup.CommentAsync(sent[0].Id, "Min kommentar.");
        await Setup.CommentAsync(sent[1].Id, "Andens kommentar.");
        await Setup.FinaliseAsync(caseId);
        await Setup.GiveFeedbackAsync(caseId, sent[0].MemberId, "Til mig: værestedet åbner.");
        await Setup.GiveFeedbackAsync(caseId, sent[1].MemberId, "Til den anden: bussen kører.");

        var export = await Host.CallAsync<ExportMyDataRequest, ExportMyDataResponse>(PoolTestData.MembershipRpc, "ExportMyData",
            new() { Credentials = new() { MemberId = sent[0].MemberId, Token = await MemberTokenAsync(sent[0].MemberId) } }, role: null);

        using var json = JsonDocument.Parse(export.Json);
        // The demo member may have sat on other tests' cases too; this case is the one both worked on.
        var work = Assert.Single(json.RootElement.GetProperty("case_work").EnumerateArray(), w => w.GetProperty("case_id").GetString() == caseId);
        var contribution = Assert.Single(work.GetProperty("contributions").EnumerateArray());
        Assert.Equal((session.Id, "Mit bidrag: et værested."), (contribution.GetProperty("session_id").GetString(), contribution.GetProperty("text").GetString()));
        Assert.Equal(session.StartsAt.ToDateTimeOffset(), contribution.GetProperty("session_starts_at").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        Assert.Equal(["Min kommentar."], work.GetProperty("synthesis_comments").EnumerateArray().Select(c => c.GetProperty("text").GetString()));
        Assert.Equal("Til mig: værestedet åbner.", work.GetProperty("feedback").GetProperty("text").GetString());
        Assert.DoesNotContain("Anden", export.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("den anden", export.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAuditEntries_MemberId_ShowsEntriesAboutTheMemberAndByThemButNotAnotherMembers()
    {
        var (caseId, sent) = await TwoMembersReadTheMaterialAsync();
        await Host.CallAsync<GetMemberRequest, GetMemberResponse>(PoolTestData.PoolRpc, "GetMember", new() { Id = sent[0].MemberId, Reason = "Opfølgning" }, CivicRoles.Coordinator);

        var log = await Host.CallAsync<ListAuditEntriesRequest, ListAuditEntriesResponse>(PoolTestData.AuditRpc, "ListAuditEntries",
            new() { SubjectId = sent[0].MemberId, Page = new() { PageSize = 100 } }, CivicRoles.Admin);

        // About: the coordinator's read of the member. By: the member's own steps on the case, where the case is the subject.
        Assert.Contains(log.Entries, e => e.Action == AuditActions.MemberRead && e.SubjectId == sent[0].MemberId && e.Actor != sent[0].MemberId);
        var byMember = log.Entries.Where(e => e.SubjectId == caseId).Select(e => (e.Actor, e.Action)).Order().ToList();
        Assert.Equal([(sent[0].MemberId, "case.confidentiality"), (sent[0].MemberId, "case.invitation.answer"), (sent[0].MemberId, AuditActions.CaseMaterialRead)], byMember);
        Assert.All(log.Entries, e => Assert.True(e.SubjectId == sent[0].MemberId || e.Actor == sent[0].MemberId, $"{e.Action} by {e.Actor} about {e.SubjectId}"));
    }

    private async Task<Scenario> ArrangeAsync(string change)
    {
        switch (change)
        {
            case "session":
            {
                var caseId = await Setup.ReadyCaseAsync();
                var noAgenda = CaseWorkSetup.SessionRequest(caseId, PlaceType.AtHome, 1);
                noAgenda.Agenda = "";
                return new("case.session", caseId, Coordinator,
                    () => Refused(StatusCode.InvalidArgument, () => Host.CallAsync<SchedulePanelSessionRequest, SchedulePanelSessionResponse>(CaseWorkSetup.Sessions, "SchedulePanelSession", noAgenda, CivicRoles.Coordinator)),
                    () => Setup.ScheduleAsync(caseId, PlaceType.AtHome, 1));
            }

            case "contribution by member":
            {
                var (caseId, _, sent) = await Setup.InvitedPanelAsync();
                await Setup.JoinAsync(sent[0].Id);
                var session = await Setup.ScheduleAsync(caseId, PlaceType.Online, 1);
                return new("case.contribution", caseId, sent[0].MemberId,
                    () => Refused(StatusCode.InvalidArgument, () => Setup.ContributeAsync(sent[0].Id, session.Id, " ")),
                    () => Setup.ContributeAsync(sent[0].Id, session.Id, $"{Personal} fra nr. 7 har ingen at tale med."));
            }

            case "contribution by coordinator":
            {
                var (caseId, _, sent) = await Setup.InvitedPanelAsync();
                await Setup.JoinAsync(sent[0].Id);
                var session = await Setup.ScheduleAsync(caseId, PlaceType.CultureHouse, 1);
                Task Record(string memberId) => Host.CallAsync<RecordContributionRequest, RecordContributionResponse>(CaseWorkSetup.Sessions, "RecordContribution",
                    new() { SessionId = session.Id, MemberId = memberId, Text = $"{Personal} sagde, at klubben lukker." }, CivicRoles.Coordinator);
                // sent[1] has not accepted: not a member of the panel.
                return new("case.contribution", caseId, Coordinator,
                    () => Refused(StatusCode.PermissionDenied, () => Record(sent[1].MemberId)),
                    () => Record(sent[0].MemberId));
            }

            case "synthesis draft":
            {
                var caseId = await Setup.ReadyCaseAsync();
                return new("case.synthesis.draft", caseId, Coordinator,
                    () => Refused(StatusCode.InvalidArgument, () => Setup.SaveDraftAsync(caseId, "")),
                    () => Setup.SaveDraftAsync(caseId, $"Panelet, også {Personal}, ønsker et værested."));
            }

            case "synthesis review":
            {
                var caseId = await Setup.ReadyCaseAsync();
                await Setup.SaveDraftAsync(caseId, "Udkast.");
                return new("case.synthesis.review", caseId, Coordinator,
                    () => Refused(StatusCode.InvalidArgument, () =>
                        Host.CallAsync<OpenSynthesisReviewRequest, OpenSynthesisReviewResponse>(CaseWorkSetup.Syntheses, "OpenSynthesisReview", new() { CaseId = caseId }, CivicRoles.Coordinator)),
                    () => Setup.OpenReviewAsync(caseId));
            }

            case "synthesis comment":
            {
                var (caseId, _, sent) = await Setup.InvitedPanelAsync();
                await Setup.JoinAsync(sent[0].Id);
                await Setup.SaveDraftAsync(caseId, "Udkast.");
                await Setup.OpenReviewAsync(caseId);
                return new("case.synthesis.comment", caseId, sent[0].MemberId,
                    () => Refused(StatusCode.InvalidArgument, () => Setup.CommentAsync(sent[0].Id, "")),
                    () => Setup.CommentAsync(sent[0].Id, $"Husk {Personal}s nabo uden cykel."));
            }

            case "synthesis final":
            {
                var caseId = await Setup.ReadyCaseAsync();
                await Setup.SaveDraftAsync(caseId, "Udkast.");
                await Setup.OpenReviewAsync(caseId);
                return new("case.synthesis.final", caseId, Coordinator,
                    () => Refused(StatusCode.InvalidArgument, () =>
                        Host.CallAsync<FinaliseSynthesisRequest, FinaliseSynthesisResponse>(CaseWorkSetup.Syntheses, "FinaliseSynthesis", new() { CaseId = caseId }, CivicRoles.Coordinator)),
                    () => Setup.FinaliseAsync(caseId));
            }

            case "feedback":
            {
                var (caseId, sent) = await FinalSynthesisAsync();
                return new("case.feedback", caseId, Coordinator,
                    () => Refused(StatusCode.FailedPrecondition, () => Setup.GiveFeedbackAsync(caseId, sent[1].MemberId, $"Tak, {Personal}.")),
                    () => Setup.GiveFeedbackAsync(caseId, sent[0].MemberId, $"Tak, {Personal}: værestedet åbner i maj."));
            }

            case "feedback escalation":
            {
                var (caseId, _) = await FinalSynthesisAsync();
                var now = TimeProvider.System.GetUtcNow();
                return new("case.feedback.escalate", caseId, AuditActors.System,
                    () => Setup.RunEscalationAsync(now.AddDays(29)),
                    () => Setup.RunEscalationAsync(now.AddDays(31)));
            }

            case "evaluation":
            {
                var caseId = await Setup.ReadyCaseAsync();
                foreach (var phase in new[] { CasePhase.Planning, CasePhase.Execution, CasePhase.Realisation })
                {
                    await Host.CallAsync<ChangePhaseRequest, ChangePhaseResponse>(CaseWorkSetup.Cases, "ChangePhase", new() { Id = caseId, Phase = phase, Reason = "Videre." }, CivicRoles.Coordinator);
                }

                return new("case.evaluation", caseId, Coordinator,
                    () => Refused(StatusCode.InvalidArgument, () => Setup.RecordEvaluationAsync(caseId, GoalFulfilment.Unspecified)),
                    () => Setup.RecordEvaluationAsync(caseId, GoalFulfilment.Met));
            }

            case "invitations sent":
            {
                var caseId = await Setup.ReadyCaseAsync();
                var draw = await Setup.ConveneAsync(caseId);
                return new("case.invite", caseId, Coordinator,
                    () => Refused(StatusCode.InvalidArgument, () => Setup.SendAsync(draw.Id, TimeProvider.System.GetUtcNow().AddDays(-1))),
                    () => Setup.SendAsync(draw.Id));
            }

            case "invitation accepted" or "invitation declined":
            {
                var (caseId, _, sent) = await Setup.InvitedPanelAsync();
                var accept = change == "invitation accepted";
                return new("case.invitation.answer", caseId, sent[0].MemberId,
                    () => Refused(StatusCode.NotFound, () => Setup.RespondAsync(sent[0].Id, accept, token: "forged")),
                    () => Setup.RespondAsync(sent[0].Id, accept));
            }

            case "confidentiality terms":
            {
                var (caseId, _, sent) = await Setup.InvitedPanelAsync();
                await Setup.RespondAsync(sent[0].Id, accept: true);
                return new("case.confidentiality", caseId, sent[0].MemberId,
                    () => Refused(StatusCode.InvalidArgument, () => Setup.AcceptTermsAsync(sent[0].Id, version: "0")),
                    async () =>
                    {
                        await Setup.AcceptTermsAsync(sent[0].Id);
                        // Accepting again changes nothing, so it adds no entry.
                        await Setup.AcceptTermsAsync(sent[0].Id);
                    });
            }

            case "invitation reminder":
            {
                var (caseId, _, sent) = await Setup.InvitedPanelAsync();
                foreach (var answered in sent.Skip(1))
                {
                    await Setup.RespondAsync(answered.Id, accept: true);
                }

                var deadline = sent[0].Deadline.ToDateTimeOffset();
                return new(AuditActions.CaseInvitationRemind, caseId, AuditActors.System,
                    () => Setup.RunRemindersAsync(deadline.AddHours(-49)),
                    () => Setup.RunRemindersAsync(deadline.AddHours(-47)));
            }

            case "invitation expired":
            {
                var (caseId, _, sent) = await Setup.InvitedPanelAsync();
                foreach (var answered in sent.Skip(1))
                {
                    await Setup.RespondAsync(answered.Id, accept: true);
                }

                return new("case.invitation.close", caseId, AuditActors.System,
                    () => Setup.RunExpiryAsync(TimeProvider.System),
                    () => Setup.RunExpiryAsync(new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddDays(8))));
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(change), change, "No such scenario.");
        }
    }

    /// <summary>A case whose first two invited members joined the panel and each read the case material.</summary>
    private async Task<(string CaseId, IReadOnlyList<Invitation> Sent)> TwoMembersReadTheMaterialAsync()
    {
        var (caseId, _, sent) = await Setup.InvitedPanelAsync();
        foreach (var member in sent.Take(2))
        {
            await Setup.JoinAsync(member.Id);
            await Setup.ViewAsync(member.Id);
        }

        return (caseId, sent);
    }

    private static async Task Refused(StatusCode code, Func<Task> call) => await RpcAssert.FailsAsync(code, call);

    /// <summary>A case whose synthesis is final, with sent[0] on the panel and sent[1] invited but not answered.</summary>
    private async Task<(string CaseId, IReadOnlyList<Invitation> Sent)> FinalSynthesisAsync()
    {
        var (caseId, _, sent) = await Setup.InvitedPanelAsync();
        await Setup.JoinAsync(sent[0].Id);
        await Setup.SaveDraftAsync(caseId, "Syntese.");
        await Setup.OpenReviewAsync(caseId);
        await Setup.FinaliseAsync(caseId);
        return (caseId, sent);
    }

    private Task<List<AuditEntry>> EntriesAsync(string caseId, string action) =>
        PoolTestData.WithDbAsync(Host, db => db.AuditEntries.AsNoTracking().Where(e => e.SubjectId == caseId && e.Action == action).ToListAsync(TestContext.Current.CancellationToken));

    /// <summary>A member link for a demo pool member, who signed up without one in this test.</summary>
    private async Task<string> MemberTokenAsync(string memberId)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanelDbContext>();
        var member = await db.PoolMembers.SingleAsync(m => m.Id == memberId, TestContext.Current.CancellationToken);
        var (token, _) = await scope.ServiceProvider.GetRequiredService<MemberLinks>().IssueAsync(member, MemberLinkPurpose.Member, TestContext.Current.CancellationToken);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return token;
    }
}
