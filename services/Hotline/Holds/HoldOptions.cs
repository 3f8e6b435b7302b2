using System.ComponentModel.DataAnnotations;

namespace Civic.Hotline.Holds;

/// <summary>Hotline:Holds settings. The Redis server itself comes from ConnectionStrings:Redis; without it holds live in this process.</summary>
public sealed class HoldOptions
{
    public const string SectionName = "Hotline:Holds";

    /// <summary>How long a held seat stays the citizen's while they fill in the form.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Prefix of the Redis keys, so that several deployments can share one Redis.</summary>
    [Required]
    [MinLength(1)]
    public string RedisKeyPrefix { get; set; } = "civic:hotline:holds";
}
