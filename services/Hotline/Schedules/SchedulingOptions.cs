using System.ComponentModel.DataAnnotations;

namespace Civic.Hotline.Schedules;

/// <summary>Hotline:Scheduling settings.</summary>
public sealed class SchedulingOptions
{
    public const string SectionName = "Hotline:Scheduling";

    /// <summary>How many months ahead (the current month included) sessions are materialised.</summary>
    [Range(1, 24)]
    public int HorizonMonths { get; set; } = 4;
}
