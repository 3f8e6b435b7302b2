using System.Globalization;
using Civic.Hosting.Errors;
using Civic.Hotline.Bookings;
using Civic.Hotline.Ideas;
using Civic.Hotline.Schedules;
using Microsoft.EntityFrameworkCore;

namespace Civic.Hotline.Statistics;

/// <summary>One department's month in numbers.</summary>
public sealed record DepartmentMonth(
    string DepartmentId, string DepartmentCode, string DepartmentName,
    int SlotsOffered, int Booked, int CallsHeld, int NoShows, IReadOnlyDictionary<TopicKind, int> Topics,
    IReadOnlyDictionary<IdeaStatus, int> Ideas, int SessionsCancelled);

/// <summary>
/// Counts per department and month from the tables as they are: seats offered in sessions not cancelled, calls
/// booked and how they went, topics, ideas registered in the month by their status now. Only counts, so they
/// survive the erasure of contact data (bookings are kept, only their personal fields are blanked).
/// </summary>
public sealed class MonthlyStatistics(HotlineDbContext db)
{
    public async Task<IReadOnlyList<DepartmentMonth>> ForMonthAsync(string month, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact((month ?? string.Empty).Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) || first.Year < 2000)
        {
            throw new ValidationException("month", "Give the month as YYYY-MM, e.g. 2026-11.", "Angiv måneden som ÅÅÅÅ-MM, fx 2026-11.");
        }

        var key = first.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var next = first.AddMonths(1);
        var from = HotlineTime.ToInstant(first, 0) ?? throw new InvalidOperationException("Midnight on the first of a month always exists in Denmark.");
        var to = HotlineTime.ToInstant(next, 0) ?? throw new InvalidOperationException("Midnight on the first of a month always exists in Denmark.");

        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Code).ToListAsync(cancellationToken);
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.Date >= first && s.Date < next && s.ReplacedAt == null).Include(s => s.Slots).ToListAsync(cancellationToken);
        var bookings = await db.Bookings.AsNoTracking().Where(b => b.SessionMonth == key && b.Status == BookingStatus.Booked)
            .Select(b => new { b.DepartmentId, b.TopicKind, b.Result }).ToListAsync(cancellationToken);
        var ideas = await db.Ideas.AsNoTracking().Where(i => i.CreatedAt >= from && i.CreatedAt < to)
            .Select(i => new { i.DepartmentId, i.Status }).ToListAsync(cancellationToken);

        return departments.Select(d =>
        {
            var own = sessions.Where(s => s.DepartmentId == d.Id).ToList();
            var booked = bookings.Where(b => b.DepartmentId == d.Id).ToList();
            return new DepartmentMonth(
                d.Id, d.Code, d.NameDa,
                own.Where(s => s.CancelledAt is null).Sum(s => s.Slots.Sum(slot => slot.Capacity)),
                booked.Count,
                booked.Count(b => b.Result == CallResult.Answered),
                booked.Count(b => b.Result == CallResult.NoShow),
                Enum.GetValues<TopicKind>().ToDictionary(k => k, k => booked.Count(b => b.TopicKind == k)),
                Enum.GetValues<IdeaStatus>().ToDictionary(s => s, s => ideas.Count(i => i.DepartmentId == d.Id && i.Status == s)),
                own.Count(s => s.CancelledAt is not null));
        }).ToList();
    }
}
