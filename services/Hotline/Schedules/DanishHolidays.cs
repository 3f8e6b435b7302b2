namespace Civic.Hotline.Schedules;

/// <summary>
/// Danish public holidays (helligdage) as the law has them now, and the days the municipality's
/// offices are closed. Store Bededag was abolished from 2024 (lov nr. 70 af 28/02/2023), so it is a
/// holiday only up to 2023. Grundlovsdag, juleaftensdag and nytårsaftensdag are not public holidays
/// by law, but municipal offices close on them, so no session is held then.
/// </summary>
public static class DanishHolidays
{
    /// <summary>The public holidays of <paramref name="year"/> with their Danish names, by date.</summary>
    public static IReadOnlyList<(DateOnly Date, string Name)> PublicHolidays(int year)
    {
        var easter = EasterSunday(year);
        var holidays = new List<(DateOnly, string)>
        {
            (new DateOnly(year, 1, 1), "Nytårsdag"),
            (easter.AddDays(-3), "Skærtorsdag"),
            (easter.AddDays(-2), "Langfredag"),
            (easter, "Påskedag"),
            (easter.AddDays(1), "2. påskedag"),
            (easter.AddDays(39), "Kristi himmelfartsdag"),
            (easter.AddDays(49), "Pinsedag"),
            (easter.AddDays(50), "2. pinsedag"),
            (new DateOnly(year, 12, 25), "Juledag"),
            (new DateOnly(year, 12, 26), "2. juledag"),
        };
        if (year <= 2023)
        {
            holidays.Add((easter.AddDays(26), "Store bededag"));
        }

        return [.. holidays.OrderBy(h => h.Item1)];
    }

    public static bool IsPublicHoliday(DateOnly date) => PublicHolidays(date.Year).Any(h => h.Date == date);

    /// <summary>A public holiday or a day the municipality's offices are closed (Grundlovsdag, juleaftensdag, nytårsaftensdag).</summary>
    public static bool IsClosedDay(DateOnly date) =>
        IsPublicHoliday(date) || (date.Month == 6 && date.Day == 5) || (date.Month == 12 && date.Day is 24 or 31);

    /// <summary>Monday to Friday and not a closed day.</summary>
    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsClosedDay(date);

    /// <summary>The first working day after <paramref name="date"/>.</summary>
    public static DateOnly NextWorkingDay(DateOnly date)
    {
        var next = date.AddDays(1);
        while (!IsWorkingDay(next))
        {
            next = next.AddDays(1);
        }

        return next;
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher").</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
