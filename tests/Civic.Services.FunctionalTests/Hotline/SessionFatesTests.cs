using Civic.Hotline.Schedules;

namespace Civic.Services.FunctionalTests.Hotline;

/// <summary>Which coming sessions a rule change replaces, adjusts or reports as affected; no server, no database.</summary>
public sealed class SessionFatesTests
{
    private static readonly ScheduleRule Rule = new()
    {
        Id = "rule", DepartmentId = "department", WeekOfMonth = 1, Weekday = DayOfWeek.Tuesday, StartMinute = 16 * 60, EndMinute = 18 * 60,
        SlotMinutes = 10, ParallelLines = 2, BookingOpensDaysBefore = 14, BookingOpensMinute = 8 * 60, BookingClosesHoursBefore = 2,
        HolidayPolicy = HolidayPolicy.NextWorkingDay, ValidFrom = new DateOnly(2027, 1, 1),
    };

    [Fact]
    public void Of_NoBookings_Replaced()
    {
        Assert.Equal(SessionFate.Replace, SessionFates.Of(Changed(startHour: 17), March(booked: 0), bookings: 0));
        Assert.Equal(SessionFate.Replace, SessionFates.Of(null, March(booked: 0), bookings: 0));
    }

    [Fact]
    public void Of_SameTimesMoreLinesOrOtherBookingWindow_AdjustedInPlace()
    {
        Assert.Equal(SessionFate.Adjust, SessionFates.Of(Changed(lines: 3), March(booked: 2), bookings: 2));
        Assert.Equal(SessionFate.Adjust, SessionFates.Of(Changed(opensDaysBefore: 30), March(booked: 1), bookings: 1));
    }

    [Theory]
    [InlineData("later", 1)]
    [InlineData("shorter slots", 1)]
    [InlineData("fewer lines than booked", 2)]
    [InlineData("another week", 1)]
    [InlineData("valid from a later month", 1)]
    [InlineData("retired", 1)]
    public void Of_BookingsThatNoLongerFit_Affected(string change, int booked)
    {
        var changed = change switch
        {
            "later" => Changed(startHour: 17),
            "shorter slots" => Changed(slotMinutes: 5),
            "fewer lines than booked" => Changed(lines: 1),
            "another week" => Changed(week: 2),
            "valid from a later month" => Changed(validFrom: new DateOnly(2027, 4, 1)),
            _ => null,
        };

        Assert.Equal(SessionFate.Affected, SessionFates.Of(changed, March(booked), bookings: booked));
    }

    [Fact]
    public void Of_WaitlistEntriesOnlyInAFullyFittingSession_Adjusted()
    {
        // Waitlist entries and requests hold no seat, but they count as bookings: the session is not replaced.
        Assert.Equal(SessionFate.Adjust, SessionFates.Of(Changed(lines: 1), March(booked: 0), bookings: 3));
    }

    [Fact]
    public void Impact_CountsEachFateAndSumsTheAffectedBookings()
    {
        var sessions = new[] { (March(booked: 0), 0), (March(booked: 1), 4), (March(booked: 2), 2) };

        var impact = SessionFates.Impact(Changed(lines: 1), sessions);

        Assert.Equal((1, 1), (impact.Replaced, impact.Adjusted));
        Assert.Equal(2, Assert.Single(impact.Affected).Bookings);
        Assert.Equal(2, impact.AffectedBookings);
    }

    /// <summary>The rule's session of March 2027 (Tuesday 2 March, 16:00-18:00) with <paramref name="booked"/> seats taken in its first slot.</summary>
    private static Session March(int booked)
    {
        var plan = SessionPlanner.Plan(Rule, 2027, 3)!;
        var session = new Session
        {
            Id = Guid.NewGuid().ToString(), DepartmentId = Rule.DepartmentId, RuleId = Rule.Id, NominalDate = plan.NominalDate, Date = plan.Date,
            StartsAt = plan.StartsAt, EndsAt = plan.EndsAt, BookingOpensAt = plan.BookingOpensAt, BookingClosesAt = plan.BookingClosesAt,
        };
        session.Slots.AddRange(plan.Slots.Select((s, i) => new Slot
        {
            Id = Guid.NewGuid().ToString(), SessionId = session.Id, StartsAt = s.StartsAt, EndsAt = s.EndsAt, Capacity = Rule.ParallelLines, Booked = i == 0 ? booked : 0,
        }));
        return session;
    }

    private static ScheduleRule Changed(int startHour = 16, int lines = 2, int slotMinutes = 10, int week = 1, int opensDaysBefore = 14, DateOnly? validFrom = null) => new()
    {
        Id = Rule.Id, DepartmentId = Rule.DepartmentId, WeekOfMonth = week, Weekday = Rule.Weekday, StartMinute = startHour * 60, EndMinute = (startHour + 2) * 60,
        SlotMinutes = slotMinutes, ParallelLines = lines, BookingOpensDaysBefore = opensDaysBefore, BookingOpensMinute = Rule.BookingOpensMinute,
        BookingClosesHoursBefore = Rule.BookingClosesHoursBefore, HolidayPolicy = Rule.HolidayPolicy, ValidFrom = validFrom ?? Rule.ValidFrom,
    };
}
