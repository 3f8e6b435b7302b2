using Civic.Hosting.Errors;
using Civic.Hotline.Lottery;
using Civic.Hotline.Schedules;

namespace Civic.Services.FunctionalTests.Domain;

public sealed class LotteryDrawTests
{
    private static readonly Func<string, int> NoLimit = _ => 1;

    /// <summary>
    /// Being fast gives no advantage: 20 requests (ids in the order they came, as Guid v7 ids are) for 5 seats, drawn
    /// with 4,000 seeds. Each request's chance is 5/20 = 0.25; the 5 earliest and the 5 latest each win 0.25 of the time
    /// within 0.02 (20,000 trials per group: one standard deviation is 0.003), and no single position strays more than
    /// 0.04 (4,000 trials: one standard deviation is 0.007). Seeds 1..4,000 make the test exact and repeatable.
    /// </summary>
    [Fact]
    public void Draw_ManySeededDraws_ChanceToWinDoesNotDependOnWhenTheRequestCame()
    {
        var entries = Enumerable.Range(0, 20).Select(i => new LotteryEntry($"req-{i:00}", $"+45200000{i:00}", ["slot"])).ToList();
        var wins = new int[20];
        const int draws = 4_000;
        for (var seed = 1UL; seed <= draws; seed++)
        {
            foreach (var won in LotteryDraw.Draw(seed, entries, new Dictionary<string, int> { ["slot"] = 5 }, NoLimit).Won.Keys)
            {
                wins[int.Parse(won[4..], System.Globalization.CultureInfo.InvariantCulture)]++;
            }
        }

        var earliest = wins.Take(5).Sum() / (5.0 * draws);
        var latest = wins.Skip(15).Sum() / (5.0 * draws);
        Assert.InRange(earliest, 0.23, 0.27);
        Assert.InRange(latest, 0.23, 0.27);
        Assert.All(wins, w => Assert.InRange(w / (double)draws, 0.21, 0.29));
        Assert.Equal(5 * draws, wins.Sum());
    }

    [Fact]
    public void Draw_SameSeed_SameAllocationWhateverOrderTheRequestsAreGivenIn()
    {
        var entries = Enumerable.Range(0, 12).Select(i => new LotteryEntry($"r{i:00}", $"p{i}", i % 2 == 0 ? ["a", "b"] : ["b"])).ToList();
        var seats = new Dictionary<string, int> { ["a"] = 3, ["b"] = 3 };

        var first = LotteryDraw.Draw(42, entries, seats, NoLimit);
        var reversed = LotteryDraw.Draw(42, entries.AsEnumerable().Reverse().ToList(), seats, NoLimit);
        var otherSeed = LotteryDraw.Draw(43, entries, seats, NoLimit);

        Assert.Equal(first.Order, reversed.Order);
        Assert.Equal(first.Won.OrderBy(w => w.Key), reversed.Won.OrderBy(w => w.Key));
        Assert.NotEqual(first.Order, otherSeed.Order);
    }

    [Fact]
    public void Draw_EachInDrawnOrderGetsTheFirstAcceptableFreeSlot_NeverMoreThanTheSeats()
    {
        var entries = Enumerable.Range(0, 10).Select(i => new LotteryEntry($"r{i}", $"p{i}", i < 5 ? ["early", "late"] : ["late"])).ToList();
        var seats = new Dictionary<string, int> { ["early"] = 2, ["late"] = 2 };

        var outcome = LotteryDraw.Draw(7, entries, seats, NoLimit);

        Assert.Equal(4, outcome.Won.Count);
        Assert.Equal(6, outcome.Lost.Count);
        Assert.Equal(2, outcome.Won.Values.Count(s => s == "early"));
        Assert.Equal(2, outcome.Won.Values.Count(s => s == "late"));
        // Replaying the order by hand gives the same result: first acceptable slot with a seat left.
        var free = new Dictionary<string, int>(seats);
        foreach (var id in outcome.Order)
        {
            var slot = entries.Single(e => e.RequestId == id).AcceptableSlotIds.FirstOrDefault(s => free[s] > 0);
            Assert.Equal(slot, outcome.Won.GetValueOrDefault(id));
            if (slot is not null)
            {
                free[slot]--;
            }
        }
    }

    [Fact]
    public void Draw_PhoneWithoutSeatsLeftThisMonth_GetsNothingAndTheSeatGoesToAnother()
    {
        var entries = new List<LotteryEntry> { new("r1", "+4520000001", ["s"]), new("r2", "+4520000002", ["s"]) };

        for (var seed = 0UL; seed < 20; seed++)
        {
            var outcome = LotteryDraw.Draw(seed, entries, new Dictionary<string, int> { ["s"] = 1 }, phone => phone == "+4520000001" ? 0 : 1);

            Assert.Equal("s", Assert.Single(outcome.Won, w => w.Key == "r2").Value);
            Assert.Equal(["r1"], outcome.Lost);
        }
    }

    [Fact]
    public void Validate_LotteryRuleWithoutARequestWindow_RefusedOnTheWindow()
    {
        var rule = ScheduleRulesTests.FirstTuesday() with { Allocation = SeatAllocation.Lottery, RequestWindowMinutes = 0 };

        var exception = Assert.Throws<ValidationException>(() => ScheduleRules.Validate(rule, [], "r", new DateTimeOffset(2026, 1, 10, 9, 0, 0, TimeSpan.Zero)));

        Assert.Equal("request_window_minutes", Assert.Single(exception.Violations).Field);
    }

    [Theory]
    [InlineData(SeatAllocation.Lottery, 14 * 24 * 60)]
    [InlineData(SeatAllocation.FirstComeFirstServed, 60)]
    public void Validate_WindowTooLongOrWithoutLottery_RefusedOnTheWindow(SeatAllocation allocation, int minutes)
    {
        var rule = ScheduleRulesTests.FirstTuesday() with { Allocation = allocation, RequestWindowMinutes = minutes };

        var exception = Assert.Throws<ValidationException>(() => ScheduleRules.Validate(rule, [], "r", new DateTimeOffset(2026, 1, 10, 9, 0, 0, TimeSpan.Zero)));

        Assert.Equal("request_window_minutes", Assert.Single(exception.Violations).Field);
    }

    [Fact]
    public void Plan_LotteryRule_WindowClosesTheGivenMinutesAfterBookingOpens()
    {
        var rule = ScheduleRules.Validate(
            ScheduleRulesTests.FirstTuesday() with { Allocation = SeatAllocation.Lottery, RequestWindowMinutes = 48 * 60 }, [], "r", new DateTimeOffset(2026, 1, 10, 9, 0, 0, TimeSpan.Zero));

        var plan = SessionPlanner.Plan(rule, 2026, 3)!;

        Assert.Equal(plan.BookingOpensAt.AddHours(48), plan.RequestWindowClosesAt);
        Assert.Null(SessionPlanner.Plan(ScheduleRules.Validate(ScheduleRulesTests.FirstTuesday(), [], "r", DateTimeOffset.UnixEpoch), 2026, 3)!.RequestWindowClosesAt);
    }
}
