using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace Civic.Gateway.Pages.Hotline;

/// <summary>Instants shown as the municipality's local time, in the reader's language.</summary>
public static class HotlineTimes
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    public static DateTimeOffset Local(Timestamp instant) => TimeZoneInfo.ConvertTime(instant.ToDateTimeOffset(), Zone);

    /// <summary>E.g. "tirsdag 1. december 2026" / "Tuesday 1 December 2026".</summary>
    public static string Day(Timestamp instant) =>
        Local(instant).ToString(HotlineText.DayFormat.Current, CultureInfo.CurrentCulture);

    /// <summary>E.g. "16:00".</summary>
    public static string Clock(Timestamp instant) => Clock(instant.ToDateTimeOffset());

    public static string Clock(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).ToString("HH:mm", CultureInfo.InvariantCulture);
}
