using Civic.Hosting.Jobs;
using Civic.Hosting.Storage;
using Civic.Hotline.Bookings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civic.Hotline.Retention;

/// <summary>
/// Daily: erases the contact data of bookings whose call is over (held, missed, or never called) or that were
/// cancelled, more than <see cref="RetentionOptions.ContactDataAfter"/> ago: name, phone, e-mail, the citizen's
/// description and needs, the director's free-text notes of the call (summary, follow-ups, referral and escalation
/// notes: written during a personal conversation, they may name the citizen or their circumstances), and the
/// messages sent about the booking (they hold the phone number or address and the text). The booking row stays, with
/// its department, month, topic kind, status, call result, referral kind and escalation flag, so the statistics and
/// the record of what the call led to stay; ideas registered from the call keep their own life cycle (their text is
/// the director's wording of the idea, shown anonymised on the board). Idempotent: erased bookings are marked and skipped.
/// </summary>
public sealed partial class ContactDataEraser(HotlineDbContext db, IOptions<RetentionOptions> options, TimeProvider timeProvider, ILogger<ContactDataEraser> logger) : IRecurringJob
{
    public const string JobId = "hotline:erase-contact-data";

    public async Task RunAsync(CancellationToken cancellationToken) => await EraseDueAsync(cancellationToken);

    /// <summary>Erases what is due now; returns how many bookings this run erased.</summary>
    public async Task<int> EraseDueAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetStoredUtcNow();
        var cutoff = now - options.Value.ContactDataAfter;
        var due = await db.Bookings.AsNoTracking()
            .Where(b => b.ContactDataErasedAt == null
                && ((b.Status != BookingStatus.Cancelled && b.SlotStartsAt < cutoff) || (b.Status == BookingStatus.Cancelled && b.CancelledAt < cutoff)))
            .Select(b => b.Id).ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Notifications.Where(n => n.AboutId == id).ExecuteDeleteAsync(cancellationToken);
            await db.RequestedSlots.Where(r => r.BookingId == id).ExecuteDeleteAsync(cancellationToken);
            await db.Bookings.Where(b => b.Id == id && b.ContactDataErasedAt == null).ExecuteUpdateAsync(
                s => s.SetProperty(b => b.Name, string.Empty).SetProperty(b => b.Phone, string.Empty).SetProperty(b => b.Email, (string?)null)
                    .SetProperty(b => b.Description, string.Empty).SetProperty(b => b.Needs, (string?)null)
                    .SetProperty(b => b.OutcomeSummary, (string?)null).SetProperty(b => b.FollowUps, (string?)null)
                    .SetProperty(b => b.ReferralNote, (string?)null).SetProperty(b => b.EscalationNote, (string?)null)
                    .SetProperty(b => b.ContactDataErasedAt, now),
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (due.Count > 0)
        {
            LogErased(logger, due.Count, cutoff);
        }

        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased the contact data of {Count} bookings whose call or cancellation was before {Cutoff}")]
    private static partial void LogErased(ILogger logger, int count, DateTimeOffset cutoff);
}
