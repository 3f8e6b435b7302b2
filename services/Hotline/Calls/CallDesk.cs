using System.Security.Claims;
using Civic.Defaults.Auth;
using Civic.Hosting.Errors;
using Civic.Hosting.Storage;
using Civic.Hotline.Bookings;
using Civic.Hotline.Schedules;
using Microsoft.EntityFrameworkCore;

namespace Civic.Hotline.Calls;

/// <summary>What a director records about a call.</summary>
public sealed record NewCallOutcome(
    CallResult? Result, string Summary, string FollowUps, ReferralKind? Referral, string ReferralNote, bool EscalateToPanel, string EscalationNote);

/// <summary>The director's call list and the outcome of each call.</summary>
public sealed class CallDesk(HotlineDbContext db, DepartmentScope scope, BookingDesk bookings, TimeProvider timeProvider)
{
    public const int MaxTextLength = 2000;

    public sealed record CallList(IReadOnlyList<BookingView> Calls, IReadOnlyList<DateOnly> ComingDays);

    public async Task<CallList> ListAsync(ClaimsPrincipal caller, string departmentId, DateOnly? date, CancellationToken cancellationToken)
    {
        // An administrator who names no department sees every department's calls.
        string? department = caller.IsInRole(CivicRoles.Admin) && departmentId.Trim().Length == 0 ? null : await scope.ResolveAsync(caller, departmentId, cancellationToken);
        var today = HotlineTime.Today(timeProvider);
        var day = date ?? today;
        var from = HotlineTime.ToInstant(day, 0) ?? throw new InvalidOperationException("Local midnight always exists in Europe/Copenhagen.");
        var to = HotlineTime.ToInstant(day.AddDays(1), 0)!.Value;
        var calls = await db.Bookings.AsNoTracking()
            .Where(b => (department == null || b.DepartmentId == department) && b.Status == BookingStatus.Booked && b.SlotStartsAt >= from && b.SlotStartsAt < to)
            .OrderBy(b => b.SlotStartsAt).ThenBy(b => b.Reference)
            .ToListAsync(cancellationToken);
        var views = new List<BookingView>(calls.Count);
        foreach (var call in calls)
        {
            views.Add(await bookings.ViewAsync(call, cancellationToken));
        }

        var todayStart = HotlineTime.ToInstant(today, 0)!.Value;
        var coming = await db.Sessions.AsNoTracking()
            .Where(s => (department == null || s.DepartmentId == department) && s.StartsAt >= todayStart && db.Bookings.Any(b => b.SessionId == s.Id && b.Status == BookingStatus.Booked))
            .OrderBy(s => s.StartsAt).Select(s => s.Date).Take(6)
            .ToListAsync(cancellationToken);
        return new CallList(views, [.. coming.Distinct()]);
    }

    public async Task<BookingView> RecordOutcomeAsync(ClaimsPrincipal caller, string reference, NewCallOutcome outcome, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations()
            .Required("reference", reference, "the booking reference", "bookingnummeret")
            .MaxLength("summary", outcome.Summary.Trim(), MaxTextLength, "the summary", "resuméet")
            .MaxLength("follow_ups", outcome.FollowUps.Trim(), MaxTextLength, "the follow-ups", "opfølgningen")
            .MaxLength("referral_note", outcome.ReferralNote.Trim(), MaxTextLength, "the referral note", "henvisningsnoten")
            .MaxLength("escalation_note", outcome.EscalationNote.Trim(), MaxTextLength, "the escalation note", "noten om panelsag");
        if (outcome.Result is null)
        {
            violations.Add("result", "Say whether the call was answered or the citizen did not answer.", "Angiv, om opkaldet blev besvaret, eller om borgeren ikke tog telefonen.");
        }

        violations.ThrowIfAny();
        var key = reference.Trim().ToUpperInvariant();
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Reference == key, cancellationToken)
            ?? throw new NotFoundException($"No booking has reference '{key}'.", $"Der findes ingen booking med nummeret '{key}'.");
        await scope.ResolveAsync(caller, booking.DepartmentId, cancellationToken);
        if (booking.Status != BookingStatus.Booked)
        {
            throw new FailedPreconditionException("The booking was cancelled; there is no call to record.", "Bookingen blev aflyst; der er intet opkald at registrere.");
        }

        var callDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(booking.SlotStartsAt, HotlineTime.Zone).DateTime);
        if (callDay > HotlineTime.Today(timeProvider))
        {
            throw new FailedPreconditionException($"The call is on {callDay:yyyy-MM-dd}; record its outcome on that day or later.",
                $"Opkaldet er den {callDay:dd-MM-yyyy}; registrér udfaldet den dag eller senere.");
        }

        booking.Result = outcome.Result;
        booking.OutcomeSummary = Optional(outcome.Summary);
        booking.FollowUps = Optional(outcome.FollowUps);
        booking.Referral = outcome.Referral ?? ReferralKind.None;
        booking.ReferralNote = Optional(outcome.ReferralNote);
        booking.EscalateToPanel = outcome.EscalateToPanel;
        booking.EscalationNote = Optional(outcome.EscalationNote);
        booking.OutcomeRecordedAt = timeProvider.GetStoredUtcNow();
        booking.OutcomeRecordedBy = caller.FindFirst(CivicClaims.Subject)?.Value;
        await db.SaveChangesAsync(cancellationToken);
        return await bookings.ViewAsync(booking, cancellationToken);
    }

    private static string? Optional(string text) => text.Trim() is { Length: > 0 } trimmed ? trimmed : null;
}
