namespace Civic.Network.Capacity;

/// <summary>Hours approved for requests of one person in one calendar month ("2026-11").</summary>
public sealed class CapacityMonth
{
    public required string PersonId { get; init; }

    public required string Month { get; init; }

    public int BookedHours { get; set; }

    public static string MonthOf(DateOnly date) => date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
