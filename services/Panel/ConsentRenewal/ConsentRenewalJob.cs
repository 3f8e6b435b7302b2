using Civic.Hosting.Jobs;
using Civic.Panel.Audit;
using Civic.Panel.Membership;
using Civic.Panel.Pool;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civic.Panel.ConsentRenewal;

/// <summary>What one run of the consent job did.</summary>
public sealed record ConsentRunResult(int AskedToRenew, int ErasedExpired, int ErasedUnconfirmed, int RemindedInactive = 0, int ErasedInactive = 0);

/// <summary>
/// The retention job (panel:consent-renewal, daily): asks members whose consent expires within the notice
/// period to renew, erases members whose consent expired more than the grace period ago without renewal,
/// and erases online sign-ups whose confirmation link expired unopened. The inactivity rule: a member who has not
/// acted (confirmed, renewed consent, answered an invitation) for Panel:Pool:InactivityMonths is asked whether they
/// still want to be in the pool, and erased Panel:Pool:InactivityNoticeDays later unless they renewed meanwhile.
/// Idempotent: a member is asked once per consent period and once per inactive spell, and erased members are no
/// longer active or pending.
/// </summary>
public sealed partial class ConsentRenewalJob(
    PanelDbContext db, MemberErasure erasure, MemberMessages messages, AuditLog audit, IOptions<PoolOptions> options, TimeProvider timeProvider, ILogger<ConsentRenewalJob> logger)
    : IRecurringJob
{
    public const string JobId = "panel:consent-renewal";

    public async Task RunAsync(CancellationToken cancellationToken) => await RunOnceAsync(cancellationToken);

    public async Task<ConsentRunResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var settings = options.Value;
        var askFrom = now.AddDays(settings.RenewalNoticeDays);
        var eraseBefore = now.AddDays(-settings.RenewalGraceDays);
        var unconfirmedBefore = now - settings.ConfirmationLinkLifetime;

        var active = await db.PoolMembers.Where(m => m.Status == PoolMemberStatus.Active && m.ConsentExpiresAt != null).ToListAsync(cancellationToken);
        var expired = active.Where(m => m.ConsentExpiresAt < eraseBefore).ToList();
        var toAsk = active.Where(m => m.ConsentExpiresAt <= askFrom && m.ConsentExpiresAt >= eraseBefore && m.RenewalRequestedAt is null).ToList();
        var unconfirmed = (await db.PoolMembers.Where(m => m.Status == PoolMemberStatus.Pending).ToListAsync(cancellationToken))
            .Where(m => m.CreatedAt < unconfirmedBefore).ToList();

        var (remind, inactive) = await InactiveAsync(active.Except(expired).Except(toAsk).ToList(), now, settings, cancellationToken);
        foreach (var member in remind)
        {
            member.InactivityRemindedAt = now;
            var eraseAfter = now.AddDays(settings.InactivityNoticeDays);
            messages.StillInterested(member, eraseAfter);
            audit.Changed(AuditActions.MemberInactivityReminder, "member", member.Id, $"No activity for {settings.InactivityMonths} months; erased after {eraseAfter:yyyy-MM-dd} unless renewed", AuditActors.System);
        }

        foreach (var member in inactive)
        {
            await erasure.EraseAsync(member, DepartureReason.Inactive, AuditActors.System, cancellationToken);
        }

        foreach (var member in toAsk)
        {
            member.RenewalRequestedAt = now;
            messages.RenewConsent(member);
            audit.Changed(AuditActions.MemberRenewalRequested, "member", member.Id, $"Consent expires {member.ConsentExpiresAt:yyyy-MM-dd}", AuditActors.System);
        }

        foreach (var member in expired)
        {
            await erasure.EraseAsync(member, DepartureReason.ConsentExpired, AuditActors.System, cancellationToken);
        }

        foreach (var member in unconfirmed)
        {
            await erasure.EraseAsync(member, DepartureReason.NeverConfirmed, AuditActors.System, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        var result = new ConsentRunResult(toAsk.Count, expired.Count, unconfirmed.Count, remind.Count, inactive.Count);
        Log.Ran(logger, result.AskedToRenew, result.ErasedExpired, result.ErasedUnconfirmed, result.RemindedInactive, result.ErasedInactive);
        return result;
    }

    /// <summary>
    /// Members to ask (inactive for the configured months, not asked yet) and to erase (asked more than the notice
    /// days ago). Acting means confirming, renewing consent (which clears the reminder) or answering an invitation.
    /// </summary>
    private async Task<(List<PoolMember> Remind, List<PoolMember> Erase)> InactiveAsync(
        List<PoolMember> candidates, DateTimeOffset now, PoolOptions settings, CancellationToken cancellationToken)
    {
        var inactiveSince = now.AddMonths(-settings.InactivityMonths);
        var answered = (await db.Invitations.AsNoTracking().Where(i => i.AnsweredAt != null).Select(i => new { i.MemberId, i.AnsweredAt }).ToListAsync(cancellationToken))
            .GroupBy(i => i.MemberId).ToDictionary(g => g.Key, g => g.Max(i => i.AnsweredAt!.Value), StringComparer.Ordinal);
        DateTimeOffset LastActed(PoolMember m) =>
            new[] { m.ConfirmedAt ?? m.CreatedAt, m.ConsentGivenAt ?? m.CreatedAt, answered.GetValueOrDefault(m.Id, m.CreatedAt) }.Max();
        foreach (var member in candidates.Where(m => m.InactivityRemindedAt is { } asked && LastActed(m) >= asked))
        {
            // Answered an invitation after the reminder: the spell is over; a later one is asked about again.
            member.InactivityRemindedAt = null;
        }

        var erase = candidates.Where(m => m.InactivityRemindedAt is { } asked && asked.AddDays(settings.InactivityNoticeDays) < now).ToList();
        var remind = candidates.Where(m => m.InactivityRemindedAt is null && m.RenewalRequestedAt is null && LastActed(m) < inactiveSince).ToList();
        return (remind, erase);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information,
            "Consent job: {Asked} members asked to renew, {Expired} erased after expiry, {Unconfirmed} unconfirmed sign-ups erased, {Reminded} inactive members asked, {Inactive} erased after inactivity")]
        public static partial void Ran(ILogger logger, int asked, int expired, int unconfirmed, int reminded, int inactive);
    }
}
