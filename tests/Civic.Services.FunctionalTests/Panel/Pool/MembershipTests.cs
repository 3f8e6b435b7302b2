using System.Text.Json;
using Civic.Contracts.Panel.V1;
using Civic.Defaults.Auth;
using Civic.Panel;
using Civic.Panel.Audit;
using Civic.Panel.ConsentRenewal;
using Civic.Panel.Membership;
using Civic.Panel.Pool;
using Civic.Services.FunctionalTests.Infrastructure;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static Civic.Services.FunctionalTests.Panel.Pool.PoolTestData;
using CaseGrpcService = Civic.Panel.Cases.CaseGrpcService;

namespace Civic.Services.FunctionalTests.Panel.Pool;

public sealed class MembershipTestsOnSqlite(PanelOnSqlite fixture) : MembershipTests(fixture), IClassFixture<PanelOnSqlite>;

public sealed class MembershipTestsOnPostgres(PanelOnPostgres fixture) : MembershipTests(fixture), IClassFixture<PanelOnPostgres>;

/// <summary>Self-service through the member link, erasure, the audit log, the consent job and the fairness report.</summary>
public abstract class MembershipTests(ServiceFixture<CaseGrpcService> fixture) : ServiceTests<CaseGrpcService>(fixture), IAsyncLifetime
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await SeedSchemaAsync(Host);

    [Fact]
    public async Task ExportMyData_OwnLink_JsonWithDataConsentHistoryAndAudit()
    {
        var member = await ActiveMemberAsync(Host, "Anne Christensen", "anne.export@example.dk", "40404040");

        var export = await Host.CallAsync<ExportMyDataRequest, ExportMyDataResponse>(MembershipRpc, "ExportMyData", new() { Credentials = member }, role: null);

        using var json = JsonDocument.Parse(export.Json);
        var root = json.RootElement;
        Assert.Equal("Anne Christensen", root.GetProperty("member").GetProperty("name").GetString());
        Assert.Equal("anne.export@example.dk", root.GetProperty("member").GetProperty("email").GetString());
        Assert.Equal("oest", root.GetProperty("member").GetProperty("features").GetProperty("district").GetString());
        Assert.Equal(ConsentText.CurrentVersion, root.GetProperty("consent").GetProperty("text_version").GetString());
        Assert.Equal(0, root.GetProperty("participations").GetArrayLength());
        Assert.Contains(root.GetProperty("audit_entries").EnumerateArray(), e => e.GetProperty("action").GetString() == "member.confirm");
    }

    [Fact]
    public async Task ExportMyData_AnotherMembersIdOrAForgedToken_NotFoundAndNothingDisclosed()
    {
        var mine = await ActiveMemberAsync(Host, "Mads Hussein", "mads.own@example.dk");
        var theirs = await ActiveMemberAsync(Host, "Zeynep Yilmaz", "zeynep.other@example.dk");
        var exportsBefore = await AuditCountAsync(Host, theirs.MemberId, "member.export");

        Task Export(string memberId, string token) =>
            Host.CallAsync<ExportMyDataRequest, ExportMyDataResponse>(MembershipRpc, "ExportMyData", new() { Credentials = new() { MemberId = memberId, Token = token } }, role: null);
        var otherMember = await RpcAssert.FailsAsync(StatusCode.NotFound, () => Export(theirs.MemberId, mine.Token));
        var forged = await RpcAssert.FailsAsync(StatusCode.NotFound, () => Export(theirs.MemberId, "4102444800.forfalsket"));
        var unknown = await RpcAssert.FailsAsync(StatusCode.NotFound, () => Export(Guid.NewGuid().ToString(), mine.Token));
        // Signed in as a panel member is no way around the link either.
        var asPanelMember = await RpcAssert.FailsAsync(StatusCode.NotFound, () => Host.CallAsync<ExportMyDataRequest, ExportMyDataResponse>(MembershipRpc, "ExportMyData",
            new() { Credentials = new() { MemberId = theirs.MemberId, Token = mine.Token } }, CivicRoles.PanelMember));

        Assert.All([otherMember, forged, unknown, asPanelMember], e =>
        {
            Assert.Equal(otherMember.Status.Detail, e.Status.Detail);
            Assert.DoesNotContain("Zeynep", e.Status.Detail, StringComparison.Ordinal);
            Assert.DoesNotContain("zeynep", e.Status.Detail, StringComparison.Ordinal);
        });
        Assert.Equal(exportsBefore, await AuditCountAsync(Host, theirs.MemberId, "member.export"));
    }

    [Fact]
    public async Task WithdrawMembership_ErasesPersonalDataFromEveryTableKeepsAnonymousStatistics()
    {
        var member = await ActiveMemberAsync(Host, "Hanne Kvistgaard", "hanne.kvistgaard@example.dk", "+45 61 23 45 99");
        var caseId = await PanelCases.ReadyAsync(Host);
        await Host.CallAsync<GetMemberRequest, GetMemberResponse>(PoolRpc, "GetMember", new() { Id = member.MemberId, Reason = "Tjek før sletning" }, CivicRoles.Coordinator);
        // What she said on a case, commented and was told: words that may name her, as citizens' own stories do.
        var sessionId = Guid.NewGuid().ToString();
        await WithDbAsync(Host, db =>
        {
            db.Sessions.Add(new() { Id = sessionId, CaseId = caseId, StartsAt = DateTimeOffset.UtcNow, PlaceType = Civic.Panel.Sessions.PlaceType.Online, Place = "Teams", Agenda = "Ruten" });
            db.Syntheses.Add(new() { CaseId = caseId, Text = "Panelet anbefaler ruten", Stage = Civic.Panel.Synthesis.SynthesisStage.Final, UpdatedAt = DateTimeOffset.UtcNow });
            return db.SaveChangesAsync(Cancellation);
        });
        await WithDbAsync(Host, db =>
        {
            db.Contributions.Add(new() { Id = Guid.NewGuid().ToString(), SessionId = sessionId, CaseId = caseId, MemberId = member.MemberId, Text = "Jeg, Hanne Kvistgaard, cykler selv ruten", ByMember = true });
            db.SynthesisComments.Add(new() { Id = Guid.NewGuid().ToString(), CaseId = caseId, MemberId = member.MemberId, Text = "Hilsen Hanne Kvistgaard" });
            db.Feedback.Add(new() { CaseId = caseId, MemberId = member.MemberId, Text = "Tak, Hanne Kvistgaard", GivenBy = "test-coordinator" });
            return db.SaveChangesAsync(Cancellation);
        });
        Assert.NotEmpty(await ScanEveryTableAsync(Host, "Kvistgaard", "hanne.kvistgaard@example.dk", "+4561234599"));

        var unconfirmed = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            Host.CallAsync<WithdrawMembershipRequest, WithdrawMembershipResponse>(MembershipRpc, "WithdrawMembership", new() { Credentials = member }, role: null));
        Assert.Equal(["confirm"], RpcAssert.ViolatedFields(unconfirmed));
        Assert.NotEmpty(await ScanEveryTableAsync(Host, "Kvistgaard"));

        var withdrawn = await Host.CallAsync<WithdrawMembershipRequest, WithdrawMembershipResponse>(MembershipRpc, "WithdrawMembership",
            new() { Credentials = member, Confirm = true }, role: null);

        Assert.Empty(await ScanEveryTableAsync(Host, "Kvistgaard", "hanne.kvistgaard@example.dk", "+4561234599", "61234599"));
        var row = await WithDbAsync(Host, db => db.PoolMembers.AsNoTracking().SingleAsync(m => m.Id == member.MemberId, Cancellation));
        Assert.Equal(PoolMemberStatus.Withdrawn, row.Status);
        Assert.Equal(DepartureReason.Withdrew, row.DepartureReason);
        Assert.Equal(withdrawn.WithdrawnAt.ToDateTimeOffset(), row.WithdrawnAt);
        Assert.Empty(row.Features);
        Assert.Equal(0, await WithDbAsync(Host, db => db.MemberLinks.CountAsync(l => l.MemberId == member.MemberId, Cancellation)));
        // The input stays counted on the case, without its words.
        Assert.Equal((1, 1, 1), await WithDbAsync(Host, async db => (
            await db.Contributions.CountAsync(c => c.MemberId == member.MemberId && c.Text == "", Cancellation),
            await db.SynthesisComments.CountAsync(c => c.MemberId == member.MemberId && c.Text == "", Cancellation),
            await db.Feedback.CountAsync(f => f.MemberId == member.MemberId && f.Text == "", Cancellation))));
        Assert.Equal(1, await AuditCountAsync(Host, member.MemberId, "member.erase"));
        await RpcAssert.FailsAsync(StatusCode.NotFound, () =>
            Host.CallAsync<GetMyMembershipRequest, GetMyMembershipResponse>(MembershipRpc, "GetMyMembership", new() { Credentials = member }, role: null));
        await RpcAssert.FailsAsync(StatusCode.NotFound, () =>
            Host.CallAsync<GetMemberRequest, GetMemberResponse>(PoolRpc, "GetMember", new() { Id = member.MemberId, Reason = "Efter sletning" }, CivicRoles.Coordinator));
        // The erased member is no longer drawn (another member makes sure someone is eligible: the fixture's other
        // members may all be withdrawn or in their cool-down after other tests' invitations).
        await ActiveMemberAsync(Host, "Ole Lodtrækning", "ole.lodtraekning@example.dk", "+45 61 23 45 98");
        var draw = (await Host.CallAsync<ConveneRequest, ConveneResponse>(ConveningRpc, "Convene", new() { CaseId = caseId, PanelSize = 1 }, CivicRoles.Coordinator)).Draw;
        Assert.DoesNotContain(member.MemberId, draw.Probabilities.Select(p => p.MemberId));
    }

    [Fact]
    public async Task EveryPersonalDataRead_LeavesAnAuditEntryWithWhoWhatAndWhy()
    {
        var member = await ActiveMemberAsync(Host, "Noah Andersen", "noah.audit@example.dk");
        var caseId = await PanelCases.ReadyAsync(Host, "Revisionssag");
        var reads = new (string Action, string Subject, Func<Task> Read)[]
        {
            ("member.read", member.MemberId, () => Host.CallWithTokenAsync<GetMemberRequest, GetMemberResponse>(PoolRpc, "GetMember",
                new() { Id = member.MemberId, Reason = "Forberedelse af invitation" }, TestTokens.ForUser("koordinator-1", CivicRoles.Coordinator))),
            ("member.read", member.MemberId, () => Host.CallAsync<GetMyMembershipRequest, GetMyMembershipResponse>(MembershipRpc, "GetMyMembership", new() { Credentials = member }, role: null)),
            ("member.export", member.MemberId, () => Host.CallAsync<ExportMyDataRequest, ExportMyDataResponse>(MembershipRpc, "ExportMyData", new() { Credentials = member }, role: null)),
            ("case.read", caseId, () => Host.CallAsync<GetCaseRequest, GetCaseResponse>(CasesRpc, "GetCase", new() { Id = caseId }, CivicRoles.Coordinator)),
            ("case.read", caseId, () => Host.CallAsync<ListPhaseTransitionsRequest, ListPhaseTransitionsResponse>(CasesRpc, "ListPhaseTransitions", new() { Id = caseId }, CivicRoles.Coordinator)),
            ("case.read", caseId, () => Host.CallAsync<ListDrawsRequest, ListDrawsResponse>(ConveningRpc, "ListDraws", new() { CaseId = caseId }, CivicRoles.Director)),
            ("case.list", "*", () => Host.CallAsync<ListCasesRequest, ListCasesResponse>(CasesRpc, "ListCases", new(), CivicRoles.Staff)),
        };

        foreach (var (action, subject, read) in reads)
        {
            var before = await AuditCountAsync(Host, subject, action);
            await read();
            Assert.True(before + 1 == await AuditCountAsync(Host, subject, action), $"{action} on {subject} left no audit entry.");
        }

        var log = await Host.CallAsync<ListAuditEntriesRequest, ListAuditEntriesResponse>(AuditRpc, "ListAuditEntries", new() { SubjectId = member.MemberId });
        Assert.Equal(["member.export", "member.read", "member.read", "member.confirm", "member.sign-up"], log.Entries.Select(e => e.Action));
        var staffRead = log.Entries[2];
        Assert.Equal(("koordinator-1", "member", "Forberedelse af invitation"), (staffRead.Actor, staffRead.SubjectType, staffRead.Reason));
        Assert.Equal(AuditActors.Member, log.Entries[1].Actor);
        Assert.Equal(AuditActors.Anonymous, log.Entries[4].Actor);
        Assert.DoesNotContain(log.Entries, e => e.Reason.Contains("Noah", StringComparison.Ordinal));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () =>
            Host.CallAsync<ListAuditEntriesRequest, ListAuditEntriesResponse>(AuditRpc, "ListAuditEntries", new(), CivicRoles.Coordinator));
    }

    [Fact]
    public async Task GetMyMembership_AfterADraw_ShowsTheParticipation()
    {
        var member = await ActiveMemberAsync(Host, "Ahmed Larsen", "ahmed.history@example.dk");
        var caseId = await PanelCases.ReadyAsync(Host, "Tryghed i Øst");
        var active = await WithDbAsync(Host, db => db.PoolMembers.CountAsync(m => m.Status == PoolMemberStatus.Active, Cancellation));
        // Everyone active is drawn, so the member surely is.
        var draw = (await Host.CallAsync<ConveneRequest, ConveneResponse>(ConveningRpc, "Convene", new() { CaseId = caseId, PanelSize = active }, CivicRoles.Coordinator)).Draw;

        var own = await Host.CallAsync<GetMyMembershipRequest, GetMyMembershipResponse>(MembershipRpc, "GetMyMembership", new() { Credentials = member }, role: null);

        Assert.Contains(member.MemberId, draw.PanelMemberIds);
        var participation = Assert.Single(own.Participations, p => p.DrawId == draw.Id);
        Assert.Equal((caseId, "Tryghed i Øst"), (participation.CaseId, participation.CaseTitle));
    }

    [Fact]
    public async Task ConsentJob_AsksOnceBeforeExpiryErasesAfterGraceAndUnconfirmedSignUps()
    {
        var renewing = await ActiveMemberAsync(Host, "Søren Renew", "soeren.renew@example.dk");
        var lapsing = await ActiveMemberAsync(Host, "Lone Lapse", "lone.lapse@example.dk");
        var pending = await Host.CallAsync<SignUpRequest, SignUpResponse>(PoolRpc, "SignUp", SignUp("Per Pending", "per.pending@example.dk"), role: null);
        // Both signed up almost two years ago: their consent expires in ten days.
        var now = DateTimeOffset.UtcNow;
        await WithDbAsync(Host, db => db.PoolMembers.Where(m => m.Id == renewing.MemberId || m.Id == lapsing.MemberId)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.ConsentExpiresAt, now.AddDays(10)), Cancellation));
        var clock = new FakeTimeProvider(now.AddDays(4));

        var first = await RunConsentJobAsync(clock);
        var again = await RunConsentJobAsync(clock);
        var renewed = await Host.CallAsync<RenewConsentRequest, RenewConsentResponse>(MembershipRpc, "RenewConsent",
            new() { Credentials = renewing, Consent = new() { Accepted = true, TextVersion = ConsentText.CurrentVersion } }, role: null);
        clock.Advance(TimeSpan.FromDays(6 + 30 + 1));
        var afterGrace = await RunConsentJobAsync(clock);

        Assert.Equal(new ConsentRunResult(2, 0, 1), first);
        Assert.Equal(new ConsentRunResult(0, 0, 0), again);
        Assert.Equal(new ConsentRunResult(0, 1, 0), afterGrace);
        Assert.True(renewed.Member.Consent.ExpiresAt.ToDateTimeOffset() > now.AddMonths(23));
        Assert.Equal(PoolMemberStatus.Withdrawn, await StatusOfAsync(lapsing.MemberId));
        Assert.Equal(PoolMemberStatus.Active, await StatusOfAsync(renewing.MemberId));
        Assert.Equal(PoolMemberStatus.Withdrawn, await StatusOfAsync(pending.MemberId));
        Assert.Empty(await ScanEveryTableAsync(Host, "Lone Lapse", "lone.lapse@example.dk", "Per Pending", "per.pending@example.dk"));
        Assert.Equal(1, await AuditCountAsync(Host, lapsing.MemberId, "member.renewal-requested"));
        var (_, renewal) = DeliveredMessage(Host, renewing.MemberId, "PanelConsentRenewal");
        Assert.Contains($"/borgerpanelet/medlem/{renewing.MemberId}?noegle=", renewal, StringComparison.Ordinal);
        Assert.Equal(0, await WithDbAsync(Host, db => db.Notifications.CountAsync(n => n.AboutId == lapsing.MemberId, Cancellation)));
        var badVersion = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => Host.CallAsync<RenewConsentRequest, RenewConsentResponse>(MembershipRpc, "RenewConsent",
            new() { Credentials = new() { MemberId = renewing.MemberId, Token = renewed.MemberToken }, Consent = new() { Accepted = true, TextVersion = "1999-01" } }, role: null));
        Assert.Equal(["consent.text_version"], RpcAssert.ViolatedFields(badVersion));
    }

    [Fact]
    public async Task RetentionJob_InactiveMember_RemindedOnceThenErasedUnlessTheyRenewed()
    {
        var idle = await ActiveMemberAsync(Host, "Ivan Idle", "ivan.idle@example.dk", "40404041");
        var returning = await ActiveMemberAsync(Host, "Rita Return", "rita.return@example.dk");
        // Both joined and last acted 13 months ago (consent itself still runs: it was given for 24 months).
        var longAgo = DateTimeOffset.UtcNow.AddMonths(-13);
        await WithDbAsync(Host, db => db.PoolMembers.Where(m => m.Id == idle.MemberId || m.Id == returning.MemberId)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.CreatedAt, longAgo).SetProperty(m => m.ConfirmedAt, longAgo).SetProperty(m => m.ConsentGivenAt, longAgo), Cancellation));
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(1));

        var first = await RunConsentJobAsync(clock);
        var again = await RunConsentJobAsync(clock);
        await Host.CallAsync<RenewConsentRequest, RenewConsentResponse>(MembershipRpc, "RenewConsent",
            new() { Credentials = returning, Consent = new() { Accepted = true, TextVersion = ConsentText.CurrentVersion } }, role: null);
        clock.Advance(TimeSpan.FromDays(29));
        var beforeNoticeEnds = await RunConsentJobAsync(clock);
        clock.Advance(TimeSpan.FromDays(2));
        var afterNotice = await RunConsentJobAsync(clock);

        Assert.Equal((2, 0), (first.RemindedInactive, first.ErasedInactive));
        Assert.Equal((0, 0), (again.RemindedInactive, again.ErasedInactive));
        Assert.Equal((0, 0), (beforeNoticeEnds.RemindedInactive, beforeNoticeEnds.ErasedInactive));
        Assert.Equal((0, 1), (afterNotice.RemindedInactive, afterNotice.ErasedInactive));
        Assert.Equal(PoolMemberStatus.Withdrawn, await StatusOfAsync(idle.MemberId));
        Assert.Equal(PoolMemberStatus.Active, await StatusOfAsync(returning.MemberId));
        Assert.Equal(DepartureReason.Inactive, await WithDbAsync(Host, db => db.PoolMembers.Where(m => m.Id == idle.MemberId).Select(m => m.DepartureReason).SingleAsync(Cancellation)));
        Assert.Empty(await ScanEveryTableAsync(Host, "Ivan Idle", "ivan.idle@example.dk", "40404041"));
        Assert.Equal(1, await AuditCountAsync(Host, idle.MemberId, "member.inactivity-reminder"));
        var (reminder, delivered) = DeliveredMessage(Host, returning.MemberId, "PanelInactivityReminder");
        Assert.Equal("rita.return@example.dk", reminder.Recipient);
        Assert.Contains($"/borgerpanelet/medlem/{returning.MemberId}?noegle=", delivered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetFairnessReport_AfterTwoDraws_GiniNeverInvitedAndTheUsualOnesPerDraw()
    {
        var caseId = await PanelCases.ReadyAsync(Host, "Fairness");
        await ActiveMemberAsync(Host, "Fie Fair", "fie.fair@example.dk");
        await ActiveMemberAsync(Host, "Finn Fair", "finn.fair@example.dk");
        // A third new member: two seats among three members with no seats before leave someone at 0 and someone above,
        // whatever the fixture's other members hold (with only two, one seat each was equal, and Gini 0).
        await ActiveMemberAsync(Host, "Frida Fair", "frida.fair@example.dk");
        var draws = new List<Draw>();
        for (var i = 0; i < 2; i++)
        {
            draws.Add((await Host.CallAsync<ConveneRequest, ConveneResponse>(ConveningRpc, "Convene", new() { CaseId = caseId, PanelSize = 1 }, CivicRoles.Coordinator)).Draw);
        }

        var report = await Host.CallAsync<GetFairnessReportRequest, GetFairnessReportResponse>(FairnessRpc, "GetFairnessReport", new(), CivicRoles.Coordinator);

        var ours = report.History.TakeLast(2).ToList();
        Assert.Equal(report.History.Count, report.Current.Draws);
        Assert.Equal(ours[0].Seats + 1, ours[1].Seats);
        var members = report.Current.Members;
        Assert.Equal(await WithDbAsync(Host, db => db.PoolMembers.CountAsync(m => m.Status == PoolMemberStatus.Active, Cancellation)), members);
        Assert.All(draws, d => Assert.Single(d.PanelMemberIds));
        Assert.InRange(report.Current.ShareNeverDrawn, 0, (members - 1) / (double)members);
        // A drawn member was invited; only a reserve can be invited without being drawn.
        Assert.InRange(report.Current.ShareNeverInvited, 0, report.Current.ShareNeverDrawn);
        Assert.InRange(report.Current.Gini, 0, 1);
        Assert.True(report.Current.Gini > 0, "Two seats among more than two members are spread unevenly.");
        Assert.InRange(report.Current.TopDecileMembers, 1, (members + 9) / 10);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () =>
            Host.CallAsync<GetFairnessReportRequest, GetFairnessReportResponse>(FairnessRpc, "GetFairnessReport", new(), CivicRoles.Staff));
    }

    private Task<PoolMemberStatus> StatusOfAsync(string id) =>
        WithDbAsync(Host, db => db.PoolMembers.Where(m => m.Id == id).Select(m => m.Status).SingleAsync(Cancellation));

    /// <summary>One run of panel:consent-renewal on <paramref name="clock"/>, in a scope of its own as Hangfire runs it.</summary>
    private async Task<ConsentRunResult> RunConsentJobAsync(TimeProvider clock)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PanelDbContext>();
        var audit = new AuditLog(db, clock, new Microsoft.AspNetCore.Http.HttpContextAccessor());
        var messages = new MemberMessages(db, clock);
        var job = new ConsentRenewalJob(db, new MemberErasure(db, messages, audit, clock), messages, audit, services.GetRequiredService<IOptions<PoolOptions>>(), clock,
            NullLogger<ConsentRenewalJob>.Instance);
        return await job.RunOnceAsync(Cancellation);
    }
}
