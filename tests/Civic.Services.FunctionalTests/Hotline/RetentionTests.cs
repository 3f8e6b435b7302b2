using System.Data.Common;
using System.Globalization;
using Civic.Contracts.Hotline.V1;
using Civic.Defaults.Auth;
using Civic.Hosting.Jobs;
using Civic.Hotline;
using Civic.Hotline.Notifications;
using Civic.Hotline.Retention;
using Civic.Services.FunctionalTests.Infrastructure;
using DepartmentGrpcService = Civic.Hotline.Departments.DepartmentGrpcService;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Booking = Civic.Hotline.Bookings.Booking;
using BookingStatus = Civic.Hotline.Bookings.BookingStatus;
using TopicKind = Civic.Hotline.Bookings.TopicKind;
using CallResult = Civic.Hotline.Bookings.CallResult;
using Idea = Civic.Hotline.Ideas.Idea;
using IdeaStatus = Civic.Hotline.Ideas.IdeaStatus;
using ReferralKind = Civic.Hotline.Bookings.ReferralKind;

namespace Civic.Services.FunctionalTests.Hotline;

public sealed class RetentionTestsOnSqlite(HotlineOnSqlite fixture) : RetentionTests(fixture), IClassFixture<HotlineOnSqlite>;

public sealed class RetentionTestsOnPostgres(HotlineOnPostgres fixture) : RetentionTests(fixture), IClassFixture<HotlineOnPostgres>;

