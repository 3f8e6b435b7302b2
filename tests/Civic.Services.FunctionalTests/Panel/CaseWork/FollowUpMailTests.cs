using Civic.Contracts.Panel.V1;
using Civic.Defaults.Auth;
using Civic.Defaults.Services;
using Civic.Hosting.Jobs;
using Civic.Hosting.Notifications;
using Civic.Panel;
using Civic.Panel.Audit;
using Civic.Panel.Feedback;
using Civic.Panel.Invitations;
using Civic.Panel.Membership;
using Civic.Panel.Pool;
using Civic.Services.FunctionalTests.Infrastructure;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using CaseGrpcService = Civic.Panel.Cases.CaseGrpcService;

namespace Civic.Services.FunctionalTests.Panel.CaseWork;

/// <summary>The Panel with staff addresses for follow-up in its configuration (Panel:FollowUp).</summary>
public abstract class PanelWithFollowUpContacts(Backend backend) : ServiceFixture<CaseGrpcService>(CivicServices.Panel.Name, backend)
{
    public const string CoordinatorEmail = "koordinator@kommune.example";
    public const string DepartmentHeadEmail = "direktoer.boern-og-unge@kommune.example";

    protected override IReadOnlyDictionary<string, string> HostSettings(StorageBackend storage) =>
        new Dictionary<string, string>(base.HostSettings(storage))
        {
            ["Panel:FollowUp:CoordinatorEmails:test-coordinator"] = CoordinatorEmail,
            ["Panel:FollowUp:DepartmentHeadEmails:boern-og-unge"] = DepartmentHeadEmail,
        };
}

public sealed class PanelWithFollowUpContactsOnSqlite() : PanelWithFollowUpContacts(Backend.Sqlite);

public sealed class PanelWithFollowUpContactsOnPostgres() : PanelWithFollowUpContacts(Backend.Postgres);

public sealed class FollowUpMailTestsOnSqlite(PanelWithFollowUpContactsOnSqlite fixture) : FollowUpMailTests(fixture), IClassFixture<PanelWithFollowUpContactsOnSqlite>;

public sealed class FollowUpMailTestsOnPostgres(PanelWithFollowUpContactsOnPostgres fixture) : FollowUpMailTests(fixture), IClassFixture<PanelWithFollowUpContactsOnPostgres>;

