using Civic.Contracts.Hotline.V1;
using Civic.Hosting.Jobs;
using Civic.Hotline;
using Civic.Hosting.Notifications;
using Civic.Hotline.Notifications;
using Civic.Hotline.Reminders;
using Civic.Services.FunctionalTests.Infrastructure;
using DepartmentGrpcService = Civic.Hotline.Departments.DepartmentGrpcService;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Civic.Services.FunctionalTests.Hotline;

public sealed class ReminderTestsOnSqlite(HotlineOnSqlite fixture) : ReminderTests(fixture), IClassFixture<HotlineOnSqlite>;

public sealed class ReminderTestsOnPostgres(HotlineOnPostgres fixture) : ReminderTests(fixture), IClassFixture<HotlineOnPostgres>;

public abstract class ReminderTests(ServiceFixture<DepartmentGrpcService> fixture) : ServiceTests<DepartmentGrpcService>(fixture)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Bookings = BookingsReflection.Descriptor.Services[0];

    [Fact]
    public async Task ReminderJob_FakeClockThroughTheDay_EachReminderOnceEvenWhenRunTwiceAtOnce()
    {
        // A call three days ahead, booked now; the clock then walks towards it.
        var start = Whole(TimeProvider.System.GetUtcNow().AddDays(3));
        var clock = new FakeTimeProvider(start.AddDays(-2));
        var slotId = await HotlineData.InsertSessionAsync(Host, start, start.AddDays(-10), start.AddHours(-1));
        var (reference, _) = await HotlineData.InsertBookingAsync(Host, slotId, start, createdAt: start.AddDays(-2));

        await RunTwiceAtOnceAsync(clock);
        var tooEarly = await RemindersOfAsync(reference);
        clock.Advance(TimeSpan.FromHours(25));
        await RunTwiceAtOnceAsync(clock);
        await RunTwiceAtOnceAsync(clock);
        var afterDay = await RemindersOfAsync(reference);
        clock.SetUtcNow(start.AddMinutes(-50));
        await RunTwiceAtOnceAsync(clock);
        await RunTwiceAtOnceAsync(clock);
        var afterHour = await RemindersOfAsync(reference);

        Assert.Empty(tooEarly);
        // SMS only: the inserted booking has no e-mail address.
        Assert.Equal(["Påmindelse: Direktørlinjen ringer i morgen"], afterDay.Select(n => n.Subject));
        Assert.Equal(["Påmindelse: Direktørlinjen ringer i morgen", "Påmindelse: Direktørlinjen ringer om lidt"], afterHour.Select(n => n.Subject));
        Assert.All(afterHour, n => Assert.Contains(NotificationOutbox.ManageLinkPlaceholder, n.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReminderJob_CancelledBooking_NoReminders()
    {
        var start = Whole(TimeProvider.System.GetUtcNow().AddDays(3));
        var slotId = await HotlineData.InsertSessionAsync(Host, start, start.AddDays(-10), start.AddHours(-1));
        var (reference, token) = await HotlineData.InsertBookingAsync(Host, slotId, start, createdAt: start.AddDays(-2));
        await Host.CallAsync<CancelBookingRequest, CancelBookingResponse>(Bookings, "CancelBooking", new() { Reference = reference, ManageToken = token }, role: null);

        await RunAsync(new FakeTimeProvider(start.AddHours(-23)));
        await RunAsync(new FakeTimeProvider(start.AddMinutes(-30)));

        Assert.Empty(await RemindersOfAsync(reference));
    }

    [Fact]
    public async Task ReminderJob_BookedAfterTheDayReminderMoment_OnlyTheHourReminder()
    {
        var start = Whole(TimeProvider.System.GetUtcNow().AddDays(3));
        var slotId = await HotlineData.InsertSessionAsync(Host, start, start.AddDays(-10), start.AddHours(-1));
        var (reference, _) = await HotlineData.InsertBookingAsync(Host, slotId, start, createdAt: start.AddHours(-5));

        await RunAsync(new FakeTimeProvider(start.AddHours(-4)));
        await RunAsync(new FakeTimeProvider(start.AddMinutes(-30)));

        Assert.Equal(["Påmindelse: Direktørlinjen ringer om lidt"], (await RemindersOfAsync(reference)).Select(n => n.Subject));
    }

    [Fact]
    public void ReminderJob_DeclaredAsARecurringJobEveryFiveMinutes()
    {
        var declaration = Assert.Single(Host.Services.GetServices<RecurringJobDeclaration>(), d => d.Id == ReminderJob.JobId);

        Assert.Equal(typeof(ReminderJob), declaration.JobType);
        Assert.Equal("*/5 * * * *", declaration.Cron);
    }

    /// <summary>Through Hangfire itself: each trigger runs the job once, and a second trigger adds nothing.</summary>
    [Fact]
    public async Task ReminderJob_TriggeredTwiceThroughHangfire_OneReminderPerBooking()
    {
        var start = Whole(TimeProvider.System.GetUtcNow().AddMinutes(45));
        var slotId = await HotlineData.InsertSessionAsync(Host, start, start.AddDays(-10), start.AddMinutes(-10));
        var (reference, _) = await HotlineData.InsertBookingAsync(Host, slotId, start, createdAt: start.AddDays(-2));
        var manager = Assert.IsAssignableFrom<IRecurringJobManagerV2>(Host.Services.GetRequiredService<IRecurringJobManager>());
        var storage = Host.Services.GetRequiredService<JobStorage>();

        var first = manager.TriggerJob(ReminderJob.JobId);
        await HangfireJobs.SucceededAsync(storage, first);
        var second = manager.TriggerJob(ReminderJob.JobId);
        await HangfireJobs.SucceededAsync(storage, second);

        Assert.NotEqual(first, second);
        Assert.Equal(["Påmindelse: Direktørlinjen ringer om lidt"], (await RemindersOfAsync(reference)).Select(n => n.Subject));
    }

    private Task RunTwiceAtOnceAsync(FakeTimeProvider clock) => Task.WhenAll(RunAsync(clock), RunAsync(clock));

    private async Task RunAsync(TimeProvider clock)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var outbox = ActivatorUtilities.CreateInstance<NotificationOutbox>(scope.ServiceProvider, clock);
        var job = ActivatorUtilities.CreateInstance<ReminderJob>(scope.ServiceProvider, outbox, clock);
        await job.RunAsync(TestContext.Current.CancellationToken);
    }

    private async Task<List<OutboxMessage>> RemindersOfAsync(string reference)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var bookingId = await db.Bookings.Where(b => b.Reference == reference).Select(b => b.Id).SingleAsync(TestContext.Current.CancellationToken);
        return (await db.Notifications.Where(n => n.AboutId == bookingId && n.Kind == nameof(NotificationKind.BookingReminder)).ToListAsync(TestContext.Current.CancellationToken))
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();
    }

    private static DateTimeOffset Whole(DateTimeOffset instant) => new(instant.Year, instant.Month, instant.Day, instant.Hour, instant.Minute, 0, TimeSpan.Zero);
}
