using Civic.Contracts.Panel.V1;
using Civic.Defaults.Auth;
using Civic.Panel.Audit;
using Civic.Panel.Invitations;
using Civic.Panel.Pool;
using Civic.Services.FunctionalTests.Infrastructure;
using Civic.Services.FunctionalTests.Panel.Pool;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using CaseGrpcService = Civic.Panel.Cases.CaseGrpcService;
using InvitationStatus = Civic.Contracts.Panel.V1.InvitationStatus;

namespace Civic.Services.FunctionalTests.Panel.CaseWork;

public sealed class InvitationTestsOnSqlite(PanelOnSqlite fixture) : InvitationTests(fixture), IClassFixture<PanelOnSqlite>;

public sealed class InvitationTestsOnPostgres(PanelOnPostgres fixture) : InvitationTests(fixture), IClassFixture<PanelOnPostgres>;

/// <summary>Invitations to a convened panel over gRPC: signed links, answers, tavshedspligt, replacements that keep the quotas, and the expiry job.</summary>
public abstract class InvitationTests(ServiceFixture<CaseGrpcService> fixture) : ServiceTests<CaseGrpcService>(fixture), IAsyncLifetime
{
    private CaseWorkSetup Setup => new(Host);

    public async ValueTask InitializeAsync() => await Setup.SeedPoolAsync();

    [Fact]
    public async Task Send_Draw_OneInvitationPerDrawnMemberWithDeadlineAndOnlyTheLinkHashStored()
    {
        var caseId = await Setup.ReadyCaseAsync();
        var draw = await Setup.ConveneAsync(caseId);
        var deadline = TimeProvider.System.GetUtcNow().AddDays(5);

        var sent = (await Setup.SendAsync(draw.Id, deadline)).Invitations;

        Assert.Equal(draw.PanelMemberIds.Order(StringComparer.Ordinal), sent.Select(i => i.MemberId).Order(StringComparer.Ordinal));
        Assert.All(sent, i => Assert.Equal(InvitationStatus.Pending, i.Status));
        Assert.All(sent, i => Assert.Equal(deadline.ToUnixTimeMilliseconds(), i.Deadline.ToDateTimeOffset().ToUnixTimeMilliseconds()));
        Assert.Equal(sent.Select(i => i.Id).Order(StringComparer.Ordinal), (await Setup.ListAsync(caseId)).Select(i => i.Id).Order(StringComparer.Ordinal));
        var stored = await Setup.StoredInvitationsAsync(caseId);
        Assert.All(stored, row =>
        {
            var token = Setup.TokenFor(row.Id);
            Assert.NotEqual(token, row.TokenHash);
            Assert.Equal(InvitationLinks.Hash(token), row.TokenHash);
        });
        Assert.Equal(stored.Count, stored.Select(r => r.TokenHash).Distinct().Count());
    }

