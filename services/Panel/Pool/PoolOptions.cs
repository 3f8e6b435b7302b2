using System.ComponentModel.DataAnnotations;

namespace Civic.Panel.Pool;

/// <summary>Panel:Pool settings: consent, its renewal, and the members' links.</summary>
public sealed class PoolOptions
{
    public const string SectionName = "Panel:Pool";

    /// <summary>How long consent lasts before the member must renew it.</summary>
    [Range(1, 120)]
    public int ConsentMonths { get; set; } = 24;

    /// <summary>How many days before consent expires the member is asked to renew.</summary>
    [Range(1, 365)]
    public int RenewalNoticeDays { get; set; } = 30;

    /// <summary>How many days after consent expired an unrenewed member is erased.</summary>
    [Range(0, 365)]
    public int RenewalGraceDays { get; set; } = 30;

    /// <summary>
    /// How long a member may go without acting (confirming, renewing consent, answering an invitation) before the
    /// retention job asks whether they still want to be in the pool.
    /// </summary>
    [Range(1, 120)]
    public int InactivityMonths { get; set; } = 12;

    /// <summary>How many days after that reminder a member who still has not acted is erased.</summary>
    [Range(1, 365)]
    public int InactivityNoticeDays { get; set; } = 30;

    /// <summary>How long the confirmation link of an online sign-up works; unconfirmed sign-ups are erased after it.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "30.00:00:00")]
    public TimeSpan ConfirmationLinkLifetime { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How long a member link works (it is renewed with the consent).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan MemberLinkLifetime { get; set; } = TimeSpan.FromDays(800);

    /// <summary>
    /// The key (base64, at least 32 bytes) member and confirmation links are signed with. Empty: Auth:SigningKey
    /// is used, so links die with a development signing key made per run.
    /// </summary>
    public string? LinkKey { get; set; }
}