/// <summary>E-mails for follow-up through the outbox: the escalation of missing feedback and the reminder before an invitation's deadline, each once.</summary>
public abstract class FollowUpMailTests(ServiceFixture<CaseGrpcService> fixture) : ServiceTests<CaseGrpcService>(fixture), IAsyncLifetime
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Syntheses = CaseworkReflection.Descriptor.Services[1];
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Feedback = CaseworkReflection.Descriptor.Services[2];

    private CaseWorkSetup Setup => new(Host);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await Setup.SeedPoolAsync();

    [Fact]
    public async Task EscalationJob_MissingFeedback_MailsTheCoordinatorThenTheDepartmentHead_EachOnce()
    {
        var caseId = await FinalCaseWithMissingFeedbackAsync();
        var now = TimeProvider.System.GetUtcNow();

        await RunEscalationAsync(now.AddDays(29));
        Assert.Empty(await EscalationMailsAsync(caseId));
        await RunEscalationAsync(now.AddDays(31));
        await RunEscalationAsync(now.AddDays(32));
        var first = await EscalationMailsAsync(caseId);
        await RunEscalationAsync(now.AddDays(45));
        await RunEscalationAsync(now.AddDays(46));
        var second = await EscalationMailsAsync(caseId);

        var coordinator = Assert.Single(first);
        Assert.Equal((MessageChannel.Email, PanelWithFollowUpContacts.CoordinatorEmail), (coordinator.Channel, coordinator.Recipient));
        Assert.Equal("Borgerpanelet: 1 panelmedlem mangler tilbagemelding", coordinator.Subject);
        Assert.Contains($"/borgerpanelet/sager/{caseId}/arbejde", coordinator.Body, StringComparison.Ordinal);
        Assert.Contains("Ensomhed blandt unge", coordinator.Body, StringComparison.Ordinal);
        Assert.Equal([PanelWithFollowUpContacts.CoordinatorEmail, PanelWithFollowUpContacts.DepartmentHeadEmail], second.Select(m => m.Recipient));
        Assert.Contains("leder af den forvaltning", second[1].Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "1 panelmedlem mangler", "1 medlem af borgerpanelet", "hvad vedkommendes input", "Feedback missing for 1 panel member escalated")]
    [InlineData(0, "2 panelmedlemmer mangler", "2 medlemmer af borgerpanelet", "hvad deres input", "Feedback missing for 2 panel members escalated")]
    public async Task EscalationJob_OneOrTwoMissing_MailAndAuditReasonInTheNumbersForm(int feedbackGiven, string subject, string body, string whose, string reason)
    {
        var caseId = await FinalCaseWithMissingFeedbackAsync(feedbackGiven);

        await RunEscalationAsync(TimeProvider.System.GetUtcNow().AddDays(31));

        var mail = Assert.Single(await EscalationMailsAsync(caseId));
        Assert.Contains(subject, mail.Subject, StringComparison.Ordinal);
        Assert.StartsWith(body, mail.Body, StringComparison.Ordinal);
        Assert.Contains(whose, mail.Body, StringComparison.Ordinal);
        var entry = Assert.Single(await WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.SubjectId == caseId && e.Action == AuditActions.CaseFeedbackEscalate).ToListAsync(Cancellation)));
        Assert.StartsWith(reason, entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EscalationJob_NoAddressForTheCoordinator_TheSecretariatGetsIt_AndWithoutOneOnlyTheEscalationIsRecorded()
    {
        var withSecretariat = await FinalCaseWithMissingFeedbackAsync();
        var at = TimeProvider.System.GetUtcNow().AddDays(31);
        await RunEscalationAsync(at, new FollowUpContactOptions { SecretariatEmail = "borgerpanelet@kommune.example" });
        var toSecretariat = Assert.Single(await EscalationMailsAsync(withSecretariat));

        var withNone = await FinalCaseWithMissingFeedbackAsync();
        await RunEscalationAsync(at, new FollowUpContactOptions());
        var recorded = await Host.CallAsync<ListFeedbackRequest, ListFeedbackResponse>(Feedback, "ListFeedback", new() { CaseId = withNone }, CivicRoles.Coordinator);

        Assert.Equal("borgerpanelet@kommune.example", toSecretariat.Recipient);
        Assert.Empty(await EscalationMailsAsync(withNone));
        Assert.Equal([1], recorded.Escalations.Select(e => e.Level));
    }

    /// <summary>Through Hangfire itself: each trigger runs the job once, and a second trigger mails nobody again.</summary>
    [Fact]
    public async Task EscalationJob_TriggeredTwiceThroughHangfire_OneMailToTheCoordinator()
    {
        var caseId = await FinalCaseWithMissingFeedbackAsync();
        await WithDbAsync(db => db.Syntheses.Where(s => s.CaseId == caseId)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.FinalisedAt, TimeProvider.System.GetUtcNow().AddDays(-31)), Cancellation));

        await TriggerTwiceAsync(FeedbackEscalationJob.JobId);

        Assert.Equal([PanelWithFollowUpContacts.CoordinatorEmail], (await EscalationMailsAsync(caseId)).Select(m => m.Recipient));
    }

    [Fact]
    public async Task ReminderJob_FakeClock_OnceToEveryUnansweredMember48HoursBeforeTheDeadline_WithTheirLink()
    {
        var sentAt = TimeProvider.System.GetUtcNow();
        var (caseId, _, sent) = await Setup.InvitedPanelAsync();
        var deadline = sent[0].Deadline.ToDateTimeOffset();
        await Setup.RespondAsync(sent[0].Id, accept: true);
        await Setup.RespondAsync(sent[1].Id, accept: false);
        // The unanswered: the drawn members who did not answer and the reserve who took the declined seat (with a deadline of its own, as late).
        var unanswered = (await Setup.ListAsync(caseId)).Where(i => i.Status == Contracts.Panel.V1.InvitationStatus.Pending).Select(i => i.Id).ToList();

        await Setup.RunRemindersAsync(deadline.AddHours(-49));
        Assert.Empty(await RemindersAsync(caseId));
        await Setup.RunRemindersAsync(deadline.AddHours(-47));
        await Setup.RunRemindersAsync(deadline.AddHours(-47));
        await Setup.RunRemindersAsync(deadline.AddHours(-1));
        var reminders = await RemindersAsync(caseId);

        Assert.True(deadline - sentAt > TimeSpan.FromHours(48));
        Assert.Equal(CaseWorkSetup.PanelSize - 1, unanswered.Count);
        Assert.Equal(unanswered.Order(StringComparer.Ordinal), reminders.Select(r => r.AboutId!).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(sent[0].Id, reminders.Select(r => r.AboutId));
        var reminder = reminders[0];
        Assert.Equal("Påmindelse: Svar på invitationen til Borgerpanelet", reminder.Subject);
        var delivered = Host.Services.CreateScope().ServiceProvider.GetRequiredService<MessageBodies>().Render(reminder);
        Assert.Contains($"/borgerpanelet/invitation/{reminder.AboutId}?noegle={Setup.TokenFor(reminder.AboutId!)}", delivered, StringComparison.Ordinal);
        Assert.DoesNotContain(Setup.TokenFor(reminder.AboutId!), reminder.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReminderJob_InvitationGivingLessThan48Hours_NoReminder()
    {
        var caseId = await Setup.ReadyCaseAsync();
        var draw = await Setup.ConveneAsync(caseId);
        var deadline = TimeProvider.System.GetUtcNow().AddHours(30);
        await Setup.SendAsync(draw.Id, deadline);

        await Setup.RunRemindersAsync(deadline.AddHours(-20));

        Assert.Empty(await RemindersAsync(caseId));
    }

    /// <summary>Through Hangfire itself: each trigger runs the job once, and a second trigger reminds nobody again.</summary>
    [Fact]
    public async Task ReminderJob_TriggeredTwiceThroughHangfire_OneReminderPerUnansweredInvitation()
    {
        var (caseId, _, sent) = await Setup.InvitedPanelAsync();
        var now = TimeProvider.System.GetUtcNow();
        // Sent three days ago with a deadline 47 hours from now: the reminder is due.
        await WithDbAsync(db => db.Invitations.Where(i => i.CaseId == caseId)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.SentAt, now.AddDays(-3)).SetProperty(i => i.Deadline, now.AddHours(47)), Cancellation));

        await TriggerTwiceAsync(InvitationReminderJob.JobId);

        var reminders = await RemindersAsync(caseId);
        Assert.Equal(sent.Select(i => i.Id).Order(StringComparer.Ordinal), reminders.Select(r => r.AboutId!).Order(StringComparer.Ordinal));
        Assert.All(await Setup.StoredInvitationsAsync(caseId), i => Assert.NotNull(i.RemindedAt));
    }

    [Fact]
    public async Task Erasure_OfAnInvitedAndRemindedMember_LeavesTheirAddressInNoTable()
    {
        var (caseId, _, sent) = await Setup.InvitedPanelAsync();
        await Setup.RunRemindersAsync(sent[0].Deadline.ToDateTimeOffset().AddHours(-47));
        var reminded = (await RemindersAsync(caseId)).First(r => r.AboutId == sent[0].Id);
        Assert.NotEmpty(await Pool.PoolTestData.ScanEveryTableAsync(Host, reminded.Recipient));

        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PanelDbContext>();
            var member = await db.PoolMembers.SingleAsync(m => m.Id == sent[0].MemberId, Cancellation);
            await scope.ServiceProvider.GetRequiredService<MemberErasure>().EraseAsync(member, DepartureReason.Withdrew, actor: null, Cancellation);
            await db.SaveChangesAsync(Cancellation);
        }

        Assert.Empty(await Pool.PoolTestData.ScanEveryTableAsync(Host, reminded.Recipient));
    }

    [Fact]
    public void ReminderJob_DeclaredEveryFifteenMinutes()
    {
        var declaration = Assert.Single(Host.Services.GetServices<RecurringJobDeclaration>(), d => d.Id == InvitationReminderJob.JobId);

        Assert.Equal(typeof(InvitationReminderJob), declaration.JobType);
        Assert.Equal("*/15 * * * *", declaration.Cron);
    }

    /// <summary>A case whose panel of two full members got a final synthesis and feedback for one of them only.</summary>
    /// <summary>A final synthesis with two members on the panel, the first <paramref name="feedbackGiven"/> of them told what became of their input.</summary>
    private async Task<string> FinalCaseWithMissingFeedbackAsync(int feedbackGiven = 1)
    {
        var (caseId, _, sent) = await Setup.InvitedPanelAsync();
        await Setup.JoinAsync(sent[0].Id);
        await Setup.JoinAsync(sent[1].Id);
        await Host.CallAsync<SaveSynthesisDraftRequest, SaveSynthesisDraftResponse>(Syntheses, "SaveSynthesisDraft", new() { CaseId = caseId, Text = "Syntese." }, CivicRoles.Coordinator);
        await Host.CallAsync<OpenSynthesisReviewRequest, OpenSynthesisReviewResponse>(Syntheses, "OpenSynthesisReview", new() { CaseId = caseId, NoteToMembers = "Læs." }, CivicRoles.Coordinator);
        await Host.CallAsync<FinaliseSynthesisRequest, FinaliseSynthesisResponse>(Syntheses, "FinaliseSynthesis", new() { CaseId = caseId, ReviewResponse = "Skrevet ind." }, CivicRoles.Coordinator);
        foreach (var told in sent.Take(feedbackGiven))
        {
            await Host.CallAsync<GiveFeedbackRequest, GiveFeedbackResponse>(Feedback, "GiveFeedback", new() { CaseId = caseId, MemberId = told.MemberId, Text = "Det blev til et værested." }, CivicRoles.Coordinator);
        }

        return caseId;
    }

    private async Task RunEscalationAsync(DateTimeOffset at, FollowUpContactOptions? contacts = null)
    {
        using var scope = Host.Services.CreateScope();
        var messages = contacts is null
            ? scope.ServiceProvider.GetRequiredService<EscalationMessages>()
            : ActivatorUtilities.CreateInstance<EscalationMessages>(scope.ServiceProvider, new FollowUpContacts(Options.Create(contacts)));
        var desk = ActivatorUtilities.CreateInstance<FeedbackDesk>(scope.ServiceProvider, messages, (TimeProvider)new FakeTimeProvider(at));
        await ActivatorUtilities.CreateInstance<FeedbackEscalationJob>(scope.ServiceProvider, desk).RunAsync(Cancellation);
    }

    private Task<List<OutboxMessage>> EscalationMailsAsync(string caseId) => WithDbAsync(async db =>
    {
        var ids = await db.FeedbackEscalations.Where(e => e.CaseId == caseId).Select(e => e.Id).ToListAsync(Cancellation);
        return (await db.Notifications.AsNoTracking().Where(n => n.Kind == EscalationMessages.Kind && ids.Contains(n.AboutId!)).ToListAsync(Cancellation))
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Recipient, StringComparer.Ordinal).ToList();
    });

    private Task<List<OutboxMessage>> RemindersAsync(string caseId) => WithDbAsync(async db =>
    {
        var ids = await db.Invitations.Where(i => i.CaseId == caseId).Select(i => i.Id).ToListAsync(Cancellation);
        return await db.Notifications.AsNoTracking().Where(n => n.Kind == InvitationMessages.ReminderKind && ids.Contains(n.AboutId!)).ToListAsync(Cancellation);
    });

    private async Task<T> WithDbAsync<T>(Func<PanelDbContext, Task<T>> query)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PanelDbContext>());
    }

    private async Task TriggerTwiceAsync(string jobId)
    {
        var manager = Assert.IsAssignableFrom<IRecurringJobManagerV2>(Host.Services.GetRequiredService<IRecurringJobManager>());
        var storage = Host.Services.GetRequiredService<JobStorage>();
        var first = manager.TriggerJob(jobId);
        await SucceededAsync(storage, first);
        var second = manager.TriggerJob(jobId);
        await SucceededAsync(storage, second);
        Assert.NotEqual(first, second);
    }

    private static async Task SucceededAsync(JobStorage storage, string jobId)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(60);
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            using var connection = storage.GetConnection();
            var state = connection.GetStateData(jobId)?.Name;
            if (state == "Succeeded")
            {
                return;
            }

            Assert.NotEqual("Failed", state);
            await Task.Delay(200, Cancellation);
        }

        Assert.Fail($"Hangfire job {jobId} did not succeed within a minute.");
    }
}
