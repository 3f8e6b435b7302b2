using Civic.Contracts.Panel.V1;
using Civic.Defaults.Auth;
using Civic.Hosting.DemoData;
using Civic.Panel;
using Civic.Panel.Convening;
using Civic.Panel.Feedback;
using Civic.Panel.Invitations;
using Civic.Panel.Lottery;
using Civic.Panel.Pool;
using Civic.Services.FunctionalTests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using CaseGrpcService = Civic.Panel.Cases.CaseGrpcService;

namespace Civic.Services.FunctionalTests.Panel.CaseWork;

/// <summary>
/// A convened, invited panel for one test: its own case on the demo pool, and the links the members received; and the
/// calls of the case work that follows (sessions, synthesis, feedback, evaluation) as the case work tests make them.
/// </summary>
public sealed class CaseWorkSetup(ServiceHost<CaseGrpcService> host)
{
    public static readonly Google.Protobuf.Reflection.ServiceDescriptor Cases = CasesReflection.Descriptor.Services[0];
    public static readonly Google.Protobuf.Reflection.ServiceDescriptor Convening = ConveningReflection.Descriptor.Services[0];
    public static readonly Google.Protobuf.Reflection.ServiceDescriptor Invitations = InvitationsReflection.Descriptor.Services[0];
    public static readonly Google.Protobuf.Reflection.ServiceDescriptor Member = InvitationsReflection.Descriptor.Services[1];
    public static readonly Google.Protobuf.Reflection.ServiceDescriptor Sessions = CaseworkReflection.Descriptor.Services[0];
    public static readonly Google.Protobuf.Reflection.ServiceDescriptor Syntheses = CaseworkReflection.Descriptor.Services[1];
    public static readonly Google.Protobuf.Reflection.ServiceDescriptor Feedback = CaseworkReflection.Descriptor.Services[2];
    public static readonly Google.Protobuf.Reflection.ServiceDescriptor Evaluations = CaseworkReflection.Descriptor.Services[3];

    public const int PanelSize = 8;

