using Civic.Contracts.Hotline.V1;
using Civic.Defaults.Auth;
using Civic.Hotline;
using Civic.Hosting.Notifications;
using Civic.Hotline.Notifications;
using Civic.Hotline.Waitlist;
using Civic.Services.FunctionalTests.Infrastructure;
using DepartmentGrpcService = Civic.Hotline.Departments.DepartmentGrpcService;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using BookingStatus = Civic.Contracts.Hotline.V1.BookingStatus;

namespace Civic.Services.FunctionalTests.Hotline;

public sealed class WaitlistTestsOnSqlite(HotlineOnSqlite fixture) : WaitlistTests(fixture), IClassFixture<HotlineOnSqlite>;

public sealed class WaitlistTestsOnPostgres(HotlineOnPostgres fixture) : WaitlistTests(fixture), IClassFixture<HotlineOnPostgres>;

/// <summary>Session cancellation by the municipality with priority rebooking, and the waitlist with offers that lapse.</summary>
public abstract class WaitlistTests(ServiceFixture<DepartmentGrpcService> fixture) : ServiceTests<DepartmentGrpcService>(fixture)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Bookings = BookingsReflection.Descriptor.Services[0];
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Schedules = SchedulesReflection.Descriptor.Services[0];
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Departments = DepartmentsReflection.Descriptor.Services[0];

    [Fact]
    public async Task CancelSession_ByItsDirector_EveryCitizenToldAndRebooksWithPriority()
    {
        var session = await HotlineData.OpenSessionAsync(Host, lines: 2);
        var code = (await Host.CallAsync<GetDepartmentRequest, GetDepartmentResponse>(Departments, "GetDepartment", new() { Id = session.DepartmentId })).Department.Code;
        var first = await BookAsync(BookingTests.NewBooking(session.Slots[0].Id));
        var second = await BookAsync(BookingTests.NewBooking(session.Slots[1].Id));
        var now = TimeProvider.System.GetUtcNow();
        var later = await HotlineData.InsertSessionAsync(Host, now.AddDays(40), now.AddDays(20), now.AddDays(39), departmentId: session.DepartmentId);

        var response = await Host.CallWithTokenAsync<CancelSessionRequest, CancelSessionResponse>(Schedules, "CancelSession",
            new() { SessionId = session.Id, Reason = "Direktøren er syg" }, TestTokens.For(CivicRoles.Director, code));
        var again = await Host.CallAsync<CancelSessionRequest, CancelSessionResponse>(Schedules, "CancelSession", new() { SessionId = session.Id, Reason = "Igen" });
        var seen = await GetAsync(first);
        var notYetOpen = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => BookAsync(BookingTests.NewBooking(later)));
        var rebooked = await Host.CallAsync<RescheduleBookingRequest, RescheduleBookingResponse>(Bookings, "RescheduleBooking",
            new() { Reference = first.Booking.Reference, ManageToken = first.ManageToken, SlotId = later }, role: null);

        Assert.Equal(2, response.BookingsCancelled);
        Assert.True(response.Session.Cancelled);
        Assert.Equal("Direktøren er syg", response.Session.CancelReason);
        Assert.All(response.Session.Slots, s => Assert.Equal(0, s.Booked));
        Assert.Equal(0, again.BookingsCancelled);
        Assert.Equal(BookingStatus.Cancelled, seen.Status);
        Assert.Equal("Direktøren er syg", seen.SessionCancelReason);
        Assert.InRange(seen.RebookUntil.ToDateTimeOffset(), now.AddDays(13), now.AddDays(15));
        Assert.Contains("opens", notYetOpen.Status.Detail, StringComparison.Ordinal);
        Assert.Equal((BookingStatus.Booked, later), (rebooked.Booking.Status, rebooked.Booking.Slot.Id));
        Assert.Null(rebooked.Booking.RebookUntil);
        foreach (var booking in new[] { first, second })
        {
            var told = await OutboxAsync(booking.Booking.Reference, NotificationKind.SessionCancelled);
            Assert.Equal(2, told.Count); // SMS and e-mail
            Assert.All(told, n => Assert.Contains("Begrundelse: Direktøren er syg", n.Body, StringComparison.Ordinal));
            Assert.All(told, n => Assert.Contains("fortrinsret", n.Body, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task CancelSession_BadRequests_ClearStatusAndNothingChanged()
    {
        var session = await HotlineData.OpenSessionAsync(Host, lines: 2);
        var booking = await BookAsync(BookingTests.NewBooking(session.Slots[0].Id));
        var other = await HotlineData.CreateDepartmentAsync(Host);
        var now = TimeProvider.System.GetUtcNow();
        var begun = (await Host.CallAsync<ListSessionsRequest, ListSessionsResponse>(Schedules, "ListSessions", new() { DepartmentId = session.DepartmentId }, role: null)).Sessions;
        var begunSlot = await HotlineData.InsertSessionAsync(Host, now.AddMinutes(-5), now.AddDays(-10), now.AddHours(-3));

        var noReason = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => CancelAsync(session.Id, "  "));
        var longReason = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => CancelAsync(session.Id, new string('x', 501)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => CancelAsync(Guid.NewGuid().ToString(), "Syg"));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Host.CallWithTokenAsync<CancelSessionRequest, CancelSessionResponse>(Schedules, "CancelSession",
            new() { SessionId = session.Id, Reason = "Syg" }, TestTokens.For(CivicRoles.Director, other.Code)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Host.CallAsync<CancelSessionRequest, CancelSessionResponse>(Schedules, "CancelSession",
            new() { SessionId = session.Id, Reason = "Syg" }, role: CivicRoles.Citizen));
        var begunSession = await SessionOfSlotAsync(begunSlot);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => CancelAsync(begunSession, "Syg"));

        Assert.Equal(["reason"], RpcAssert.ViolatedFields(noReason));
        Assert.Equal(["reason"], RpcAssert.ViolatedFields(longReason));
        Assert.Equal(BookingStatus.Booked, (await GetAsync(booking)).Status);
        Assert.DoesNotContain(begun, s => s.Cancelled);
    }

    [Fact]
    public async Task Waitlist_SeatFreesOfferedToTheFirstWhoAcceptsThenTheNextOfferLapses()
    {
        var now = TimeProvider.System.GetUtcNow();
        var slotId = await HotlineData.InsertSessionAsync(Host, now.AddDays(2), now.AddDays(-1), now.AddDays(2).AddHours(-1));
        var sessionId = await SessionOfSlotAsync(slotId);
        var tooEarly = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => JoinAsync(sessionId));
        var booked = new[] { await BookAsync(BookingTests.NewBooking(slotId)), await BookAsync(BookingTests.NewBooking(slotId)) };
        var anna = await JoinAsync(sessionId);
        var bent = await JoinAsync(sessionId);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => JoinAsync(sessionId, anna.Booking.Phone));

        await CancelBookingAsync(booked[0]);
        await RunJobAsync(TimeProvider.System);
        var offered = await GetAsync(anna);
        var bentWaits = await GetAsync(bent);
        var seatTaken = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Host.CallAsync<HoldSlotRequest, HoldSlotResponse>(Bookings, "HoldSlot", new() { SlotId = slotId }, role: null));
        var accepted = await AcceptAsync(anna);
        var acceptedAgain = await AcceptAsync(anna);

        await CancelBookingAsync(booked[1]);
        await RunJobAsync(TimeProvider.System);
        var bentOffered = await GetAsync(bent);
        await RunJobAsync(new FakeTimeProvider(bentOffered.OfferExpiresAt.ToDateTimeOffset().AddSeconds(1)));
        var lapsed = await GetAsync(bent);
        var tooLate = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => AcceptAsync(bent));

        Assert.Contains("free time", tooEarly.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(BookingStatus.Waitlisted, anna.Booking.Status);
        Assert.Equal((BookingStatus.Offered, slotId), (offered.Status, offered.Slot.Id));
        Assert.InRange(offered.OfferExpiresAt.ToDateTimeOffset(), now.AddHours(1.9), now.AddHours(2.2));
        Assert.Equal(BookingStatus.Waitlisted, bentWaits.Status);
        Assert.Contains("booked or held", seatTaken.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(BookingStatus.Booked, accepted.Booking.Status);
        Assert.Equal(BookingStatus.Booked, acceptedAgain.Booking.Status);
        Assert.Equal(BookingStatus.Offered, bentOffered.Status);
        Assert.Equal(BookingStatus.Cancelled, lapsed.Status);
        Assert.Contains("no offer", tooLate.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(1, await BookedAsync(slotId));
        Assert.Single(await OutboxAsync(anna.Booking.Reference, NotificationKind.WaitlistOffer), n => n.Channel == MessageChannel.Sms);
        Assert.Single(await OutboxAsync(anna.Booking.Reference, NotificationKind.BookingConfirmed), n => n.Channel == MessageChannel.Sms);
        Assert.Single(await OutboxAsync(bent.Booking.Reference, NotificationKind.WaitlistOfferLapsed), n => n.Channel == MessageChannel.Sms);
    }

    [Fact]
    public async Task JoinWaitlist_BadInput_InvalidArgumentOrNotFoundAndNothingStored()
    {
        var request = new JoinWaitlistRequest
        {
            SessionId = Guid.NewGuid().ToString(), Name = "Anna", Phone = "12", TopicKind = TopicKind.Question, Description = "x", Consent = true,
            IdempotencyKey = Guid.NewGuid().ToString("N"),
        };

        var bad = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => Host.CallAsync<JoinWaitlistRequest, JoinWaitlistResponse>(Bookings, "JoinWaitlist", request, role: null));
        request.Phone = BookingTests.NewPhone();
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => Host.CallAsync<JoinWaitlistRequest, JoinWaitlistResponse>(Bookings, "JoinWaitlist", request, role: null));

        Assert.Equal(["phone"], RpcAssert.ViolatedFields(bad));
        await using var scope = Host.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<HotlineDbContext>().Bookings.AnyAsync(b => b.IdempotencyKey == request.IdempotencyKey, TestContext.Current.CancellationToken));
    }

    private Task<CreateBookingResponse> BookAsync(CreateBookingRequest request) =>
        Host.CallAsync<CreateBookingRequest, CreateBookingResponse>(Bookings, "CreateBooking", request, role: null);

    private Task<CancelSessionResponse> CancelAsync(string sessionId, string reason) =>
        Host.CallAsync<CancelSessionRequest, CancelSessionResponse>(Schedules, "CancelSession", new() { SessionId = sessionId, Reason = reason });

    private async Task<JoinWaitlistResponse> JoinAsync(string sessionId, string? phone = null)
    {
        var booking = BookingTests.NewBooking(string.Empty, phone);
        return await Host.CallAsync<JoinWaitlistRequest, JoinWaitlistResponse>(Bookings, "JoinWaitlist", new()
        {
            SessionId = sessionId, Name = booking.Name, Phone = booking.Phone, Email = booking.Email, TopicKind = booking.TopicKind,
            Description = booking.Description, Consent = true, IdempotencyKey = booking.IdempotencyKey,
        }, role: null);
    }

    private async Task<Booking> GetAsync(CreateBookingResponse booking) => await GetAsync(booking.Booking.Reference, booking.ManageToken);

    private async Task<Booking> GetAsync(JoinWaitlistResponse entry) => await GetAsync(entry.Booking.Reference, entry.ManageToken);

    private async Task<Booking> GetAsync(string reference, string token) =>
        (await Host.CallAsync<GetBookingRequest, GetBookingResponse>(Bookings, "GetBooking", new() { Reference = reference, ManageToken = token }, role: null)).Booking;

    private Task<AcceptWaitlistOfferResponse> AcceptAsync(JoinWaitlistResponse entry) =>
        Host.CallAsync<AcceptWaitlistOfferRequest, AcceptWaitlistOfferResponse>(Bookings, "AcceptWaitlistOffer", new() { Reference = entry.Booking.Reference, ManageToken = entry.ManageToken }, role: null);

    private Task<CancelBookingResponse> CancelBookingAsync(CreateBookingResponse booking) =>
        Host.CallAsync<CancelBookingRequest, CancelBookingResponse>(Bookings, "CancelBooking", new() { Reference = booking.Booking.Reference, ManageToken = booking.ManageToken }, role: null);

    private async Task RunJobAsync(TimeProvider clock)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var outbox = ActivatorUtilities.CreateInstance<NotificationOutbox>(scope.ServiceProvider, clock);
        await ActivatorUtilities.CreateInstance<WaitlistJob>(scope.ServiceProvider, outbox, clock).RunAsync(TestContext.Current.CancellationToken);
    }

    private async Task<string> SessionOfSlotAsync(string slotId)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HotlineDbContext>().Slots.Where(s => s.Id == slotId).Select(s => s.SessionId).SingleAsync(TestContext.Current.CancellationToken);
    }

    private async Task<int> BookedAsync(string slotId)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HotlineDbContext>().Slots.Where(s => s.Id == slotId).Select(s => s.Booked).SingleAsync(TestContext.Current.CancellationToken);
    }

    private async Task<List<OutboxMessage>> OutboxAsync(string reference, NotificationKind kind)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var id = await db.Bookings.Where(b => b.Reference == reference).Select(b => b.Id).SingleAsync(TestContext.Current.CancellationToken);
        var kindName = kind.ToString();
        return await db.Notifications.Where(n => n.AboutId == id && n.Kind == kindName).ToListAsync(TestContext.Current.CancellationToken);
    }
}
