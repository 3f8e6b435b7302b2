using Civic.Hotline.Schedules;

namespace Civic.Services.FunctionalTests.Domain;

/// <summary>
/// Dates checked by hand against the published Danish holiday calendars (helligdagsloven; Store Bededag
/// abolished from 2024 by lov nr. 70 af 28/02/2023). Some third-party lists still show Store Bededag for
/// 2025 and later; it must not appear.
/// </summary>
public sealed class DanishHolidaysTests
{
    [Theory]
    [InlineData(2025, "2025-04-17", "2025-04-18", "2025-04-20", "2025-04-21", "2025-05-29", "2025-06-08", "2025-06-09")]
    [InlineData(2026, "2026-04-02", "2026-04-03", "2026-04-05", "2026-04-06", "2026-05-14", "2026-05-24", "2026-05-25")]
    [InlineData(2027, "2027-03-25", "2027-03-26", "2027-03-28", "2027-03-29", "2027-05-06", "2027-05-16", "2027-05-17")]
    [InlineData(2028, "2028-04-13", "2028-04-14", "2028-04-16", "2028-04-17", "2028-05-25", "2028-06-04", "2028-06-05")]
    [InlineData(2029, "2029-03-29", "2029-03-30", "2029-04-01", "2029-04-02", "2029-05-10", "2029-05-20", "2029-05-21")]
    [InlineData(2030, "2030-04-18", "2030-04-19", "2030-04-21", "2030-04-22", "2030-05-30", "2030-06-09", "2030-06-10")]
    public void PublicHolidays_EasterBased_AsTheOfficialCalendar(
        int year, string maundyThursday, string goodFriday, string easter, string easterMonday, string ascension, string whitsun, string whitMonday)
    {
        var holidays = DanishHolidays.PublicHolidays(year);

        Assert.Equal(
            [$"{year}-01-01", maundyThursday, goodFriday, easter, easterMonday, ascension, whitsun, whitMonday, $"{year}-12-25", $"{year}-12-26"],
            holidays.Select(h => h.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.DoesNotContain(holidays, h => h.Name == "Store bededag");
    }

    [Fact]
    public void PublicHolidays_2023_StillHadStoreBededag()
    {
        Assert.Contains((new DateOnly(2023, 5, 5), "Store bededag"), DanishHolidays.PublicHolidays(2023));
        Assert.False(DanishHolidays.IsPublicHoliday(new DateOnly(2024, 4, 26)));
        Assert.False(DanishHolidays.IsPublicHoliday(new DateOnly(2025, 5, 16)));
    }

    [Theory]
    [InlineData("2026-06-05")]
    [InlineData("2026-12-24")]
    [InlineData("2026-12-31")]
    public void IsWorkingDay_DaysTheOfficesAreClosed_NotWorkingDaysThoughNotPublicHolidays(string date)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        Assert.False(DanishHolidays.IsPublicHoliday(day));
        Assert.False(DanishHolidays.IsWorkingDay(day));
    }

    [Fact]
    public void NextWorkingDay_FromMaundyThursday_TheTuesdayAfterEaster()
    {
        Assert.Equal(new DateOnly(2026, 4, 7), DanishHolidays.NextWorkingDay(new DateOnly(2026, 4, 2)));
    }
}