    public async Task SeedPoolAsync()
    {
        using var scope = host.Services.CreateScope();
        foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>().OfType<DemoPool>())
        {
            await seeder.SeedAsync(TestContext.Current.CancellationToken);
        }
    }

    /// <summary>A new case ready to convene (see <see cref="PanelCases.ReadyAsync"/>).</summary>
    public Task<string> ReadyCaseAsync() => PanelCases.ReadyAsync(host);

    /// <summary>A draw of <see cref="PanelSize"/> with age quotas, so replacements have quotas to keep.</summary>
    public async Task<Draw> ConveneAsync(string caseId)
    {
        var request = new ConveneRequest { CaseId = caseId, PanelSize = PanelSize };
        request.Quotas.Add(new Quota { Category = "age_band", Value = "18-29", Min = 1, Max = 2 });
        request.Quotas.Add(new Quota { Category = "age_band", Value = "75+", Min = 1, Max = 2 });
        return (await host.CallAsync<ConveneRequest, ConveneResponse>(Convening, "Convene", request, CivicRoles.Coordinator)).Draw;
    }

    public Task<SendInvitationsResponse> SendAsync(string drawId, DateTimeOffset? deadline = null, string role = CivicRoles.Coordinator) =>
        host.CallAsync<SendInvitationsRequest, SendInvitationsResponse>(Invitations, "SendInvitations", new()
        {
            DrawId = drawId,
            ResponseDeadline = Timestamp.FromDateTimeOffset(deadline ?? TimeProvider.System.GetUtcNow().AddDays(7)),
        }, role);

    /// <summary>A case, its draw and its sent invitations.</summary>
    public async Task<(string CaseId, Draw Draw, IReadOnlyList<Invitation> Invitations)> InvitedPanelAsync()
    {
        var caseId = await ReadyCaseAsync();
        var draw = await ConveneAsync(caseId);
        return (caseId, draw, (await SendAsync(draw.Id)).Invitations);
    }

    /// <summary>A case whose first two invited members joined the panel and whose synthesis is final: feedback is due.</summary>
    public async Task<(string CaseId, IReadOnlyList<Invitation> Invitations)> FinalisedWithTwoMembersAsync()
    {
        var (caseId, _, sent) = await InvitedPanelAsync();
        await JoinAsync(sent[0].Id);
        await JoinAsync(sent[1].Id);
        await SaveDraftAsync(caseId, "Syntese.");
        await OpenReviewAsync(caseId);
        await FinaliseAsync(caseId);
        return (caseId, sent);
    }

    /// <summary>Moves a new case on through the co-creation phases to Erkendelse.</summary>
    public async Task MoveToRealisationAsync(string caseId)
    {
        foreach (var phase in new[] { CasePhase.Planning, CasePhase.Execution, CasePhase.Realisation })
        {
            await host.CallAsync<ChangePhaseRequest, ChangePhaseResponse>(Cases, "ChangePhase", new() { Id = caseId, Phase = phase, Reason = "Videre." }, CivicRoles.Coordinator);
        }
    }

    public async Task<IReadOnlyList<Invitation>> ListAsync(string caseId) =>
        (await host.CallAsync<ListInvitationsRequest, ListInvitationsResponse>(Invitations, "ListInvitations", new() { CaseId = caseId }, CivicRoles.Coordinator)).Invitations;

    /// <summary>The token in the member's link, as the service signs it.</summary>
    public string TokenFor(string invitationId) => host.Services.GetRequiredService<InvitationLinks>().TokenFor(invitationId);

    public Task<GetMemberViewResponse> ViewAsync(string invitationId, string? token = null) =>
        host.CallAsync<GetMemberViewRequest, GetMemberViewResponse>(Member, "GetMemberView", new() { InvitationId = invitationId, Token = token ?? TokenFor(invitationId) }, null);

    public Task<RespondToInvitationResponse> RespondAsync(string invitationId, bool accept, string? token = null) =>
        host.CallAsync<RespondToInvitationRequest, RespondToInvitationResponse>(Member, "RespondToInvitation",
            new() { InvitationId = invitationId, Token = token ?? TokenFor(invitationId), Accept = accept }, null);

    public Task<AcceptConfidentialityResponse> AcceptTermsAsync(string invitationId, string version = ConfidentialityTermsText.Version) =>
        host.CallAsync<AcceptConfidentialityRequest, AcceptConfidentialityResponse>(Member, "AcceptConfidentiality",
            new() { InvitationId = invitationId, Token = TokenFor(invitationId), TermsVersion = version }, null);

    /// <summary>Accepts the invitation and the confidentiality terms: a full panel member.</summary>
    public async Task JoinAsync(string invitationId)
    {
        await RespondAsync(invitationId, accept: true);
        await AcceptTermsAsync(invitationId);
    }

    /// <summary>Whether the members holding a seat form a valid panel of the draw: size, every quota, the household rule.</summary>
    public static bool SeatsKeepQuotas(Draw draw, IEnumerable<Invitation> invitations)
    {
        var stored = StoredDraw.FromJson(draw.RecordJson);
        var pool = stored.PoolSnapshot.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var seated = invitations.Where(i => i.Status is Civic.Contracts.Panel.V1.InvitationStatus.Pending or Civic.Contracts.Panel.V1.InvitationStatus.Accepted)
            .Select(i => pool[i.MemberId]).ToList();
        return PanelReplacement.Satisfies(stored.Problem(), seated);
    }

    public async Task SetMemberStatusAsync(string memberId, PoolMemberStatus status)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PanelDbContext>();
        await db.PoolMembers.Where(m => m.Id == memberId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, status), TestContext.Current.CancellationToken);
    }

    /// <summary>Sets a member's e-mail and phone; returns what they were, to put back.</summary>
    public async Task<(string Email, string? Phone)> SetMemberAddressAsync(string memberId, string email, string? phone)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PanelDbContext>();
        var before = await db.PoolMembers.AsNoTracking().Where(m => m.Id == memberId).Select(m => new { m.Email, m.Phone }).SingleAsync(TestContext.Current.CancellationToken);
        await db.PoolMembers.Where(m => m.Id == memberId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Email, email).SetProperty(m => m.Phone, phone), TestContext.Current.CancellationToken);
        return (before.Email, before.Phone);
    }

    public async Task<List<PanelInvitation>> StoredInvitationsAsync(string caseId)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PanelDbContext>().Invitations.AsNoTracking().Where(i => i.CaseId == caseId).ToListAsync(TestContext.Current.CancellationToken);
    }

    public static SchedulePanelSessionRequest SessionRequest(string caseId, PlaceType place, int days) => new()
    {
        CaseId = caseId,
        StartsAt = Timestamp.FromDateTimeOffset(TimeProvider.System.GetUtcNow().AddDays(days)),
        PlaceType = place,
        Place = "Kulturhuset Øst",
        Agenda = "1. Velkomst\n2. Fællesskaber",
    };

    public async Task<PanelSession> ScheduleAsync(string caseId, PlaceType place, int days) =>
        (await host.CallAsync<SchedulePanelSessionRequest, SchedulePanelSessionResponse>(Sessions, "SchedulePanelSession", SessionRequest(caseId, place, days), CivicRoles.Coordinator)).Session;

    public async Task<IReadOnlyList<PanelSession>> ListPanelSessionsAsync(string caseId) =>
        (await host.CallAsync<ListPanelSessionsRequest, ListPanelSessionsResponse>(Sessions, "ListPanelSessions", new() { CaseId = caseId }, CivicRoles.Coordinator)).Sessions;

    public Task<AddContributionResponse> ContributeAsync(string invitationId, string sessionId, string text) =>
        host.CallAsync<AddContributionRequest, AddContributionResponse>(Member, "AddContribution",
            new() { InvitationId = invitationId, Token = TokenFor(invitationId), SessionId = sessionId, Text = text }, null);

    public Task<CommentOnSynthesisResponse> CommentAsync(string invitationId, string text) =>
        host.CallAsync<CommentOnSynthesisRequest, CommentOnSynthesisResponse>(Member, "CommentOnSynthesis",
            new() { InvitationId = invitationId, Token = TokenFor(invitationId), Text = text }, null);

    public Task<SaveSynthesisDraftResponse> SaveDraftAsync(string caseId, string text) =>
        host.CallAsync<SaveSynthesisDraftRequest, SaveSynthesisDraftResponse>(Syntheses, "SaveSynthesisDraft", new() { CaseId = caseId, Text = text }, CivicRoles.Coordinator);

    public Task<OpenSynthesisReviewResponse> OpenReviewAsync(string caseId) =>
        host.CallAsync<OpenSynthesisReviewRequest, OpenSynthesisReviewResponse>(Syntheses, "OpenSynthesisReview",
            new() { CaseId = caseId, NoteToMembers = "Læs og kommentér." }, CivicRoles.Coordinator);

    public Task<FinaliseSynthesisResponse> FinaliseAsync(string caseId) =>
        host.CallAsync<FinaliseSynthesisRequest, FinaliseSynthesisResponse>(Syntheses, "FinaliseSynthesis",
            new() { CaseId = caseId, ReviewResponse = "Kommentarerne er skrevet ind." }, CivicRoles.Coordinator);

    public async Task<Synthesis> GetSynthesisAsync(string caseId) =>
        (await host.CallAsync<GetSynthesisRequest, GetSynthesisResponse>(Syntheses, "GetSynthesis", new() { CaseId = caseId }, CivicRoles.Coordinator)).Synthesis;

    public Task<GiveFeedbackResponse> GiveFeedbackAsync(string caseId, string memberId, string text = "Jeres forslag om et værested er sat i gang.") =>
        host.CallAsync<GiveFeedbackRequest, GiveFeedbackResponse>(Feedback, "GiveFeedback", new() { CaseId = caseId, MemberId = memberId, Text = text }, CivicRoles.Coordinator);

    public Task<ListFeedbackResponse> ListFeedbackAsync(string caseId) =>
        host.CallAsync<ListFeedbackRequest, ListFeedbackResponse>(Feedback, "ListFeedback", new() { CaseId = caseId }, CivicRoles.Coordinator);

    public Task<RecordEvaluationResponse> RecordEvaluationAsync(string caseId, GoalFulfilment fulfilment) =>
        host.CallAsync<RecordEvaluationRequest, RecordEvaluationResponse>(Evaluations, "RecordEvaluation", new()
        {
            CaseId = caseId,
            GoalFulfilment = fulfilment,
            GoalAssessment = "Succeskriteriet om et værested er nået; prøvegangene er ikke startet.",
            Involvement = "Panelet var med fra start.",
            Process = "Tre møder, et hjemme hos et medlem.",
            Learning = "Møder uden for rådhuset gav flere stemmer.",
        }, CivicRoles.Coordinator);

    public async Task<Evaluation> GetEvaluationAsync(string caseId) =>
        (await host.CallAsync<GetEvaluationRequest, GetEvaluationResponse>(Evaluations, "GetEvaluation", new() { CaseId = caseId }, CivicRoles.Coordinator)).Evaluation;

    /// <summary>Runs the feedback escalation job as at <paramref name="at"/>.</summary>
    public async Task RunEscalationAsync(DateTimeOffset at)
    {
        using var scope = host.Services.CreateScope();
        var desk = ActivatorUtilities.CreateInstance<FeedbackDesk>(scope.ServiceProvider, (TimeProvider)new FakeTimeProvider(at));
        await ActivatorUtilities.CreateInstance<FeedbackEscalationJob>(scope.ServiceProvider, desk).RunAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Runs the invitation expiry job as at <paramref name="time"/>.</summary>
    public async Task RunExpiryAsync(TimeProvider time)
    {
        using var scope = host.Services.CreateScope();
        var desk = ActivatorUtilities.CreateInstance<InvitationDesk>(scope.ServiceProvider, time);
        await ActivatorUtilities.CreateInstance<InvitationExpiryJob>(scope.ServiceProvider, desk).RunAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Runs the invitation reminder job as at <paramref name="at"/>.</summary>
    public async Task RunRemindersAsync(DateTimeOffset at)
    {
        using var scope = host.Services.CreateScope();
        var reminders = ActivatorUtilities.CreateInstance<InvitationReminders>(scope.ServiceProvider, (TimeProvider)new FakeTimeProvider(at));
        await ActivatorUtilities.CreateInstance<InvitationReminderJob>(scope.ServiceProvider, reminders).RunAsync(TestContext.Current.CancellationToken);
    }
}
