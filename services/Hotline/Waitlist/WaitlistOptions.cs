using System.ComponentModel.DataAnnotations;

namespace Civic.Hotline.Waitlist;

/// <summary>Hotline:Waitlist settings.</summary>
public sealed class WaitlistOptions
{
    public const string SectionName = "Hotline:Waitlist";

    /// <summary>How long a waitlist offer holds its seat (never past the session's booking close).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan OfferLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long citizens of a session the municipality cancelled may rebook with priority.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "90.00:00:00")]
    public TimeSpan PriorityRebookWindow { get; set; } = TimeSpan.FromDays(14);
}
