using System.ComponentModel.DataAnnotations;

namespace Civic.Panel.Convening;

/// <summary>Panel:Convening settings.</summary>
public sealed class ConveningOptions
{
    public const string SectionName = "Panel:Convening";

    /// <summary>How long after accepting a panel invitation a member is not eligible for another panel; zero switches the cool-down off.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1095.00:00:00")]
    public TimeSpan CoolDown { get; set; } = TimeSpan.FromDays(365);
}
