using System.ComponentModel.DataAnnotations;

namespace Civic.Hotline.Retention;

/// <summary>Hotline:Retention settings.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Hotline:Retention";

    /// <summary>How long after a call (held, missed or cancelled) the citizen's contact data is kept.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan ContactDataAfter { get; set; } = TimeSpan.FromDays(90);
}
