namespace Civic.Hotline.Schedules;

/// <summary>The municipality's time zone, where every rule's local times are read.</summary>
public static class HotlineTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    /// <summary>The instant of a local date and minute of day; null when that local time does not exist or occurs twice (a daylight-saving change).</summary>
    public static DateTimeOffset? ToInstant(DateOnly date, int minuteOfDay)
    {
        var local = date.ToDateTime(TimeOnly.MinValue).AddMinutes(minuteOfDay);
        if (Zone.IsInvalidTime(local) || Zone.IsAmbiguousTime(local))
        {
            return null;
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>Today in Europe/Copenhagen.</summary>
    public static DateOnly Today(TimeProvider timeProvider) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), Zone).DateTime);
}