/// <summary>Retention (issue 8, item 11): old calls' contact data is erased everywhere; the statistics stay the same.</summary>
public abstract class RetentionTests(ServiceFixture<DepartmentGrpcService> fixture) : ServiceTests<DepartmentGrpcService>(fixture)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Statistics = StatisticsReflection.Descriptor.Services[0];

    [Fact]
    public async Task EraseJob_CallsHeldMissedAndCancelledOver90DaysAgo_ContactDataInNoTable_StatisticsUnchanged_RecentCallKept()
    {
        var now = TimeProvider.System.GetUtcNow();
        var departmentId = (await HotlineData.CreateDepartmentAsync(Host)).Id;
        var oldStart = Whole(now.AddDays(-120));
        var oldSlot = await HotlineData.InsertSessionAsync(Host, oldStart, oldStart.AddDays(-10), oldStart.AddHours(-2), departmentId: departmentId);
        var recentStart = Whole(now.AddDays(-10));
        var recentSlot = await HotlineData.InsertSessionAsync(Host, recentStart, recentStart.AddDays(-10), recentStart.AddHours(-2), departmentId: departmentId);
        var answered = await InsertAsync(oldSlot, oldStart, b => (b.Result, b.Referral, b.EscalateToPanel) = (CallResult.Answered, ReferralKind.Navigator, true));
        var idea = await InsertIdeaAsync(answered);
        var noShow = await InsertAsync(oldSlot, oldStart, b => b.Result = CallResult.NoShow);
        var cancelled = await InsertAsync(oldSlot, oldStart, b => (b.Status, b.CancelledAt) = (BookingStatus.Cancelled, oldStart.AddDays(-1)));
        var recent = await InsertAsync(recentSlot, recentStart, b => b.Result = CallResult.Answered);
        var month = oldStart.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var before = await StatisticsAsync(month, departmentId);

        var erased = await RunAsync(TimeProvider.System);
        var again = await RunAsync(TimeProvider.System);

        Assert.True(erased >= 3, $"Erased {erased} bookings; expected at least the three old ones.");
        Assert.Equal(0, again);
        Assert.Equal(before, await StatisticsAsync(month, departmentId));
        Assert.Equal((2, 1, 1), (before.Booked, before.CallsHeld, before.NoShows));
        var leftovers = await ScanEveryTableAsync([.. answered, .. noShow, .. cancelled]);
        Assert.Empty(leftovers);
        // What the call led to stays: its result, referral kind and escalation flag, and the idea registered from it.
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
            var call = await db.Bookings.AsNoTracking().SingleAsync(b => b.Id == idea.BookingId, TestContext.Current.CancellationToken);
            Assert.Equal((CallResult.Answered, ReferralKind.Navigator, true), (call.Result, call.Referral, call.EscalateToPanel));
            Assert.All(new[] { call.OutcomeSummary, call.FollowUps, call.ReferralNote, call.EscalationNote }, Assert.Null);
            Assert.Equal(idea.Title, (await db.Ideas.AsNoTracking().SingleAsync(i => i.Id == idea.Id, TestContext.Current.CancellationToken)).Title);
        }
        // The recent call keeps its contact data, in the booking and in its messages.
        var kept = await ScanEveryTableAsync(recent);
        Assert.Equal(recent.Length, kept.Select(k => k.Needle).Distinct().Count());
    }

    [Fact]
    public async Task EraseJob_ConfiguredPeriod_CallsJustInsideItAreKept()
    {
        var now = TimeProvider.System.GetUtcNow();
        var departmentId = (await HotlineData.CreateDepartmentAsync(Host)).Id;
        var start = Whole(now.AddDays(-30));
        var slot = await HotlineData.InsertSessionAsync(Host, start, start.AddDays(-10), start.AddHours(-2), departmentId: departmentId);
        var held = await InsertAsync(slot, start, b => b.Result = CallResult.Answered);

        await RunAsync(new FakeTimeProvider(start.AddDays(90).AddMinutes(-1)));
        var keptAt89Days = await ScanEveryTableAsync(held);
        await RunAsync(new FakeTimeProvider(start.AddDays(90).AddMinutes(1)));

        Assert.NotEmpty(keptAt89Days);
        Assert.Empty(await ScanEveryTableAsync(held));
    }

    [Fact]
    public void EraseJob_DeclaredAsADailyRecurringJob()
    {
        var declaration = Assert.Single(Host.Services.GetServices<RecurringJobDeclaration>(), d => d.Id == ContactDataEraser.JobId);

        Assert.Equal(typeof(ContactDataEraser), declaration.JobType);
        Assert.Equal("30 3 * * *", declaration.Cron);
    }

    /// <summary>A booking with contact data unique to it and its confirmation in the outbox; returns the values to look for.</summary>
    private async Task<string[]> InsertAsync(string slotId, DateTimeOffset startsAt, Action<Booking> shape)
    {
        var (reference, _) = await HotlineData.InsertBookingAsync(Host, slotId, startsAt, createdAt: startsAt.AddDays(-5));
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var inserted = await db.Bookings.AsNoTracking().SingleAsync(b => b.Reference == reference, TestContext.Current.CancellationToken);
        var mark = Guid.NewGuid().ToString("N")[..10];
        db.Bookings.Remove(inserted);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var booking = new Booking
        {
            Id = inserted.Id, Reference = inserted.Reference, ManageTokenHash = inserted.ManageTokenHash, IdempotencyKey = inserted.IdempotencyKey,
            DepartmentId = inserted.DepartmentId, SessionId = inserted.SessionId, SlotId = slotId, SlotStartsAt = inserted.SlotStartsAt,
            SessionMonth = startsAt.ToString("yyyy-MM", CultureInfo.InvariantCulture), Name = $"Navn{mark}", Phone = inserted.Phone, Email = $"m{mark}@example.dk",
            TopicKind = TopicKind.Complaint, Description = $"Beskrivelse{mark}", Needs = $"Behov{mark}", Status = BookingStatus.Booked,
            ConsentedAt = inserted.ConsentedAt, CreatedAt = inserted.CreatedAt,
            // The director's notes of the call may name the citizen too.
            OutcomeSummary = $"Referat{mark}", FollowUps = $"Opfoelgning{mark}", ReferralNote = $"Henvisning{mark}", EscalationNote = $"Eskalering{mark}",
        };
        shape(booking);
        db.Bookings.Add(booking);
        scope.ServiceProvider.GetRequiredService<NotificationOutbox>().BookingConfirmed(booking, await db.Slots.AsNoTracking().SingleAsync(s => s.Id == slotId, TestContext.Current.CancellationToken));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return [booking.Name, booking.Phone, booking.Email!, booking.Description, booking.Needs!, booking.OutcomeSummary, booking.FollowUps, booking.ReferralNote, booking.EscalationNote];
    }

    /// <summary>An idea registered from the call whose values are <paramref name="call"/> (found by its name).</summary>
    private async Task<Idea> InsertIdeaAsync(string[] call)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var booking = await db.Bookings.AsNoTracking().SingleAsync(b => b.Name == call[0], TestContext.Current.CancellationToken);
        var idea = new Idea
        {
            Id = Guid.NewGuid().ToString(), DepartmentId = booking.DepartmentId, BookingId = booking.Id, Title = "Bænke langs stien", Description = "Flere bænke til ældre gående",
            Status = IdeaStatus.Received, CreatedAt = booking.SlotStartsAt, StatusChangedAt = booking.SlotStartsAt,
        };
        db.Ideas.Add(idea);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return idea;
    }

    private async Task<DepartmentMonth> StatisticsAsync(string month, string departmentId) =>
        (await Host.CallAsync<GetMonthlyStatisticsRequest, GetMonthlyStatisticsResponse>(Statistics, "GetMonthlyStatistics", new() { Month = month }, role: CivicRoles.Admin))
            .Departments.Single(d => d.DepartmentId == departmentId);

    private async Task<int> RunAsync(TimeProvider clock)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var job = ActivatorUtilities.CreateInstance<ContactDataEraser>(scope.ServiceProvider, clock);
        return await job.EraseDueAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Every value of every column of every table (every schema on PostgreSQL, Hangfire's too) that contains one of <paramref name="needles"/>.</summary>
    private async Task<List<(string Where, string Needle)>> ScanEveryTableAsync(string[] needles)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = db.Database.IsSqlite()
                ? "SELECT '\"' || name || '\"' FROM sqlite_master WHERE type = 'table'"
                : "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')";
            await using var reader = await list.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains(tables, t => t.Contains("bookings", StringComparison.Ordinal));
        var found = new List<(string, string)>();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM {table}";
            await using DbDataReader rows = await select.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await rows.ReadAsync(TestContext.Current.CancellationToken))
            {
                for (var i = 0; i < rows.FieldCount; i++)
                {
                    var value = rows.IsDBNull(i) ? string.Empty
                        : rows.GetValue(i) is byte[] bytes ? System.Text.Encoding.UTF8.GetString(bytes)
                        : Convert.ToString(rows.GetValue(i), CultureInfo.InvariantCulture) ?? string.Empty;
                    found.AddRange(needles.Where(n => value.Contains(n, StringComparison.OrdinalIgnoreCase)).Select(n => ($"{table}.{rows.GetName(i)}", n)));
                }
            }
        }

        return found;
    }

    private static DateTimeOffset Whole(DateTimeOffset instant) => instant.AddTicks(-(instant.Ticks % TimeSpan.TicksPerSecond));
}
