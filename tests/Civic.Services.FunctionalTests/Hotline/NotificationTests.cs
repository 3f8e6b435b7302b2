using System.Collections.Concurrent;
using Civic.Contracts.Hotline.V1;
using Civic.Hotline;
using Civic.Hosting.Notifications;
using Civic.Hotline.Notifications;
using Civic.Services.FunctionalTests.Infrastructure;
using DepartmentGrpcService = Civic.Hotline.Departments.DepartmentGrpcService;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Civic.Services.FunctionalTests.Hotline;

public sealed class NotificationTestsOnSqlite(HotlineOnSqlite fixture) : NotificationTests(fixture), IClassFixture<HotlineOnSqlite>;

public sealed class NotificationTestsOnPostgres(HotlineOnPostgres fixture) : NotificationTests(fixture), IClassFixture<HotlineOnPostgres>;

public abstract class NotificationTests(ServiceFixture<DepartmentGrpcService> fixture) : ServiceTests<DepartmentGrpcService>(fixture)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Bookings = BookingsReflection.Descriptor.Services[0];
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Mailbox = NotificationsReflection.Descriptor.Services[0];

    [Fact]
    public async Task CreateBooking_WithEmail_SmsAndEmailWithCalendarInTheOutboxWithoutTheToken()
    {
        var created = await BookAsync();

        var messages = await OutboxOfAsync(created.Booking.Reference);

        Assert.Equal(["Email", "Sms"], messages.Select(m => m.Channel.ToString()).Order());
        Assert.All(messages, m => Assert.Equal(nameof(NotificationKind.BookingConfirmed), m.Kind));
        var email = messages.Single(m => m.Channel == MessageChannel.Email);
        Assert.Contains("BEGIN:VCALENDAR", email.Calendar, StringComparison.Ordinal);
        Assert.Contains("DTSTART", email.Calendar, StringComparison.Ordinal);
        Assert.All(messages, m => Assert.DoesNotContain(created.ManageToken, m.Body, StringComparison.Ordinal));
        Assert.All(messages, m => Assert.Contains(NotificationOutbox.ManageLinkPlaceholder, m.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateBooking_Refused_NoMessageInTheOutbox()
    {
        var slotId = (await BookAsync()).Booking.Slot.Id;
        var request = BookingTests.NewBooking(slotId);
        request.Consent = false;

        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => Host.CallAsync<CreateBookingRequest, CreateBookingResponse>(Bookings, "CreateBooking", request, role: null));

        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        Assert.False(await db.Notifications.AnyAsync(n => n.Recipient == request.Phone, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Dispatcher_TwoRunsAtOnceThenAgain_EveryMessageDeliveredExactlyOnceWithTheManageLink()
    {
        var created = await BookAsync();
        await Host.CallAsync<CancelBookingRequest, CancelBookingResponse>(Bookings, "CancelBooking", new() { Reference = created.Booking.Reference, ManageToken = created.ManageToken }, role: null);
        var sender = new CountingSender();

        await Task.WhenAll(DispatchAsync(sender, TimeProvider.System), DispatchAsync(sender, TimeProvider.System));
        await DispatchAsync(sender, TimeProvider.System);

        var mine = await OutboxOfAsync(created.Booking.Reference);
        Assert.Equal(4, mine.Count);
        Assert.All(mine, m =>
        {
            Assert.NotNull(m.SentAt);
            Assert.Equal(1, sender.Deliveries.GetValueOrDefault(m.Id));
        });
        var confirmation = sender.Bodies[mine.First(m => m.Kind == nameof(NotificationKind.BookingConfirmed)).Id];
        Assert.Contains($"/direktoerlinjen/booking/{created.Booking.Reference}?noegle={created.ManageToken}", confirmation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatcher_SenderFails_RetriedOnALaterRunNotBefore()
    {
        var created = await BookAsync();
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var failing = new CountingSender { Fail = true };

        await DispatchAsync(failing, clock);
        var afterFailure = await OutboxOfAsync(created.Booking.Reference);
        var working = new CountingSender();
        await DispatchAsync(working, clock);
        var tooEarly = working.Deliveries.Keys.Intersect(afterFailure.Select(m => m.Id)).Count();
        clock.Advance(TimeSpan.FromMinutes(10));
        await DispatchAsync(working, clock);
        var afterRetry = await OutboxOfAsync(created.Booking.Reference);

        Assert.All(afterFailure, m => Assert.Equal((1, "InvalidOperationException", (DateTimeOffset?)null), (m.Attempts, m.LastError, m.SentAt)));
        Assert.Equal(0, tooEarly);
        Assert.All(afterRetry, m => Assert.Equal(2, m.Attempts));
        Assert.All(afterRetry, m => Assert.NotNull(m.SentAt));
    }

    [Fact]
    public async Task ListMailbox_OutsideDevelopment_FailedPrecondition()
    {
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Host.CallAsync<ListMailboxRequest, ListMailboxResponse>(Mailbox, "ListMailbox", new(), role: null));
    }

    private async Task<CreateBookingResponse> BookAsync()
    {
        var department = await HotlineData.CreateDepartmentAsync(Host);
        var now = TimeProvider.System.GetUtcNow();
        var slotId = await HotlineData.InsertSessionAsync(Host, now.AddDays(3), now.AddDays(-1), now.AddDays(2), departmentId: department.Id);
        return await Host.CallAsync<CreateBookingRequest, CreateBookingResponse>(Bookings, "CreateBooking", BookingTests.NewBooking(slotId), role: null);
    }

    private async Task<int> DispatchAsync(IMessageSender sender, TimeProvider clock)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var dispatcher = new OutboxDispatcher<HotlineDbContext>(
            services.GetRequiredService<HotlineDbContext>(), sender, services.GetRequiredService<MessageBodies>(),
            Options.Create(new NotificationOptions()), clock, NullLogger<OutboxDispatcher<HotlineDbContext>>.Instance);
        return await dispatcher.DeliverAsync(TestContext.Current.CancellationToken);
    }

    private async Task<List<OutboxMessage>> OutboxOfAsync(string reference)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var bookingId = await db.Bookings.Where(b => b.Reference == reference).Select(b => b.Id).SingleAsync(TestContext.Current.CancellationToken);
        return await db.Notifications.AsNoTracking().Where(n => n.AboutId == bookingId).ToListAsync(TestContext.Current.CancellationToken);
    }

    private sealed class CountingSender : IMessageSender
    {
        public bool Fail { get; init; }

        public ConcurrentDictionary<string, int> Deliveries { get; } = new();

        public ConcurrentDictionary<string, string> Bodies { get; } = new();

        public Task SendAsync(OutboxMessage notification, string body, CancellationToken cancellationToken)
        {
            if (Fail)
            {
                throw new InvalidOperationException("The provider is down.");
            }

            Deliveries.AddOrUpdate(notification.Id, 1, (_, count) => count + 1);
            Bodies[notification.Id] = body;
            return Task.CompletedTask;
        }
    }
}
