using Civic.Contracts.Hotline.V1;
using Civic.Hosting.Jobs;
using Civic.Hosting.Notifications;
using Civic.Hotline;
using Civic.Hotline.Lottery;
using Civic.Hotline.Notifications;
using Civic.Hotline.Waitlist;
using Civic.Services.FunctionalTests.Infrastructure;
using DepartmentGrpcService = Civic.Hotline.Departments.DepartmentGrpcService;
using Grpc.Core;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using BookingStatus = Civic.Contracts.Hotline.V1.BookingStatus;
using DomainStatus = Civic.Hotline.Bookings.BookingStatus;
using Session = Civic.Hotline.Schedules.Session;
using Slot = Civic.Hotline.Schedules.Slot;

namespace Civic.Services.FunctionalTests.Hotline;

public sealed class LotteryTestsOnSqlite(HotlineOnSqlite fixture) : LotteryTests(fixture), IClassFixture<HotlineOnSqlite>;

public sealed class LotteryTestsOnPostgres(HotlineOnPostgres fixture) : LotteryTests(fixture), IClassFixture<HotlineOnPostgres>;

/// <summary>The request window with a seeded lottery (issue 8, item 5): requests, the draw job, its verification and the bad input.</summary>
public abstract class LotteryTests(ServiceFixture<DepartmentGrpcService> fixture) : ServiceTests<DepartmentGrpcService>(fixture)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Bookings = BookingsReflection.Descriptor.Services[0];

    [Fact]
    public async Task Draw_AtTheClose_SeatsByLotteryOthersWaitlistedEveryoneToldOnce_AndTheStoredSeedGivesTheSameAllocation()
    {
        var (session, slots) = await InsertLotterySessionAsync(slotCount: 3, capacity: 1);
        var requests = new List<RequestSessionResponse>();
        for (var i = 0; i < 5; i++)
        {
            requests.Add(await RequestAsync(NewRequest(session.Id, i % 2 == 0 ? [slots[0], slots[1]] : [slots[1]])));
        }

        var viewed = await GetAsync(requests[0]);
        var clock = new FakeTimeProvider(session.RequestWindowClosesAt!.Value.AddMinutes(1));
        await Task.WhenAll(RunAsync(clock), RunAsync(clock));
        var again = await RunAsync(clock);
        var after = await Task.WhenAll(requests.Select(GetAsync));
        var afterDraw = await RequestBookingAsync(slots[2]);

        Assert.Equal((BookingStatus.Requested, 2), (viewed.Status, viewed.AcceptableSlotIds.Count));
        Assert.Equal(session.RequestWindowClosesAt!.Value, viewed.DrawAt.ToDateTimeOffset());
        Assert.Equal(0, again);
        Assert.Equal(2, after.Count(b => b.Status == BookingStatus.Booked));
        Assert.Equal(3, after.Count(b => b.Status == BookingStatus.Waitlisted));
        Assert.Equal(new[] { slots[0], slots[1] }.Order(StringComparer.Ordinal), after.Where(b => b.Status == BookingStatus.Booked).Select(b => b.Slot.Id).Order(StringComparer.Ordinal));
        Assert.All(after.Where(b => b.Status == BookingStatus.Booked), b => Assert.Contains(b.Slot.Id, b.AcceptableSlotIds));
        Assert.Equal(BookingStatus.Booked, afterDraw.Booking.Status);
        foreach (var booking in after)
        {
            var kinds = (await OutboxAsync(booking.Reference)).Select(n => n.Kind).ToList();
            var result = booking.Status == BookingStatus.Booked ? nameof(NotificationKind.BookingConfirmed) : nameof(NotificationKind.LotteryLost);
            // SMS and e-mail for the receipt and for the result: each once, though the job ran three times.
            Assert.Equal(2, kinds.Count(k => k == nameof(NotificationKind.SessionRequested)));
            Assert.Equal(2, kinds.Count(k => k == result));
            Assert.Equal(4, kinds.Count);
        }

        // Verify: anyone can re-run the draw from the stored seed and the stored requests and get the same allocation.
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var stored = await db.Sessions.AsNoTracking().Include(s => s.Slots).SingleAsync(s => s.Id == session.Id, TestContext.Current.CancellationToken);
        var requested = await db.Bookings.AsNoTracking().Where(b => b.SessionId == session.Id && db.RequestedSlots.Any(r => r.BookingId == b.Id))
            .ToListAsync(TestContext.Current.CancellationToken);
        var entries = await scope.ServiceProvider.GetRequiredService<LotteryDrawJob>().EntriesAsync(requested, TestContext.Current.CancellationToken);
        var rerun = LotteryDraw.Draw(unchecked((ulong)stored.DrawSeed!.Value), entries, stored.Slots.ToDictionary(s => s.Id, s => s.Capacity), _ => 1);
        Assert.Equal(5, requested.Count);
        Assert.Equal(clock.GetUtcNow(), stored.DrawnAt);
        Assert.Equal(
            rerun.Won.OrderBy(w => w.Key, StringComparer.Ordinal).ToList(),
            requested.Where(b => b.Status == DomainStatus.Booked).ToDictionary(b => b.Id, b => b.SlotId).OrderBy(w => w.Key, StringComparer.Ordinal).ToList());
        Assert.Equal(rerun.Lost.Order(StringComparer.Ordinal), requested.Where(b => b.Status == DomainStatus.Waitlisted).Select(b => b.Id).Order(StringComparer.Ordinal));
    }

    public static TheoryData<string> BadRequests => new()
    {
        "before the window", "after the window", "no acceptable slot", "a slot of another session", "second request from the phone", "first come first served session",
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task RequestSession_BadRequest_ClearStatusAndNothingStored(string bad)
    {
        var now = TimeProvider.System.GetUtcNow();
        var (session, slots) = await InsertLotterySessionAsync(slotCount: 2, capacity: 1);
        var (other, otherSlots) = await InsertLotterySessionAsync(slotCount: 1, capacity: 1);
        var request = NewRequest(session.Id, [slots[0]]);
        var code = StatusCode.FailedPrecondition;
        switch (bad)
        {
            case "before the window":
                await MoveWindowAsync(session.Id, now.AddHours(1), now.AddHours(2));
                break;
            case "after the window":
                await MoveWindowAsync(session.Id, now.AddHours(-2), now.AddMinutes(-1));
                break;
            case "no acceptable slot":
                request.SlotIds.Clear();
                code = StatusCode.InvalidArgument;
                break;
            case "a slot of another session":
                request.SlotIds.Add(otherSlots[0]);
                code = StatusCode.InvalidArgument;
                break;
            case "second request from the phone":
                await RequestAsync(NewRequest(session.Id, [slots[1]], request.Phone));
                break;
            default:
                await MoveWindowAsync(session.Id, session.BookingOpensAt, null);
                break;
        }

        var before = await BookingsOfAsync(session.Id);
        var exception = await RpcAssert.FailsAsync(code, () => RequestAsync(request));

        Assert.Equal(before, await BookingsOfAsync(session.Id));
        if (code == StatusCode.InvalidArgument)
        {
            Assert.Equal(["slot_ids"], RpcAssert.ViolatedFields(exception));
        }
        else
        {
            Assert.Contains(bad switch
            {
                "second request from the phone" => "already asked",
                "first come first served session" => "first come, first served",
                _ => "outside that window",
            }, exception.Status.Detail, StringComparison.Ordinal);
        }

        Assert.Equal(0, await BookingsOfAsync(other.Id));
    }

    [Fact]
    public async Task CreateBookingAndHoldSlot_OnALotterySessionBeforeItsDraw_RefusedAndNothingStored()
    {
        var (session, slots) = await InsertLotterySessionAsync(slotCount: 1, capacity: 2);

        var booking = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => RequestBookingAsync(slots[0]));
        var hold = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition,
            () => Host.CallAsync<HoldSlotRequest, HoldSlotResponse>(Bookings, "HoldSlot", new() { SlotId = slots[0] }, role: null));
        await MoveWindowAsync(session.Id, session.BookingOpensAt, TimeProvider.System.GetUtcNow().AddMinutes(-1));
        var awaitingDraw = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => RequestBookingAsync(slots[0]));

        Assert.Contains("drawn by lottery", booking.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("drawn by lottery", hold.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("being drawn", awaitingDraw.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await BookingsOfAsync(session.Id));
    }

    [Fact]
    public async Task CancelRequest_ThroughTheManageLink_LeavesTheDraw()
    {
        var (session, slots) = await InsertLotterySessionAsync(slotCount: 1, capacity: 1);
        var request = await RequestAsync(NewRequest(session.Id, [slots[0]]));

        var cancelled = await Host.CallAsync<CancelBookingRequest, CancelBookingResponse>(Bookings, "CancelBooking",
            new() { Reference = request.Booking.Reference, ManageToken = request.ManageToken }, role: null);
        await RunAsync(new FakeTimeProvider(session.RequestWindowClosesAt!.Value.AddMinutes(1)));

        Assert.Equal(BookingStatus.Cancelled, cancelled.Booking.Status);
        Assert.Equal(BookingStatus.Cancelled, (await GetAsync(request)).Status);
        Assert.Equal(0, (await GetAsync(request)).Slot.Booked);
    }

    [Fact]
    public async Task Waitlist_AfterTheDraw_LosersAreOfferedOnlyTheirTimesAndInTheDrawsOrderNotTheOrderTheyAsked()
    {
        var drawn = await DrawWithTwoLosersDrawnAgainstArrivalAsync();

        // The third time is free, but no loser said they could make it.
        var offeredBefore = await OfferFreedSeatsAsync(drawn.Clock);
        var winner = drawn.Requests[drawn.FirstTimeWinner];
        await Host.CallAsync<CancelBookingRequest, CancelBookingResponse>(Bookings, "CancelBooking",
            new() { Reference = winner.Booking.Reference, ManageToken = winner.ManageToken }, role: null);
        var offeredAfter = await OfferFreedSeatsAsync(drawn.Clock);

        Assert.Equal(0, offeredBefore);
        Assert.Equal(1, offeredAfter);
        var first = await GetAsync(drawn.Requests[drawn.LosersInTurn[0]]);
        Assert.Equal((BookingStatus.Offered, drawn.Slots[0]), (first.Status, first.Slot.Id));
        Assert.Equal(BookingStatus.Waitlisted, (await GetAsync(drawn.Requests[drawn.LosersInTurn[1]])).Status);
        Assert.Equal(BookingStatus.Booked, (await GetAsync(drawn.Requests[drawn.SecondTimeWinner])).Status);
    }

    [Fact]
    public async Task Waitlist_ALoserWhoBookedAnotherCallThatMonth_IsPassedOverForTheNext()
    {
        var drawn = await DrawWithTwoLosersDrawnAgainstArrivalAsync();
        var passedOver = drawn.Requests[drawn.LosersInTurn[0]];
        // Meanwhile the first loser in turn booked a call with the department that month (here: took over the other winner's).
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
            var phone = await db.Bookings.Where(b => b.Reference == passedOver.Booking.Reference).Select(b => b.Phone).SingleAsync(TestContext.Current.CancellationToken);
            await db.Bookings.Where(b => b.Reference == drawn.Requests[drawn.SecondTimeWinner].Booking.Reference)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Phone, phone), TestContext.Current.CancellationToken);
        }

        var winner = drawn.Requests[drawn.FirstTimeWinner];
        await Host.CallAsync<CancelBookingRequest, CancelBookingResponse>(Bookings, "CancelBooking",
            new() { Reference = winner.Booking.Reference, ManageToken = winner.ManageToken }, role: null);
        var offered = await OfferFreedSeatsAsync(drawn.Clock);

        Assert.Equal(1, offered);
        Assert.Equal(BookingStatus.Waitlisted, (await GetAsync(passedOver)).Status);
        Assert.Equal(BookingStatus.Offered, (await GetAsync(drawn.Requests[drawn.LosersInTurn[1]])).Status);
    }

    /// <summary>
    /// A lottery session with three times of one seat: three requests for the first time, one for the second, none for
    /// the third; drawn with a seed (found here) that puts the two losers in the opposite order of their requests.
    /// </summary>
    private async Task<DrawnSession> DrawWithTwoLosersDrawnAgainstArrivalAsync()
    {
        var (session, slots) = await InsertLotterySessionAsync(slotCount: 3, capacity: 1);
        var requests = new List<RequestSessionResponse>();
        foreach (var wanted in new[] { slots[0], slots[0], slots[0], slots[1] })
        {
            requests.Add(await RequestAsync(NewRequest(session.Id, [wanted])));
        }

        string[] ids;
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var references = requests.Select(r => r.Booking.Reference).ToList();
            var stored = await scope.ServiceProvider.GetRequiredService<HotlineDbContext>().Bookings.AsNoTracking()
                .Where(b => references.Contains(b.Reference)).ToDictionaryAsync(b => b.Reference, b => b.Id, TestContext.Current.CancellationToken);
            ids = references.Select(r => stored[r]).ToArray();
        }

        var entries = ids.Select((id, i) => new LotteryEntry(id, "phone-" + i, [i < 3 ? slots[0] : slots[1]])).ToList();
        var seats = slots.ToDictionary(s => s, _ => 1);
        var seed = Enumerable.Range(1, 1000).Select(s => (ulong)s).First(s =>
        {
            var lost = LotteryDraw.Draw(s, entries, seats, _ => 1).Lost;
            return lost.Count == 2 && Array.IndexOf(ids, lost[0]) > Array.IndexOf(ids, lost[1]);
        });
        var outcome = LotteryDraw.Draw(seed, entries, seats, _ => 1);
        var clock = new FakeTimeProvider(session.RequestWindowClosesAt!.Value.AddMinutes(1));
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var outbox = ActivatorUtilities.CreateInstance<NotificationOutbox>(scope.ServiceProvider, clock);
            var job = ActivatorUtilities.CreateInstance<LotteryDrawJob>(scope.ServiceProvider, outbox, clock, new FixedSeed(seed));
            // Other tests' lottery sessions in this database may be due at the same fake time and are drawn too;
            // this session's outcome is what the caller checks (its seed is fixed, so the other draws do not change it).
            Assert.InRange(await job.DrawDueAsync(TestContext.Current.CancellationToken), 1, int.MaxValue);
        }

        return new DrawnSession(slots, requests, clock,
            Array.IndexOf(ids, outcome.Won.Single(w => w.Value == slots[0]).Key), 3, outcome.Lost.Select(id => Array.IndexOf(ids, id)).ToList());
    }

    /// <summary>A drawn session: its slots, the requests in the order sent, a clock after the draw, and indexes into the requests.</summary>
    private sealed record DrawnSession(
        IReadOnlyList<string> Slots, IReadOnlyList<RequestSessionResponse> Requests, FakeTimeProvider Clock, int FirstTimeWinner, int SecondTimeWinner, IReadOnlyList<int> LosersInTurn);

    private sealed class FixedSeed(ulong seed) : IDrawSeedSource
    {
        public ulong NextSeed() => seed;
    }

    private async Task<int> OfferFreedSeatsAsync(TimeProvider clock)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var outbox = ActivatorUtilities.CreateInstance<NotificationOutbox>(scope.ServiceProvider, clock);
        return await ActivatorUtilities.CreateInstance<WaitlistJob>(scope.ServiceProvider, outbox, clock).OfferFreedSeatsAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void LotteryDrawJob_DeclaredAsARecurringJobEveryMinute()
    {
        var declaration = Assert.Single(Host.Services.GetServices<RecurringJobDeclaration>(), d => d.Id == LotteryDrawJob.JobId);

        Assert.Equal(typeof(LotteryDrawJob), declaration.JobType);
        Assert.Equal("* * * * *", declaration.Cron);
    }

    /// <summary>Through Hangfire itself: each trigger runs the job once, and a second trigger draws nothing again.</summary>
    [Fact]
    public async Task LotteryDrawJob_TriggeredTwiceThroughHangfire_DrawsOnce()
    {
        var (session, slots) = await InsertLotterySessionAsync(slotCount: 1, capacity: 1);
        var requests = new[] { await RequestAsync(NewRequest(session.Id, [slots[0]])), await RequestAsync(NewRequest(session.Id, [slots[0]])) };
        await MoveWindowAsync(session.Id, session.BookingOpensAt, TimeProvider.System.GetUtcNow().AddSeconds(-1));
        var manager = Assert.IsAssignableFrom<IRecurringJobManagerV2>(Host.Services.GetRequiredService<IRecurringJobManager>());
        var storage = Host.Services.GetRequiredService<JobStorage>();

        await HangfireJobs.SucceededAsync(storage, manager.TriggerJob(LotteryDrawJob.JobId));
        var firstSeed = await SeedOfAsync(session.Id);
        await HangfireJobs.SucceededAsync(storage, manager.TriggerJob(LotteryDrawJob.JobId));

        var after = await Task.WhenAll(requests.Select(GetAsync));
        Assert.NotNull(firstSeed);
        Assert.Equal(firstSeed, await SeedOfAsync(session.Id));
        Assert.Equal([BookingStatus.Booked, BookingStatus.Waitlisted], after.Select(b => b.Status).Order());
        Assert.Equal(1, after.Single(b => b.Status == BookingStatus.Booked).Slot.Booked);
        foreach (var booking in after)
        {
            Assert.Equal(4, (await OutboxAsync(booking.Reference)).Count);
        }
    }

    internal static RequestSessionRequest NewRequest(string sessionId, IEnumerable<string> slotIds, string? phone = null)
    {
        var booking = BookingTests.NewBooking("unused", phone);
        var request = new RequestSessionRequest
        {
            SessionId = sessionId, Name = booking.Name, Phone = booking.Phone, Email = booking.Email, TopicKind = booking.TopicKind,
            Description = booking.Description, Language = booking.Language, Needs = booking.Needs, Consent = true, IdempotencyKey = booking.IdempotencyKey,
        };
        request.SlotIds.AddRange(slotIds);
        return request;
    }

    /// <summary>A lottery session of a new department whose request window is open now (opened an hour ago, closes in an hour).</summary>
    private async Task<(Session Session, IReadOnlyList<string> Slots)> InsertLotterySessionAsync(int slotCount, int capacity)
    {
        var departmentId = (await HotlineData.CreateDepartmentAsync(Host)).Id;
        var slotId = await HotlineData.InsertSessionAsync(Host, Whole(TimeProvider.System.GetUtcNow().AddDays(5)), Whole(TimeProvider.System.GetUtcNow().AddHours(-1)),
            Whole(TimeProvider.System.GetUtcNow().AddDays(4)), departmentId: departmentId);
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var first = await db.Slots.SingleAsync(s => s.Id == slotId, TestContext.Current.CancellationToken);
        db.Slots.Remove(first);
        for (var i = 0; i < slotCount; i++)
        {
            db.Slots.Add(new Slot
            {
                Id = Guid.NewGuid().ToString(), SessionId = first.SessionId, StartsAt = first.StartsAt.AddMinutes(10 * i), EndsAt = first.StartsAt.AddMinutes(10 * (i + 1)), Capacity = capacity,
            });
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        await db.Sessions.Where(s => s.Id == first.SessionId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RequestWindowClosesAt, (DateTimeOffset?)Whole(TimeProvider.System.GetUtcNow().AddHours(1))), TestContext.Current.CancellationToken);
        var session = await db.Sessions.AsNoTracking().Include(s => s.Slots).SingleAsync(s => s.Id == first.SessionId, TestContext.Current.CancellationToken);
        return (session, session.Slots.OrderBy(s => s.StartsAt).Select(s => s.Id).ToList());
    }

    private async Task MoveWindowAsync(string sessionId, DateTimeOffset opensAt, DateTimeOffset? closesAt)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        DateTimeOffset? closes = closesAt is { } value ? Whole(value) : null;
        await db.Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(
            s => s.SetProperty(x => x.BookingOpensAt, Whole(opensAt)).SetProperty(x => x.RequestWindowClosesAt, closes),
            TestContext.Current.CancellationToken);
    }

    private Task<RequestSessionResponse> RequestAsync(RequestSessionRequest request) =>
        Host.CallAsync<RequestSessionRequest, RequestSessionResponse>(Bookings, "RequestSession", request, role: null);

    private Task<CreateBookingResponse> RequestBookingAsync(string slotId) =>
        Host.CallAsync<CreateBookingRequest, CreateBookingResponse>(Bookings, "CreateBooking", BookingTests.NewBooking(slotId), role: null);

    private async Task<Booking> GetAsync(RequestSessionResponse request) =>
        (await Host.CallAsync<GetBookingRequest, GetBookingResponse>(Bookings, "GetBooking",
            new() { Reference = request.Booking.Reference, ManageToken = request.ManageToken }, role: null)).Booking;

    private async Task<int> RunAsync(TimeProvider clock)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var outbox = ActivatorUtilities.CreateInstance<NotificationOutbox>(scope.ServiceProvider, clock);
        var job = ActivatorUtilities.CreateInstance<LotteryDrawJob>(scope.ServiceProvider, outbox, clock);
        return await job.DrawDueAsync(TestContext.Current.CancellationToken);
    }

    private async Task<int> BookingsOfAsync(string sessionId)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        return await db.Bookings.CountAsync(b => b.SessionId == sessionId, TestContext.Current.CancellationToken)
            + await db.RequestedSlots.CountAsync(r => db.Slots.Any(s => s.Id == r.SlotId && s.SessionId == sessionId), TestContext.Current.CancellationToken);
    }

    private async Task<long?> SeedOfAsync(string sessionId)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        return await db.Sessions.Where(s => s.Id == sessionId).Select(s => s.DrawSeed).SingleAsync(TestContext.Current.CancellationToken);
    }

    private async Task<List<OutboxMessage>> OutboxAsync(string reference)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var id = await db.Bookings.Where(b => b.Reference == reference).Select(b => b.Id).SingleAsync(TestContext.Current.CancellationToken);
        return await db.Notifications.Where(n => n.AboutId == id).ToListAsync(TestContext.Current.CancellationToken);
    }

    private static DateTimeOffset Whole(DateTimeOffset instant) => instant.AddTicks(-(instant.Ticks % TimeSpan.TicksPerSecond));
}
