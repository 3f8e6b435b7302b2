using System.ComponentModel.DataAnnotations;

namespace Civic.Hotline.Bookings;

/// <summary>Hotline:Booking settings.</summary>
public sealed class BookingOptions
{
    public const string SectionName = "Hotline:Booking";

    /// <summary>Active bookings one phone number may hold with one department in one month.</summary>
    [Range(1, 10)]
    public int PerPhonePerDepartmentPerMonth { get; set; } = 1;

    /// <summary>Active bookings one phone number may hold across all departments in one month.</summary>
    [Range(1, 20)]
    public int PerPhonePerMonth { get; set; } = 3;

    /// <summary>How long after the call the manage link still shows the booking.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan ManageLinkLifetimeAfterCall { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// The key (base64, at least 32 bytes) manage tokens are derived from, so a retried booking request gets
    /// the same link back while the database holds only the token's hash. Empty: Auth:SigningKey is used.
    /// </summary>
    public string? ManageTokenKey { get; set; }
}
