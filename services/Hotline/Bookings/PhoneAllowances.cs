using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civic.Hotline.Bookings;

/// <summary>
/// How many more bookings phone numbers may have in a month under the per-phone limits (<see cref="BookingOptions"/>):
/// the lesser of what is left with the department and overall. Only booked calls count; a lottery request or a
/// waitlist entry holds no seat, and the draw and the waitlist give a seat only within what is left.
/// </summary>
public sealed class PhoneAllowances(HotlineDbContext db, IOptions<BookingOptions> options)
{
    public async Task<Dictionary<string, int>> LeftAsync(IReadOnlyCollection<string> phones, string departmentId, string month, CancellationToken cancellationToken)
    {
        var booked = await db.Bookings.AsNoTracking()
            .Where(b => phones.Contains(b.Phone) && b.SessionMonth == month && b.Status == BookingStatus.Booked)
            .Select(b => new { b.Phone, b.DepartmentId }).ToListAsync(cancellationToken);
        var limits = options.Value;
        return phones.Distinct().ToDictionary(
            phone => phone,
            phone => Math.Min(
                limits.PerPhonePerDepartmentPerMonth - booked.Count(b => b.Phone == phone && b.DepartmentId == departmentId),
                limits.PerPhonePerMonth - booked.Count(b => b.Phone == phone)));
    }
}
