using System.ComponentModel.DataAnnotations;

namespace Civic.Panel.Invitations;

/// <summary>Panel:Invitations settings.</summary>
public sealed class InvitationOptions
{
    public const string SectionName = "Panel:Invitations";

    /// <summary>
    /// The key (base64, at least 32 bytes) invitation links are signed with. Empty: Auth:SigningKey is used,
    /// which on one machine is made anew for every run, so links then last until the next restart.
    /// </summary>
    public string? LinkKey { get; set; }

    /// <summary>The shortest time a member gets to answer.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan MinimumResponseTime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The longest time a member may be given to answer.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan MaximumResponseTime { get; set; } = TimeSpan.FromDays(60);

    /// <summary>How long before the deadline a member who has not answered is reminded (once).</summary>
    [Range(typeof(TimeSpan), "01:00:00", "30.00:00:00")]
    public TimeSpan ReminderBeforeDeadline { get; set; } = TimeSpan.FromHours(48);

    /// <summary>How long a replacing reserve gets to answer.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "60.00:00:00")]
    public TimeSpan ReplacementResponseTime { get; set; } = TimeSpan.FromDays(7);
}