    [Fact]
    public async Task Send_Draw_OneInvitationMessageInTheOutboxPerMember_LinkFilledInOnlyAtDelivery()
    {
        var (_, _, sent) = await Setup.InvitedPanelAsync();

        using var scope = Host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Civic.Panel.PanelDbContext>();
        var ids = sent.Select(i => i.Id).ToList();
        var messages = await db.Notifications.AsNoTracking().Where(m => m.AboutId != null && ids.Contains(m.AboutId)).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(ids.Order(StringComparer.Ordinal), messages.Select(m => m.AboutId!).Order(StringComparer.Ordinal));
        var message = messages.Single(m => m.AboutId == sent[0].Id);
        var token = Setup.TokenFor(sent[0].Id);
        Assert.EndsWith("@example.dk", message.Recipient, StringComparison.Ordinal);
        Assert.DoesNotContain(token, message.Body, StringComparison.Ordinal);
        Assert.Contains(InvitationMessages.LinkPlaceholder, message.Body, StringComparison.Ordinal);
        var rendered = scope.ServiceProvider.GetRequiredService<Civic.Hosting.Notifications.MessageBodies>().Render(message);
        Assert.Contains($"/borgerpanelet/invitation/{sent[0].Id}?noegle={token}", rendered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_MemberWithPhoneOnly_InvitedBySmsWithTheLink()
    {
        var caseId = await Setup.ReadyCaseAsync();
        var draw = await Setup.ConveneAsync(caseId);
        var phoneOnly = draw.PanelMemberIds[0];
        var before = await Setup.SetMemberAddressAsync(phoneOnly, email: string.Empty, phone: "+4523456789");
        try
        {
            var invitation = (await Setup.SendAsync(draw.Id)).Invitations.Single(i => i.MemberId == phoneOnly);

            using var scope = Host.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<Civic.Panel.PanelDbContext>();
            var message = await db.Notifications.AsNoTracking().SingleAsync(m => m.AboutId == invitation.Id, TestContext.Current.CancellationToken);
            Assert.Equal(Civic.Hosting.Notifications.MessageChannel.Sms, message.Channel);
            Assert.Equal("+4523456789", message.Recipient);
            var rendered = scope.ServiceProvider.GetRequiredService<Civic.Hosting.Notifications.MessageBodies>().Render(message);
            Assert.Contains($"/borgerpanelet/invitation/{invitation.Id}?noegle=", rendered, StringComparison.Ordinal);
        }
        finally
        {
            await Setup.SetMemberAddressAsync(phoneOnly, before.Email, before.Phone);
        }
    }

    [Fact]
    public async Task Send_Twice_FailedPreconditionAndNothingAdded()
    {
        var (caseId, draw, sent) = await Setup.InvitedPanelAsync();

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Setup.SendAsync(draw.Id));

        Assert.Equal(sent.Count, (await Setup.ListAsync(caseId)).Count);
    }

    [Fact]
    public async Task Send_DeadlineMissingOrTooFar_InvalidArgumentAndNothingStored()
    {
        var caseId = await Setup.ReadyCaseAsync();
        var draw = await Setup.ConveneAsync(caseId);

        var missing = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            Host.CallAsync<SendInvitationsRequest, SendInvitationsResponse>(CaseWorkSetup.Invitations, "SendInvitations", new() { DrawId = draw.Id }, CivicRoles.Coordinator));
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => Setup.SendAsync(draw.Id, TimeProvider.System.GetUtcNow().AddDays(400)));
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => Setup.SendAsync(draw.Id, TimeProvider.System.GetUtcNow().AddMinutes(-5)));

        Assert.Contains("deadline", missing.Status.Detail, StringComparison.Ordinal);
        Assert.Empty(await Setup.ListAsync(caseId));
    }

    [Fact]
    public async Task Send_Staff_PermissionDenied()
    {
        var caseId = await Setup.ReadyCaseAsync();
        var draw = await Setup.ConveneAsync(caseId);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Setup.SendAsync(draw.Id, role: CivicRoles.Staff));

        Assert.Empty(await Setup.ListAsync(caseId));
    }

    [Fact]
    public async Task Link_AcceptThenTavshedspligt_CaseMaterialShownOnlyAfterBoth()
    {
        var (_, _, sent) = await Setup.InvitedPanelAsync();
        var id = sent[0].Id;

        var before = await Setup.ViewAsync(id);
        var accepted = await Setup.RespondAsync(id, accept: true);
        var afterAccept = await Setup.ViewAsync(id);
        var wrongVersion = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => Setup.AcceptTermsAsync(id, "tavshedspligt/1999"));
        var bound = await Setup.AcceptTermsAsync(id);
        var afterTerms = await Setup.ViewAsync(id);

        Assert.Null(before.CaseMaterial);
        Assert.Equal("boern-og-unge", before.OwningDepartment);
        Assert.Equal(ConfidentialityTermsText.Version, before.ConfidentialityTerms.Version);
        Assert.Contains("tavshedspligt", before.ConfidentialityTerms.TextDa, StringComparison.Ordinal);
        Assert.Equal(InvitationStatus.Accepted, accepted.Invitation.Status);
        Assert.NotNull(accepted.Invitation.AnsweredAt);
        Assert.Null(afterAccept.CaseMaterial);
        Assert.DoesNotContain("Test coordinator", afterAccept.ToString(), StringComparison.Ordinal);
        Assert.Contains("terms_version", wrongVersion.Status.Detail + string.Join(",", wrongVersion.Trailers.Select(t => t.Key)), StringComparison.Ordinal);
        Assert.NotNull(bound.Invitation.ConfidentialityAcceptedAt);
        Assert.Equal("Ensomhed blandt unge", afterTerms.CaseMaterial.Title);
        Assert.Equal("Test coordinator", afterTerms.CaseMaterial.CoordinatorName);
        Assert.StartsWith("Panelet former", afterTerms.CaseMaterial.ScopeOfInfluence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_CaseMaterialRead_OneAuditEntryWithTheMemberAndTheCase_RefusedReadsWriteNone()
    {
        var (caseId, _, sent) = await Setup.InvitedPanelAsync();
        var id = sent[0].Id;

        // Refused or without the material: a forged link, the invitation unanswered, accepted but not yet bound by the terms.
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => Setup.ViewAsync(id, "not-the-token"));
        await Setup.ViewAsync(id);
        await Setup.RespondAsync(id, accept: true);
        await Setup.ViewAsync(id);
        Assert.Empty(await MaterialReadsAsync(caseId));

        await Setup.AcceptTermsAsync(id);
        var view = await Setup.ViewAsync(id);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => Setup.ViewAsync(id, Setup.TokenFor(sent[1].Id)));
        await Setup.ViewAsync(sent[1].Id);

        Assert.NotNull(view.CaseMaterial);
        var entry = Assert.Single(await MaterialReadsAsync(caseId));
        Assert.Equal((sent[0].MemberId, "case", caseId, "A panel member read the case material"), (entry.Actor, entry.SubjectType, entry.SubjectId, entry.Reason));
        var adminLog = await Host.CallAsync<ListAuditEntriesRequest, ListAuditEntriesResponse>(PoolTestData.AuditRpc, "ListAuditEntries", new() { SubjectId = caseId });
        Assert.Single(adminLog.Entries, e => e.Action == AuditActions.CaseMaterialRead && e.Actor == sent[0].MemberId);
    }

    [Fact]
    public async Task Link_TermsBeforeAccepting_FailedPreconditionAndNothingRecorded()
    {
        var (caseId, _, sent) = await Setup.InvitedPanelAsync();

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Setup.AcceptTermsAsync(sent[0].Id));

        Assert.All(await Setup.StoredInvitationsAsync(caseId), i => Assert.Null(i.ConfidentialityAcceptedAt));
    }

    private Task<List<Civic.Panel.Audit.AuditEntry>> MaterialReadsAsync(string caseId) =>
        PoolTestData.WithDbAsync(Host, db => db.AuditEntries.AsNoTracking()
            .Where(e => e.SubjectId == caseId && e.Action == AuditActions.CaseMaterialRead).ToListAsync(TestContext.Current.CancellationToken));

    public static TheoryData<string> ForgedTokens => new() { "not-the-token", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" };

    [Theory]
    [MemberData(nameof(ForgedTokens))]
    public async Task Link_ForgedToken_NotFoundAndNothingChanged(string forged)
    {
        var (caseId, _, sent) = await Setup.InvitedPanelAsync();

        var view = await RpcAssert.FailsAsync(StatusCode.NotFound, () => Setup.ViewAsync(sent[0].Id, forged));
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => Setup.RespondAsync(sent[0].Id, accept: true, forged));
        // Another invitation's genuine token does not open this one.
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => Setup.RespondAsync(sent[0].Id, accept: false, Setup.TokenFor(sent[1].Id)));
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => Setup.RespondAsync(sent[0].Id, accept: true, " "));

        Assert.Contains("link", view.Status.Detail, StringComparison.Ordinal);
        Assert.All(await Setup.ListAsync(caseId), i => Assert.Equal(InvitationStatus.Pending, i.Status));
    }

    [Fact]
    public async Task Link_ReplayedAfterAnswer_FailedPreconditionAndFirstAnswerStands()
    {
        var (caseId, _, sent) = await Setup.InvitedPanelAsync();
        await Setup.RespondAsync(sent[0].Id, accept: true);

        var replay = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Setup.RespondAsync(sent[0].Id, accept: false));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Setup.RespondAsync(sent[0].Id, accept: true));

        Assert.Contains("answered already", replay.Status.Detail, StringComparison.Ordinal);
        var invitations = await Setup.ListAsync(caseId);
        Assert.Equal(InvitationStatus.Accepted, invitations.Single(i => i.Id == sent[0].Id).Status);
        Assert.Equal(sent.Count, invitations.Count);
    }

    [Fact]
    public async Task Decline_SeatGoesToTheFirstReserveWhoKeepsEveryQuota()
    {
        var (caseId, draw, sent) = await Setup.InvitedPanelAsync();

        var declined = await Setup.RespondAsync(sent[0].Id, accept: false);
        var invitations = await Setup.ListAsync(caseId);

        Assert.Equal(InvitationStatus.Declined, declined.Invitation.Status);
        var replacement = Assert.Single(invitations, i => i.ReplacesInvitationId == sent[0].Id);
        Assert.Equal(InvitationStatus.Pending, replacement.Status);
        Assert.Contains(replacement.MemberId, draw.ReserveMemberIds);
        Assert.True(CaseWorkSetup.SeatsKeepQuotas(draw, invitations));
        // No reserve earlier in the order would have kept the quotas.
        var earlier = draw.ReserveMemberIds.TakeWhile(id => id != replacement.MemberId).ToList();
        Assert.All(earlier, id => Assert.False(CaseWorkSetup.SeatsKeepQuotas(draw,
            invitations.Where(i => i.Id != replacement.Id).Append(new Invitation { MemberId = id, Status = InvitationStatus.Pending }))));
    }

    [Fact]
    public async Task ExpiryJob_DeadlinePassed_UnansweredExpireAndReservesInvitedKeepingQuotas_SecondRunChangesNothing()
    {
        var (caseId, draw, sent) = await Setup.InvitedPanelAsync();
        await Setup.RespondAsync(sent[0].Id, accept: true);
        var later = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddDays(8));

        await Setup.RunExpiryAsync(later);
        var afterFirst = await Setup.ListAsync(caseId);
        await Setup.RunExpiryAsync(later);
        var afterSecond = await Setup.ListAsync(caseId);

        Assert.Equal(InvitationStatus.Accepted, afterFirst.Single(i => i.Id == sent[0].Id).Status);
        Assert.All(sent.Skip(1), s => Assert.Equal(InvitationStatus.Expired, afterFirst.Single(i => i.Id == s.Id).Status));
        var replacements = afterFirst.Where(i => i.ReplacesInvitationId != string.Empty).ToList();
        Assert.NotEmpty(replacements);
        Assert.All(replacements, r => Assert.Equal(later.GetUtcNow().AddDays(7).ToUnixTimeSeconds(), r.Deadline.ToDateTimeOffset().ToUnixTimeSeconds()));
        Assert.All(afterFirst.Where(i => i.Status == InvitationStatus.Expired), e =>
            Assert.True(e.SeatUnfilled || replacements.Any(r => r.ReplacesInvitationId == e.Id)));
        Assert.True(replacements.Count == sent.Count - 1
            ? CaseWorkSetup.SeatsKeepQuotas(draw, afterFirst)
            : afterFirst.Any(i => i.SeatUnfilled));
        Assert.Equal(afterFirst.Select(i => (i.Id, i.Status)), afterSecond.Select(i => (i.Id, i.Status)));
        // An expired link cannot be used to answer.
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Setup.RespondAsync(sent[1].Id, accept: true));
    }

    [Fact]
    public async Task Send_WithdrawnDrawnMember_NotInvitedAndAReserveTakesTheSeat()
    {
        var caseId = await Setup.ReadyCaseAsync();
        var draw = await Setup.ConveneAsync(caseId);
        var withdrawn = draw.PanelMemberIds[0];
        await Setup.SetMemberStatusAsync(withdrawn, PoolMemberStatus.Withdrawn);
        try
        {
            var sent = (await Setup.SendAsync(draw.Id)).Invitations;

            var own = Assert.Single(sent, i => i.MemberId == withdrawn);
            Assert.Equal(InvitationStatus.Withdrawn, own.Status);
            var replacement = Assert.Single(sent, i => i.ReplacesInvitationId == own.Id);
            Assert.Equal(InvitationStatus.Pending, replacement.Status);
            Assert.True(CaseWorkSetup.SeatsKeepQuotas(draw, sent));
            // The withdrawn member's link (were it ever sent) answers nothing.
            await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Setup.RespondAsync(own.Id, accept: true));
            Assert.Equal(InvitationStatus.Withdrawn, (await Setup.ListAsync(caseId)).Single(i => i.Id == own.Id).Status);
        }
        finally
        {
            await Setup.SetMemberStatusAsync(withdrawn, PoolMemberStatus.Active);
        }
    }

    [Fact]
    public async Task WithdrawnAfterInvitation_AnswerRefusedAndTheJobRefillsTheSeat()
    {
        var (caseId, draw, sent) = await Setup.InvitedPanelAsync();
        var leaving = sent[1];
        await Setup.SetMemberStatusAsync(leaving.MemberId, PoolMemberStatus.Withdrawn);
        try
        {
            await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Setup.RespondAsync(leaving.Id, accept: true));
            Assert.Equal(InvitationStatus.Pending, (await Setup.ListAsync(caseId)).Single(i => i.Id == leaving.Id).Status);

            await Setup.RunExpiryAsync(TimeProvider.System);

            var invitations = await Setup.ListAsync(caseId);
            Assert.Equal(InvitationStatus.Withdrawn, invitations.Single(i => i.Id == leaving.Id).Status);
            Assert.Single(invitations, i => i.ReplacesInvitationId == leaving.Id);
            Assert.True(CaseWorkSetup.SeatsKeepQuotas(draw, invitations));
        }
        finally
        {
            await Setup.SetMemberStatusAsync(leaving.MemberId, PoolMemberStatus.Active);
        }
    }

    [Fact]
    public async Task WithdrawnAfterAccepting_OffThePanelAtOnce_NoFeedbackDueToThemAndNoEscalationForIt()
    {
        var (caseId, sent) = await Setup.FinalisedWithTwoMembersAsync();
        await Setup.SetMemberStatusAsync(sent[1].MemberId, PoolMemberStatus.Withdrawn);
        try
        {
            // Before the expiry job has closed the invitation: the member is off the panel already.
            await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Setup.GiveFeedbackAsync(caseId, sent[1].MemberId));
            await Setup.GiveFeedbackAsync(caseId, sent[0].MemberId);
            await Setup.RunEscalationAsync(TimeProvider.System.GetUtcNow().AddDays(31));
            var list = await Setup.ListFeedbackAsync(caseId);

            Assert.Equal(InvitationStatus.Accepted, (await Setup.ListAsync(caseId)).Single(i => i.Id == sent[1].Id).Status);
            Assert.Equal([sent[0].MemberId], list.Feedback.Select(f => f.MemberId));
            Assert.Empty(list.Escalations);
        }
        finally
        {
            await Setup.SetMemberStatusAsync(sent[1].MemberId, PoolMemberStatus.Active);
        }
    }

    [Fact]
    public async Task Decline_AfterTheCoCreationPhases_NoReserveInvited()
    {
        var (caseId, _, sent) = await Setup.InvitedPanelAsync();
        await Setup.MoveToRealisationAsync(caseId);

        await Setup.RespondAsync(sent[0].Id, accept: false);

        var invitations = await Setup.ListAsync(caseId);
        Assert.Equal(InvitationStatus.Declined, invitations.Single(i => i.Id == sent[0].Id).Status);
        Assert.Equal(sent.Count, invitations.Count);
    }

    [Fact]
    public async Task ExpiryJob_MemberLeftAfterTheCoCreationPhases_InvitationClosedAndNoReserveInvited()
    {
        var (caseId, _, sent) = await Setup.InvitedPanelAsync();
        await Setup.JoinAsync(sent[0].Id);
        await Setup.MoveToRealisationAsync(caseId);

        await Setup.SetMemberStatusAsync(sent[0].MemberId, PoolMemberStatus.Withdrawn);
        try
        {
            await Setup.RunExpiryAsync(TimeProvider.System);

            var invitations = await Setup.ListAsync(caseId);
            var closing = await PoolTestData.WithDbAsync(Host, db => db.AuditEntries.AsNoTracking()
                .Where(e => e.SubjectId == caseId && e.Action == AuditActions.CaseInvitationClose).ToListAsync(TestContext.Current.CancellationToken));
            Assert.Equal(InvitationStatus.Withdrawn, invitations.Single(i => i.Id == sent[0].Id).Status);
            Assert.Equal(sent.Count, invitations.Count);
            Assert.Contains("past the co-creation phases", Assert.Single(closing).Reason, StringComparison.Ordinal);
        }
        finally
        {
            await Setup.SetMemberStatusAsync(sent[0].MemberId, PoolMemberStatus.Active);
        }
    }
}
