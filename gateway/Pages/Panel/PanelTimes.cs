using System.Globalization;

namespace Civic.Gateway.Pages.Panel;

/// <summary>Instants as the municipality's readers expect them: Copenhagen time, in the reader's language.</summary>
public static class PanelTimes
{
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    public static string DayAndClock(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Copenhagen).ToString("d. MMMM yyyy HH:mm", CultureInfo.CurrentCulture);

    public static string Day(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Copenhagen).ToString("d. MMMM yyyy", CultureInfo.CurrentCulture);
}
