using Civic.Contracts.Hotline.V1;
using Civic.Hotline;
using Civic.Hotline.Bookings;
using Civic.Services.FunctionalTests.Infrastructure;
using DepartmentGrpcService = Civic.Hotline.Departments.DepartmentGrpcService;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using BookingStatus = Civic.Contracts.Hotline.V1.BookingStatus;
using TopicKind = Civic.Contracts.Hotline.V1.TopicKind;

namespace Civic.Services.FunctionalTests.Hotline;

public sealed class BookingTestsOnSqlite(HotlineOnSqlite fixture) : BookingTests(fixture), IClassFixture<HotlineOnSqlite>;

public sealed class BookingTestsOnPostgres(HotlineOnPostgres fixture) : BookingTests(fixture), IClassFixture<HotlineOnPostgres>;

public abstract class BookingTests(ServiceFixture<DepartmentGrpcService> fixture) : ServiceTests<DepartmentGrpcService>(fixture)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Bookings = BookingsReflection.Descriptor.Services[0];
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Schedules = SchedulesReflection.Descriptor.Services[0];

    [Fact]
    public async Task CreateBooking_Valid_ReferenceTokenAndOneSeatTaken()
    {
        var slot = await OpenSlotAsync();

        var digits = NewPhone()[3..];
        var created = await BookAsync(NewBooking(slot.Id, phone: $"{digits[..2]} {digits[2..4]} {digits[4..6]} {digits[6..]}"));
        var viewed = (await CallAsync<GetBookingRequest, GetBookingResponse>("GetBooking", new() { Reference = created.Booking.Reference, ManageToken = created.ManageToken })).Booking;

        Assert.Matches("^DL-[2-9A-Z]{8}$", created.Booking.Reference);
        Assert.True(created.ManageToken.Length >= 40);
        Assert.False(created.Replayed);
        Assert.Equal(BookingStatus.Booked, viewed.Status);
        Assert.Equal("+45" + digits, viewed.Phone);
        Assert.Equal(1, viewed.Slot.Booked);
        await using var scope = Host.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<HotlineDbContext>().Bookings.SingleAsync(b => b.Reference == created.Booking.Reference, TestContext.Current.CancellationToken);
        Assert.NotEqual(created.ManageToken, stored.ManageTokenHash);
        Assert.DoesNotContain(created.ManageToken, stored.ManageTokenHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateBooking_HtmlInText_StoredAsTextUnchanged()
    {
        var slot = await OpenSlotAsync();
        const string Html = "<script>alert('x')</script><b>fed</b> & \"citat\"";
        var request = NewBooking(slot.Id);
        request.Description = Html;
        request.Name = "<i>Navn</i>";

        var created = await BookAsync(request);

        Assert.Equal(Html, created.Booking.Description);
        Assert.Equal("<i>Navn</i>", created.Booking.Name);
    }

    [Fact]
    public async Task CreateBooking_SameIdempotencyKeyTwiceAndConcurrently_OneBookingOneSeat()
    {
        var slot = await OpenSlotAsync(lines: 5);
        var request = NewBooking(slot.Id);

        var first = await BookAsync(request);
        var retries = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => BookAsync(request)));

        Assert.All(retries, r =>
        {
            Assert.True(r.Replayed);
            Assert.Equal(first.Booking.Reference, r.Booking.Reference);
            Assert.Equal(first.ManageToken, r.ManageToken);
        });
        Assert.Equal(1, await BookedAsync(slot.Id));
        Assert.Equal(1, await BookingCountAsync(slot.Id));
    }

    [Fact]
    public async Task CreateBooking_RetryAfterItTookTheLastSeat_ReplayedNotRefusedAsFull()
    {
        var slot = await OpenSlotAsync(lines: 1);
        var request = NewBooking(slot.Id);

        var first = await BookAsync(request);
        var retry = await BookAsync(request);
        var other = await Assert.ThrowsAsync<RpcException>(() => BookAsync(NewBooking(slot.Id)));

        Assert.True(retry.Replayed);
        Assert.Equal(first.Booking.Reference, retry.Booking.Reference);
        Assert.Equal(StatusCode.FailedPrecondition, other.StatusCode);
        Assert.Equal(1, await BookingCountAsync(slot.Id));
    }

    [Fact]
    public async Task CreateBooking_ConcurrentRushOnOneSlot_NeverMoreThanCapacity()
    {
        var slot = await OpenSlotAsync(lines: 3);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 24).Select(async _ =>
        {
            try
            {
                await BookAsync(NewBooking(slot.Id));
                return StatusCode.OK;
            }
            catch (RpcException exception)
            {
                return exception.StatusCode;
            }
        }));

        Assert.Equal(3, attempts.Count(s => s == StatusCode.OK));
        Assert.All(attempts.Where(s => s != StatusCode.OK), s => Assert.Equal(StatusCode.FailedPrecondition, s));
        Assert.Equal(3, await BookedAsync(slot.Id));
        Assert.Equal(3, await BookingCountAsync(slot.Id));
    }

    public static TheoryData<string, string> BadFields => new()
    {
        { "phone 12", "phone" },
        { "phone +999 1234", "phone" },
        { "phone letters", "phone" },
        { "empty description", "description" },
        { "10000-character description", "description" },
        { "no consent", "consent" },
        { "no topic kind", "topic_kind" },
        { "bad e-mail", "email" },
        { "e-mail without a dot", "email" },
        { "no idempotency key", "idempotency_key" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task CreateBooking_BadField_InvalidArgumentAndNothingStored(string bad, string field)
    {
        var slot = await OpenSlotAsync();
        var request = NewBooking(slot.Id);
        switch (bad)
        {
            case "phone 12": request.Phone = "12"; break;
            case "phone +999 1234": request.Phone = "+999 1234"; break;
            case "phone letters": request.Phone = "ring mig"; break;
            case "empty description": request.Description = "   "; break;
            case "10000-character description": request.Description = new string('a', 10_000); break;
            case "no consent": request.Consent = false; break;
            case "no topic kind": request.TopicKind = TopicKind.Unspecified; break;
            case "bad e-mail": request.Email = "ikke en adresse"; break;
            case "e-mail without a dot": request.Email = "mette@exampledk"; break;
            default: request.IdempotencyKey = string.Empty; break;
        }

        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => BookAsync(request));

        Assert.Equal([field], RpcAssert.ViolatedFields(exception));
        Assert.Equal(0, await BookedAsync(slot.Id));
        Assert.Equal(0, await BookingCountAsync(slot.Id));
    }

    public static TheoryData<string> UnbookableSessions => new() { "past", "closed", "not yet open", "cancelled" };

    [Theory]
    [MemberData(nameof(UnbookableSessions))]
    public async Task CreateBooking_UnbookableSession_FailedPreconditionAndNothingStored(string kind)
    {
        var now = TimeProvider.System.GetUtcNow();
        var slotId = kind switch
        {
            "past" => await InsertSessionAsync(now.AddHours(-1), now.AddDays(-10), now.AddHours(-3)),
            "closed" => await InsertSessionAsync(now.AddHours(1), now.AddDays(-10), now.AddMinutes(-1)),
            "not yet open" => await InsertSessionAsync(now.AddDays(20), now.AddDays(5), now.AddDays(19)),
            _ => await InsertSessionAsync(now.AddDays(2), now.AddDays(-10), now.AddDays(1), cancelled: true),
        };

        var exception = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => BookAsync(NewBooking(slotId)));

        Assert.False(string.IsNullOrWhiteSpace(exception.Status.Detail));
        Assert.Equal(0, await BookingCountAsync(slotId));
        Assert.Equal(0, await BookedAsync(slotId));
    }

    [Fact]
    public async Task CreateBooking_UnknownSlot_NotFound()
    {
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => BookAsync(NewBooking(Guid.NewGuid().ToString())));
    }

    [Fact]
    public async Task CreateBooking_SecondBookingSamePhoneSameDepartmentSameMonth_FailedPreconditionUntilTheFirstIsCancelled()
    {
        var slot = await OpenSlotAsync(lines: 3);
        var phone = NewPhone();
        var first = await BookAsync(NewBooking(slot.Id, phone));

        var exception = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => BookAsync(NewBooking(slot.Id, phone)));
        await CallAsync<CancelBookingRequest, CancelBookingResponse>("CancelBooking", new() { Reference = first.Booking.Reference, ManageToken = first.ManageToken });
        var again = await BookAsync(NewBooking(slot.Id, phone));

        Assert.Contains("phone number", exception.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(BookingStatus.Booked, again.Booking.Status);
        Assert.Equal(1, await BookedAsync(slot.Id));
    }

    [Fact]
    public async Task CreateBooking_FourthDepartmentSameMonth_OverTheMonthlyLimit()
    {
        var phone = NewPhone();
        var slots = new List<Contracts.Hotline.V1.Slot>();
        for (var i = 0; i < 4; i++)
        {
            slots.Add(await OpenSlotAsync());
        }

        for (var i = 0; i < 3; i++)
        {
            await BookAsync(NewBooking(slots[i].Id, phone));
        }

        var exception = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => BookAsync(NewBooking(slots[3].Id, phone)));

        Assert.Contains("3 bookings", exception.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await BookingCountAsync(slots[3].Id));
    }

    [Fact]
    public async Task CancelBooking_WithTheManageLink_CancelledSeatFreedAndRepeatChangesNothing()
    {
        var slot = await OpenSlotAsync();
        var created = await BookAsync(NewBooking(slot.Id));
        var request = new CancelBookingRequest { Reference = created.Booking.Reference.ToLowerInvariant(), ManageToken = created.ManageToken };

        var cancelled = (await CallAsync<CancelBookingRequest, CancelBookingResponse>("CancelBooking", request)).Booking;
        var again = (await CallAsync<CancelBookingRequest, CancelBookingResponse>("CancelBooking", request)).Booking;

        Assert.Equal(BookingStatus.Cancelled, cancelled.Status);
        Assert.Equal(BookingStatus.Cancelled, again.Status);
        Assert.Equal(0, await BookedAsync(slot.Id));
    }

    [Fact]
    public async Task ManageLink_WrongTokenOrAnotherBookingsToken_NotFoundAndNothingChanged()
    {
        var slot = await OpenSlotAsync(lines: 2);
        var mine = await BookAsync(NewBooking(slot.Id));
        var theirs = await BookAsync(NewBooking(slot.Id));

        foreach (var token in new[] { "forkert", theirs.ManageToken, mine.ManageToken[..^1] + (mine.ManageToken[^1] == 'A' ? 'B' : 'A') })
        {
            await RpcAssert.FailsAsync(StatusCode.NotFound, () =>
                CallAsync<CancelBookingRequest, CancelBookingResponse>("CancelBooking", new() { Reference = mine.Booking.Reference, ManageToken = token }));
            await RpcAssert.FailsAsync(StatusCode.NotFound, () =>
                CallAsync<GetBookingRequest, GetBookingResponse>("GetBooking", new() { Reference = mine.Booking.Reference, ManageToken = token }));
        }

        Assert.Equal(2, await BookedAsync(slot.Id));
    }

    [Fact]
    public async Task ManageLink_LongAfterTheCall_FailedPreconditionExpired()
    {
        var now = TimeProvider.System.GetUtcNow();
        var slotId = await InsertSessionAsync(now.AddDays(-40), now.AddDays(-60), now.AddDays(-41));
        var (reference, token) = await InsertBookingAsync(slotId, now.AddDays(-40));

        var exception = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () =>
            CallAsync<GetBookingRequest, GetBookingResponse>("GetBooking", new() { Reference = reference, ManageToken = token }));

        Assert.Contains("expired", exception.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RescheduleBooking_ToAFreeSlot_MovedAndSeatsFollow()
    {
        var session = await OpenSessionAsync();
        var slot = session.Slots[0];
        var target = session.Slots[^1];
        var created = await BookAsync(NewBooking(slot.Id));

        var moved = (await CallAsync<RescheduleBookingRequest, RescheduleBookingResponse>("RescheduleBooking",
            new() { Reference = created.Booking.Reference, ManageToken = created.ManageToken, SlotId = target.Id })).Booking;

        Assert.Equal(target.Id, moved.Slot.Id);
        Assert.Equal(0, await BookedAsync(slot.Id));
        Assert.Equal(1, await BookedAsync(target.Id));
    }

    [Fact]
    public async Task RescheduleBooking_ToAFullSlot_FailedPreconditionAndTheBookingStays()
    {
        var session = await OpenSessionAsync(lines: 1);
        var slot = session.Slots[0];
        var full = session.Slots[^1];
        await BookAsync(NewBooking(full.Id));
        var created = await BookAsync(NewBooking(slot.Id));

        var exception = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () =>
            CallAsync<RescheduleBookingRequest, RescheduleBookingResponse>("RescheduleBooking",
                new() { Reference = created.Booking.Reference, ManageToken = created.ManageToken, SlotId = full.Id }));
        var after = (await CallAsync<GetBookingRequest, GetBookingResponse>("GetBooking", new() { Reference = created.Booking.Reference, ManageToken = created.ManageToken })).Booking;

        Assert.Contains("full", exception.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(slot.Id, after.Slot.Id);
        Assert.Equal(1, await BookedAsync(slot.Id));
        Assert.Equal(1, await BookedAsync(full.Id));
    }

    private Task<CreateBookingResponse> BookAsync(CreateBookingRequest request) => CallAsync<CreateBookingRequest, CreateBookingResponse>("CreateBooking", request);

    private Task<TResponse> CallAsync<TRequest, TResponse>(string method, TRequest request)
        where TRequest : class, Google.Protobuf.IMessage<TRequest>, new()
        where TResponse : class, Google.Protobuf.IMessage<TResponse>, new() =>
        Host.CallAsync<TRequest, TResponse>(Bookings, method, request, role: null);

    private async Task<Contracts.Hotline.V1.Slot> OpenSlotAsync(int lines = 2) => (await OpenSessionAsync(lines)).Slots[0];

    private Task<Contracts.Hotline.V1.Session> OpenSessionAsync(int lines = 2) => HotlineData.OpenSessionAsync(Host, lines);

    private Task<string> InsertSessionAsync(DateTimeOffset startsAt, DateTimeOffset opensAt, DateTimeOffset closesAt, bool cancelled = false) =>
        HotlineData.InsertSessionAsync(Host, startsAt, opensAt, closesAt, cancelled);

    private Task<(string Reference, string Token)> InsertBookingAsync(string slotId, DateTimeOffset startsAt) => HotlineData.InsertBookingAsync(Host, slotId, startsAt);

    private async Task<int> BookedAsync(string slotId)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HotlineDbContext>().Slots.Where(s => s.Id == slotId).Select(s => s.Booked).SingleAsync(TestContext.Current.CancellationToken);
    }

    private async Task<int> BookingCountAsync(string slotId)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HotlineDbContext>().Bookings
            .CountAsync(b => b.SlotId == slotId && b.Status == Civic.Hotline.Bookings.BookingStatus.Booked, TestContext.Current.CancellationToken);
    }

    /// <summary>A random Danish mobile number that libphonenumber accepts (not every 2x range is allocated).</summary>
    internal static string NewPhone()
    {
        while (true)
        {
            var phone = $"+452{Random.Shared.Next(0, 10_000_000):0000000}";
            if (PhoneNumberNormaliser.Normalise(phone) == phone)
            {
                return phone;
            }
        }
    }

    internal static CreateBookingRequest NewBooking(string slotId, string? phone = null) => new()
    {
        SlotId = slotId,
        Name = "Mette Jensen",
        Phone = phone ?? NewPhone(),
        Email = "mette@example.dk",
        TopicKind = TopicKind.Idea,
        Description = "Bedre cykelparkering ved skolen",
        Language = Contracts.Common.V1.Language.Danish,
        Needs = "Tolk: arabisk",
        Consent = true,
        IdempotencyKey = Guid.NewGuid().ToString("N"),
    };
}
