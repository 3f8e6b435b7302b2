using Civic.Contracts.Hotline.V1;
using Civic.Defaults.Services;
using Civic.Hotline;
using Civic.Hotline.Holds;
using Civic.Services.FunctionalTests.Infrastructure;
using Civic.Testing;
using DepartmentGrpcService = Civic.Hotline.Departments.DepartmentGrpcService;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Civic.Services.FunctionalTests.Hotline;

/// <summary>The Hotline on SQLite with its seat holds in the shared test Redis (CIVIC_TEST_REDIS).</summary>
public sealed class HotlineWithRedis() : ServiceFixture<DepartmentGrpcService>(CivicServices.Hotline.Name, Backend.Sqlite)
{
    public const string Variable = "CIVIC_TEST_REDIS";

    public static string? Endpoint => Environment.GetEnvironmentVariable(Variable);

    /// <summary>Skips (locally) or fails (CI) when no test Redis is set.</summary>
    public static string RequireRedis()
    {
        if (string.IsNullOrWhiteSpace(Endpoint))
        {
            ExternalTool.Unavailable($"{Variable} is not set (host:port of a redis-server for tests, e.g. 127.0.0.1:6390).");
        }

        return Endpoint!;
    }

    // Without the variable the host still starts (its tests then skip or fail in RequireRedis).
    protected override IReadOnlyDictionary<string, string> HostSettings(StorageBackend storage) =>
        new Dictionary<string, string>(base.HostSettings(storage))
        {
            ["ConnectionStrings:Redis"] = $"{(string.IsNullOrWhiteSpace(Endpoint) ? "127.0.0.1:1" : Endpoint)},connectTimeout=2000",
            ["Hotline:Holds:RedisKeyPrefix"] = $"civic-test:hotline:holds:{Guid.NewGuid():N}",
        };
}

public sealed class HoldTestsOnSqlite(HotlineOnSqlite fixture) : HoldTests(fixture), IClassFixture<HotlineOnSqlite>;

public sealed class HoldTestsOnPostgres(HotlineOnPostgres fixture) : HoldTests(fixture), IClassFixture<HotlineOnPostgres>;

public sealed class HoldTestsWithRedis(HotlineWithRedis fixture) : HoldTests(fixture), IClassFixture<HotlineWithRedis>
{
    protected override bool UsesRedis => true;

    [Fact]
    public async Task HoldSlot_WithRedisConfigured_TheHoldLivesInRedisWithAnExpiry()
    {
        var slot = (await HotlineData.OpenSessionAsync(Host, lines: 2)).Slots[0];

        var hold = await HoldAsync(slot.Id);

        var prefix = Host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HoldOptions>>().Value.RedisKeyPrefix;
        var redis = Host.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var expires = await redis.SortedSetScoreAsync($"{prefix}:{slot.Id}", hold.HoldId);
        Assert.Equal(hold.ExpiresAt.ToDateTimeOffset().ToUnixTimeMilliseconds(), expires);
        Assert.NotNull(await redis.KeyTimeToLiveAsync($"{prefix}:{slot.Id}"));
        Assert.IsType<RedisSlotHoldStore>(Host.Services.GetRequiredService<ISlotHoldStore>());
    }
}

