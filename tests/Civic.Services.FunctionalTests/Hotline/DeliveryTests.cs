using System.Globalization;
using Civic.Contracts.Hotline.V1;
using Civic.Defaults.Services;
using Civic.Hosting.Notifications;
using Civic.Hotline;
using Civic.Services.FunctionalTests.Infrastructure;
using DepartmentGrpcService = Civic.Hotline.Departments.DepartmentGrpcService;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Civic.Services.FunctionalTests.Hotline;

/// <summary>
/// The Hotline with a real delivery channel configured (<see cref="DeliverySettings"/>), one host per test: a
/// booking puts its confirmation into the outbox, and the delivery job hands it to the channel.
/// </summary>
public abstract class DeliveryTests : IAsyncLifetime
{
    protected const string PublicBaseUrl = "https://borger.example.dk";
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Bookings = BookingsReflection.Descriptor.Services[0];

    private readonly SqliteBackend _storage = new();
    private ServiceHost<DepartmentGrpcService>? _host;

    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private ServiceHost<DepartmentGrpcService> Host => _host ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>"Hotline:Notifications:…" settings that point the channel under test at its real server.</summary>
    protected abstract IReadOnlyDictionary<string, string> DeliverySettings { get; }

    /// <summary>Starts what the channel talks to, when it must run before the host reads <see cref="DeliverySettings"/>.</summary>
    protected virtual Task StartChannelAsync() => Task.CompletedTask;

    public async ValueTask InitializeAsync()
    {
        await StartChannelAsync();
        var settings = new Dictionary<string, string>(_storage.Settings(CivicServices.Hotline.Name))
        {
            ["Hotline:Notifications:PublicBaseUrl"] = PublicBaseUrl,
        };
        foreach (var (key, value) in DeliverySettings)
        {
            settings[key] = value;
        }

        _host = new ServiceHost<DepartmentGrpcService>(settings);
    }

    public virtual async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await _storage.DisposeAsync();
    }

    protected async Task<CreateBookingResponse> BookAsync()
    {
        var department = await HotlineData.CreateDepartmentAsync(Host);
        var now = TimeProvider.System.GetUtcNow();
        // On a whole minute, as real slots are: iCalendar times have no fractions of a second.
        var startsAt = now.AddDays(3).AddTicks(-(now.Ticks % TimeSpan.TicksPerMinute));
        var slotId = await HotlineData.InsertSessionAsync(Host, startsAt, now.AddDays(-1), now.AddDays(2), departmentId: department.Id);
        return await Host.CallAsync<CreateBookingRequest, CreateBookingResponse>(Bookings, "CreateBooking", BookingTests.NewBooking(slotId), role: null);
    }

    /// <summary>One run of the recurring job hotline:deliver-notifications, as Hangfire runs it: in a scope of its own.</summary>
    protected async Task RunDeliveryJobAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxDispatcher<HotlineDbContext>>().RunAsync(Cancellation);
    }

    /// <summary>The job's dispatcher with the host's sender and settings, on <paramref name="clock"/>.</summary>
    protected async Task DispatchAsync(TimeProvider clock)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var dispatcher = new OutboxDispatcher<HotlineDbContext>(
            services.GetRequiredService<HotlineDbContext>(), services.GetRequiredService<IMessageSender>(), services.GetRequiredService<MessageBodies>(),
            services.GetRequiredService<IOptions<NotificationOptions>>(), clock, NullLogger<OutboxDispatcher<HotlineDbContext>>.Instance);
        await dispatcher.DeliverAsync(Cancellation);
    }

    protected async Task<List<OutboxMessage>> OutboxOfAsync(string reference)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var bookingId = await db.Bookings.Where(b => b.Reference == reference).Select(b => b.Id).SingleAsync(Cancellation);
        return await db.Notifications.AsNoTracking().Where(n => n.AboutId == bookingId).ToListAsync(Cancellation);
    }

    protected static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
