using Civic.Hosting.Jobs;
using Civic.Panel.Audit;
using Civic.Panel.Membership;
using Civic.Panel.Pool;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civic.Panel.ConsentRenewal;

/// <summary>What one run of the consent job did.</summary>
public sealed record ConsentRunResult(int AskedToRenew, int ErasedExpired, int ErasedUnconfirmed);

/// <summary>
/// The retention job (panel:consent-renewal, daily): asks members whose consent expires within the notice
/// period to renew, erases members whose consent expired more than the grace period ago without renewal,
/// and erases online sign-ups whose confirmation link expired unopened. Idempotent: a member is asked once
/// per consent period, and erased members are no longer active or pending.
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

        foreach (var member in toAsk)
        {
            member.RenewalRequestedAt = now;
            messages.RenewConsent(member);
            audit.Changed("member.renewal-requested", "member", member.Id, $"Consent expires {member.ConsentExpiresAt:yyyy-MM-dd}", AuditActors.System);
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
        var result = new ConsentRunResult(toAsk.Count, expired.Count, unconfirmed.Count);
        Log.Ran(logger, result.AskedToRenew, result.ErasedExpired, result.ErasedUnconfirmed);
        return result;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Consent job: {Asked} members asked to renew, {Expired} erased after expiry, {Unconfirmed} unconfirmed sign-ups erased")]
        public static partial void Ran(ILogger logger, int asked, int expired, int unconfirmed);
    }
}