public abstract class HoldTests(ServiceFixture<DepartmentGrpcService> fixture) : IAsyncDisposable
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Bookings = BookingsReflection.Descriptor.Services[0];
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Schedules = SchedulesReflection.Descriptor.Services[0];

    protected virtual bool UsesRedis => false;

    protected ServiceHost<DepartmentGrpcService> Host
    {
        get
        {
            if (UsesRedis)
            {
                HotlineWithRedis.RequireRedis();
            }

            return fixture.Host;
        }
    }

    [Fact]
    public async Task HoldSlot_LastSeat_NotOfferedToOthersAndTheHolderBooksIt()
    {
        var session = await HotlineData.OpenSessionAsync(Host, lines: 1);
        var slot = session.Slots[0];

        var hold = await HoldAsync(slot.Id);
        var listed = await ListedSlotAsync(session.DepartmentId, slot.Id);
        var otherHold = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => HoldAsync(slot.Id));
        var otherBooking = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => BookAsync(BookingTests.NewBooking(slot.Id)));
        var booked = await BookAsync(WithHold(BookingTests.NewBooking(slot.Id), hold.HoldId));
        var after = await ListedSlotAsync(session.DepartmentId, slot.Id);

        Assert.True(hold.ExpiresAt.ToDateTimeOffset() > TimeProvider.System.GetUtcNow().AddMinutes(9));
        Assert.Equal((1, 0, 1), (listed.Capacity, listed.Booked, listed.Held));
        Assert.Contains("held", otherHold.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("held", otherBooking.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(slot.Id, booked.Booking.Slot.Id);
        Assert.Equal((1, 0), (after.Booked, after.Held));
        Assert.Equal(1, await BookingCountAsync(slot.Id));
    }

    [Fact]
    public async Task HoldSlot_TwentyAtOnceOnThreeSeats_ExactlyThreeHolds()
    {
        var session = await HotlineData.OpenSessionAsync(Host, lines: 3);
        var slot = session.Slots[0];

        var attempts = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            try
            {
                await HoldAsync(slot.Id);
                return StatusCode.OK;
            }
            catch (RpcException exception)
            {
                return exception.StatusCode;
            }
        }));

        Assert.Equal(3, attempts.Count(s => s == StatusCode.OK));
        Assert.All(attempts.Where(s => s != StatusCode.OK), s => Assert.Equal(StatusCode.FailedPrecondition, s));
        Assert.Equal(3, (await ListedSlotAsync(session.DepartmentId, slot.Id)).Held);
    }

    [Fact]
    public async Task HoldSlot_SeatsAlreadyBooked_OnlyTheFreeOnesCanBeHeld()
    {
        var session = await HotlineData.OpenSessionAsync(Host, lines: 2);
        var slot = session.Slots[0];
        await BookAsync(BookingTests.NewBooking(slot.Id));

        await HoldAsync(slot.Id);

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => HoldAsync(slot.Id));
    }

    [Fact]
    public async Task CreateBooking_UnknownHoldIdWhileASeatIsFree_BooksThatSeat()
    {
        var slot = (await HotlineData.OpenSessionAsync(Host, lines: 2)).Slots[0];
        await HoldAsync(slot.Id);

        var booked = await BookAsync(WithHold(BookingTests.NewBooking(slot.Id), "not-a-hold"));

        Assert.Equal(slot.Id, booked.Booking.Slot.Id);
        Assert.Equal(1, await BookingCountAsync(slot.Id));
    }

    [Fact]
    public async Task RescheduleBooking_IntoASlotWhoseLastSeatIsHeld_FailedPreconditionAndTheBookingStays()
    {
        var session = await HotlineData.OpenSessionAsync(Host, lines: 1);
        var booking = await BookAsync(BookingTests.NewBooking(session.Slots[0].Id));
        await HoldAsync(session.Slots[1].Id);

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Host.CallAsync<RescheduleBookingRequest, RescheduleBookingResponse>(Bookings, "RescheduleBooking",
            new() { Reference = booking.Booking.Reference, ManageToken = booking.ManageToken, SlotId = session.Slots[1].Id }, role: null));

        Assert.Equal(1, await BookingCountAsync(session.Slots[0].Id));
        Assert.Equal(0, await BookingCountAsync(session.Slots[1].Id));
    }

    public static TheoryData<string> UnholdableSlots => new() { "past", "closed", "not yet open", "cancelled" };

    [Theory]
    [MemberData(nameof(UnholdableSlots))]
    public async Task HoldSlot_UnbookableSession_FailedPreconditionAndNothingHeld(string kind)
    {
        var now = TimeProvider.System.GetUtcNow();
        var slotId = kind switch
        {
            "past" => await HotlineData.InsertSessionAsync(Host, now.AddHours(-1), now.AddDays(-10), now.AddHours(-3)),
            "closed" => await HotlineData.InsertSessionAsync(Host, now.AddHours(1), now.AddDays(-10), now.AddMinutes(-1)),
            "not yet open" => await HotlineData.InsertSessionAsync(Host, now.AddDays(20), now.AddDays(5), now.AddDays(19)),
            _ => await HotlineData.InsertSessionAsync(Host, now.AddDays(2), now.AddDays(-10), now.AddDays(1), cancelled: true),
        };

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => HoldAsync(slotId));

        Assert.Empty(await Host.Services.GetRequiredService<ISlotHoldStore>().CountAsync([slotId], now));
    }

    [Fact]
    public async Task HoldSlot_UnknownOrMissingSlot_NotFoundOrInvalidArgument()
    {
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => HoldAsync(Guid.NewGuid().ToString()));
        var missing = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => HoldAsync(" "));
        Assert.Equal(["slot_id"], RpcAssert.ViolatedFields(missing));
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (fixture.Storage is not null && (!UsesRedis || HotlineWithRedis.Endpoint is not null))
        {
            Assert.Empty(fixture.Host.ErrorLogs());
        }

        return ValueTask.CompletedTask;
    }

    protected Task<HoldSlotResponse> HoldAsync(string slotId) =>
        Host.CallAsync<HoldSlotRequest, HoldSlotResponse>(Bookings, "HoldSlot", new() { SlotId = slotId }, role: null);

    private Task<CreateBookingResponse> BookAsync(CreateBookingRequest request) =>
        Host.CallAsync<CreateBookingRequest, CreateBookingResponse>(Bookings, "CreateBooking", request, role: null);

    private static CreateBookingRequest WithHold(CreateBookingRequest request, string holdId)
    {
        request.HoldId = holdId;
        return request;
    }

    private async Task<Slot> ListedSlotAsync(string departmentId, string slotId) =>
        (await Host.CallAsync<ListSessionsRequest, ListSessionsResponse>(Schedules, "ListSessions", new() { DepartmentId = departmentId }, role: null))
        .Sessions.SelectMany(s => s.Slots).Single(s => s.Id == slotId);

    private async Task<int> BookingCountAsync(string slotId)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HotlineDbContext>().Bookings
            .CountAsync(b => b.SlotId == slotId && b.Status == Civic.Hotline.Bookings.BookingStatus.Booked, TestContext.Current.CancellationToken);
    }
}
