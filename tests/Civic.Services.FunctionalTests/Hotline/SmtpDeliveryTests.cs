using System.Globalization;
using System.Text;
using Civic.Contracts.Hotline.V1;
using Civic.Defaults.Services;
using Civic.Hotline;
using Civic.Hotline.Bookings;
using Civic.Hotline.Notifications;
using Civic.Services.FunctionalTests.Infrastructure;
using DepartmentGrpcService = Civic.Hotline.Departments.DepartmentGrpcService;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Civic.Services.FunctionalTests.Hotline;

/// <summary>The Hotline with Hotline:Notifications:Smtp pointing at a real SMTP server (aiosmtpd), one per test.</summary>
public sealed class SmtpDeliveryTests : IAsyncLifetime
{
    private const string PublicBaseUrl = "https://borger.example.dk";
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Bookings = BookingsReflection.Descriptor.Services[0];

    private readonly SqliteBackend _storage = new();
    private readonly int _port = SmtpSink.FreePort();
    private ServiceHost<DepartmentGrpcService>? _host;

    private ServiceHost<DepartmentGrpcService> Host => _host ?? throw new InvalidOperationException("The host has not started.");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string>(_storage.Settings(CivicServices.Hotline.Name))
        {
            ["Hotline:Notifications:PublicBaseUrl"] = PublicBaseUrl,
            ["Hotline:Notifications:Smtp:Host"] = "127.0.0.1",
            ["Hotline:Notifications:Smtp:Port"] = _port.ToString(CultureInfo.InvariantCulture),
            ["Hotline:Notifications:Smtp:Tls"] = "None",
            ["Hotline:Notifications:Smtp:FromAddress"] = "direktoerlinjen@kommune.example.dk",
        };
        _host = new ServiceHost<DepartmentGrpcService>(settings);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task DeliveryJob_SmtpConfigured_ConfirmationArrivesOnceWithManageLinkAndCalendar()
    {
        await using var sink = await SmtpSink.StartAsync(_port, Cancellation);
        var created = await BookAsync();

        await RunDeliveryJobAsync();
        var afterFirstRun = sink.Messages();
        await RunDeliveryJobAsync();
        var afterSecondRun = sink.Messages();

        var message = Assert.Single(afterFirstRun);
        Assert.Single(afterSecondRun);
        Assert.Equal("mette@example.dk", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("mette@example.dk", message.Headers["X-RcptTo"]);
        Assert.Equal("direktoerlinjen@kommune.example.dk", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("Din tid på Direktørlinjen er booket", message.Subject);
        Assert.Contains($"{PublicBaseUrl}/direktoerlinjen/booking/{created.Booking.Reference}?noegle={created.ManageToken}", message.TextBody, StringComparison.Ordinal);
        var attachment = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal("text/calendar", attachment.ContentType.MimeType);
        var calendar = Ical.Net.Calendar.Load(Decode(attachment)) ?? throw new InvalidOperationException("The attachment is no calendar.");
        var appointment = Assert.Single(calendar.Events);
        Assert.Equal(created.Booking.Slot.StartsAt.ToDateTime(), appointment.DtStart?.AsUtc);
        Assert.All(await OutboxOfAsync(created.Booking.Reference), n => Assert.NotNull(n.SentAt));
    }

    [Fact]
    public async Task DeliveryJob_SmtpServerDown_EmailRetriedLaterAndArrivesOnce()
    {
        var created = await BookAsync();
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());

        await DispatchAsync(clock);
        var afterFailure = (await OutboxOfAsync(created.Booking.Reference)).Single(n => n.Channel == NotificationChannel.Email);
        await using var sink = await SmtpSink.StartAsync(_port, Cancellation);
        clock.Advance(TimeSpan.FromMinutes(10));
        await DispatchAsync(clock);
        await DispatchAsync(clock);
        var afterRetry = (await OutboxOfAsync(created.Booking.Reference)).Single(n => n.Channel == NotificationChannel.Email);

        Assert.Null(afterFailure.SentAt);
        Assert.Equal(1, afterFailure.Attempts);
        Assert.NotNull(afterFailure.LastError);
        Assert.Equal("mette@example.dk", Assert.Single(Assert.Single(sink.Messages()).To.Mailboxes).Address);
        Assert.NotNull(afterRetry.SentAt);
        Assert.Equal(2, afterRetry.Attempts);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await _storage.DisposeAsync();
    }

    private static string Decode(MimePart part)
    {
        using var content = new MemoryStream();
        (part.Content ?? throw new InvalidOperationException("The attachment is empty.")).DecodeTo(content);
        return Encoding.UTF8.GetString(content.ToArray());
    }

    private async Task<CreateBookingResponse> BookAsync()
    {
        var department = await HotlineData.CreateDepartmentAsync(Host);
        var now = TimeProvider.System.GetUtcNow();
        // On a whole minute, as real slots are: iCalendar times have no fractions of a second.
        var startsAt = now.AddDays(3).AddTicks(-(now.Ticks % TimeSpan.TicksPerMinute));
        var slotId = await HotlineData.InsertSessionAsync(Host, startsAt, now.AddDays(-1), now.AddDays(2), departmentId: department.Id);
        return await Host.CallAsync<CreateBookingRequest, CreateBookingResponse>(Bookings, "CreateBooking", BookingTests.NewBooking(slotId), role: null);
    }

    /// <summary>One run of the recurring job hotline:deliver-notifications, as Hangfire runs it: in a scope of its own.</summary>
    private async Task RunDeliveryJobAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().RunAsync(Cancellation);
    }

    /// <summary>The job's dispatcher with the host's sender and settings, on <paramref name="clock"/>.</summary>
    private async Task DispatchAsync(TimeProvider clock)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var dispatcher = new NotificationDispatcher(
            services.GetRequiredService<HotlineDbContext>(), services.GetRequiredService<INotificationSender>(), services.GetRequiredService<ManageTokens>(),
            services.GetRequiredService<IOptions<NotificationOptions>>(), clock, NullLogger<NotificationDispatcher>.Instance);
        await dispatcher.DeliverAsync(Cancellation);
    }

    private async Task<List<Notification>> OutboxOfAsync(string reference)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var bookingId = await db.Bookings.Where(b => b.Reference == reference).Select(b => b.Id).SingleAsync(Cancellation);
        return await db.Notifications.AsNoTracking().Where(n => n.BookingId == bookingId).ToListAsync(Cancellation);
    }
}
