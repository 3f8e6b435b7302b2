using Civic.Contracts.Common.V1;
using Civic.Contracts.Hotline.V1;
using Civic.Defaults.Auth;
using Civic.Hosting.Jobs;
using Civic.Hotline;
using Civic.Hotline.Schedules;
using Civic.Services.FunctionalTests.Infrastructure;
using DepartmentGrpcService = Civic.Hotline.Departments.DepartmentGrpcService;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Civic.Hotline.Bookings;
using HolidayPolicy = Civic.Contracts.Hotline.V1.HolidayPolicy;
using Session = Civic.Hotline.Schedules.Session;
using Slot = Civic.Hotline.Schedules.Slot;

namespace Civic.Services.FunctionalTests.Hotline;

public sealed class ScheduleTestsOnSqlite(HotlineOnSqlite fixture) : ScheduleTests(fixture), IClassFixture<HotlineOnSqlite>;

public sealed class ScheduleTestsOnPostgres(HotlineOnPostgres fixture) : ScheduleTests(fixture), IClassFixture<HotlineOnPostgres>;

public abstract class ScheduleTests(ServiceFixture<DepartmentGrpcService> fixture) : ServiceTests<DepartmentGrpcService>(fixture)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Schedules = SchedulesReflection.Descriptor.Services[0];

    [Fact]
    public async Task CreateScheduleRule_Valid_ListedAndMaterialisedOnceAcrossTwoRuns()
    {
        var department = await HotlineData.CreateDepartmentAsync(Host);
        var rule = (await CreateRuleAsync(FirstTuesday(department.Id))).Rule;

        var first = await Host.CallAsync<MaterialiseSessionsRequest, MaterialiseSessionsResponse>(Schedules, "MaterialiseSessions", new());
        var second = await Host.CallAsync<MaterialiseSessionsRequest, MaterialiseSessionsResponse>(Schedules, "MaterialiseSessions", new());
        var rules = await Host.CallAsync<ListScheduleRulesRequest, ListScheduleRulesResponse>(Schedules, "ListScheduleRules", new() { DepartmentId = department.Id }, role: null);
        var sessions = (await ListSessionsAsync(department.Id)).Sessions;

        Assert.Equal(rule, Assert.Single(rules.Rules));
        Assert.True(first.SessionsAdded >= 3);
        Assert.Equal(0, second.SessionsAdded);
        Assert.InRange(sessions.Count, 3, 4);
        Assert.All(sessions, s =>
        {
            Assert.Equal(rule.Id, s.RuleId);
            Assert.Equal(12, s.Slots.Count);
            Assert.All(s.Slots, slot => Assert.Equal((2, 0), (slot.Capacity, slot.Booked)));
            Assert.Equal(TimeSpan.FromHours(2), s.EndsAt.ToDateTimeOffset() - s.StartsAt.ToDateTimeOffset());
        });
        Assert.Equal(sessions.Count, sessions.Select(s => s.Date).Distinct().Count());
    }

    [Fact]
    public async Task SessionMaterialiser_FakeClockTwoRunsAtOnce_EachMonthOnceWithHolidayMove()
    {
        var department = await HotlineData.CreateDepartmentAsync(Host);
        var rule = (await CreateRuleAsync(FirstTuesday(department.Id, new LocalDate { Year = 2029, Month = 12, Day = 1 }))).Rule;
        var clock = new FakeTimeProvider(new DateTimeOffset(2029, 12, 10, 9, 0, 0, TimeSpan.Zero));

        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => RunMaterialiserAsync(clock)));
        var again = await RunMaterialiserAsync(clock);

        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var dates = await db.Sessions.Where(s => s.RuleId == rule.Id).OrderBy(s => s.Date).Select(s => s.Date).ToListAsync(TestContext.Current.CancellationToken);
        // December 2029's first Tuesday (the 4th) has passed by the 10th; 1 January 2030 is a Tuesday and a holiday.
        Assert.Equal([new DateOnly(2030, 1, 2), new DateOnly(2030, 2, 5), new DateOnly(2030, 3, 5)], dates);
        Assert.Equal(0, again);
    }

    [Fact]
    public void SessionMaterialiser_DeclaredAsADailyRecurringJob()
    {
        var declaration = Assert.Single(Host.Services.GetServices<RecurringJobDeclaration>(), d => d.Id == SessionMaterialiser.JobId);

        Assert.Equal(typeof(SessionMaterialiser), declaration.JobType);
        Assert.Equal("0 2 * * *", declaration.Cron);
    }

    public static TheoryData<string, string> BadRules => new()
    {
        { "capacity 0", "parallel_lines" },
        { "capacity -2", "parallel_lines" },
        { "crosses midnight", "ends_at" },
        { "crosses a clock change", "starts_at" },
    };

    [Theory]
    [MemberData(nameof(BadRules))]
    public async Task CreateScheduleRule_BadRule_InvalidArgumentAndNothingStored(string bad, string field)
    {
        var department = await HotlineData.CreateDepartmentAsync(Host);
        var request = FirstTuesday(department.Id);
        switch (bad)
        {
            case "capacity 0": request.ParallelLines = 0; break;
            case "capacity -2": request.ParallelLines = -2; break;
            case "crosses midnight": request.StartsAt = new LocalTime { Hour = 23 }; request.EndsAt = new LocalTime { Hour = 1 }; break;
            default:
                request.WeekOfMonth = -1; request.Weekday = Weekday.Sunday; request.StartsAt = new LocalTime { Hour = 1, Minute = 30 }; request.EndsAt = new LocalTime { Hour = 3, Minute = 30 };
                break;
        }

        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => CreateRuleAsync(request));

        Assert.Equal([field], RpcAssert.ViolatedFields(exception));
        Assert.Empty((await Host.CallAsync<ListScheduleRulesRequest, ListScheduleRulesResponse>(Schedules, "ListScheduleRules", new() { DepartmentId = department.Id })).Rules);
    }

    [Fact]
    public async Task CreateScheduleRule_OverlappingRule_InvalidArgumentAndOnlyTheFirstStored()
    {
        var department = await HotlineData.CreateDepartmentAsync(Host);
        var first = (await CreateRuleAsync(FirstTuesday(department.Id))).Rule;
        var overlapping = FirstTuesday(department.Id);
        overlapping.StartsAt = new LocalTime { Hour = 17, Minute = 30 };
        overlapping.EndsAt = new LocalTime { Hour = 19 };

        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => CreateRuleAsync(overlapping));

        Assert.Equal(["weekday"], RpcAssert.ViolatedFields(exception));
        Assert.Equal(first.Id, Assert.Single((await Host.CallAsync<ListScheduleRulesRequest, ListScheduleRulesResponse>(Schedules, "ListScheduleRules", new() { DepartmentId = department.Id })).Rules).Id);
    }

    [Fact]
    public async Task CreateScheduleRule_UnknownDepartment_NotFound()
    {
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => CreateRuleAsync(FirstTuesday(Guid.NewGuid().ToString())));
    }

    [Theory]
    [InlineData(CivicRoles.Citizen)]
    [InlineData(CivicRoles.Director)]
    public async Task CreateScheduleRule_NotAdmin_PermissionDenied(string role)
    {
        var department = await HotlineData.CreateDepartmentAsync(Host);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () =>
            Host.CallAsync<CreateScheduleRuleRequest, CreateScheduleRuleResponse>(Schedules, "CreateScheduleRule", FirstTuesday(department.Id), role));
    }

    [Fact]
    public async Task ListSessions_TooMany_InvalidArgument()
    {
        var department = await HotlineData.CreateDepartmentAsync(Host);

        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            Host.CallAsync<ListSessionsRequest, ListSessionsResponse>(Schedules, "ListSessions", new() { DepartmentId = department.Id, MaxSessions = 25 }, role: null));

        Assert.Equal(["max_sessions"], RpcAssert.ViolatedFields(exception));
    }

    private async Task<int> RunMaterialiserAsync(TimeProvider clock)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var materialiser = new SessionMaterialiser(
            scope.ServiceProvider.GetRequiredService<HotlineDbContext>(), clock, Options.Create(new SchedulingOptions { HorizonMonths = 4 }),
            NullLogger<SessionMaterialiser>.Instance);
        return await materialiser.MaterialiseAsync(TestContext.Current.CancellationToken);
    }

    private Task<CreateScheduleRuleResponse> CreateRuleAsync(CreateScheduleRuleRequest request) =>
        Host.CallAsync<CreateScheduleRuleRequest, CreateScheduleRuleResponse>(Schedules, "CreateScheduleRule", request);

    private Task<ListSessionsResponse> ListSessionsAsync(string departmentId) =>
        Host.CallAsync<ListSessionsRequest, ListSessionsResponse>(Schedules, "ListSessions", new() { DepartmentId = departmentId, MaxSessions = 10 }, role: null);

    internal static CreateScheduleRuleRequest FirstTuesday(string departmentId, LocalDate? validFrom = null)
    {
        var today = HotlineTime.Today(TimeProvider.System);
        return new CreateScheduleRuleRequest
        {
            DepartmentId = departmentId,
            WeekOfMonth = 1,
            Weekday = Weekday.Tuesday,
            StartsAt = new LocalTime { Hour = 16 },
            EndsAt = new LocalTime { Hour = 18 },
            SlotMinutes = 10,
            ParallelLines = 2,
            BookingOpensDaysBefore = 14,
            BookingOpensAt = new LocalTime { Hour = 8 },
            BookingClosesHoursBefore = 2,
            HolidayPolicy = HolidayPolicy.NextWorkingDay,
            ValidFrom = validFrom ?? new LocalDate { Year = today.Year, Month = today.Month, Day = 1 },
        };
    }
}

/// <summary>Test data shared by the Hotline tests.</summary>
internal static class HotlineData
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Departments = DepartmentsReflection.Descriptor.Services[0];
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Schedules = SchedulesReflection.Descriptor.Services[0];

    public static async Task<Department> CreateDepartmentAsync<T>(ServiceHost<T> host)
        where T : class =>
        (await host.CallAsync<CreateDepartmentRequest, CreateDepartmentResponse>(Departments, "CreateDepartment", new()
        {
            Code = $"afd-{Guid.NewGuid().ToString("N")[..10]}",
            Name = new LocalizedText { Da = "Prøveforvaltning", En = "Test department" },
            DirectorName = "Test Direktør",
        })).Department;

    /// <summary>A new department with a rule whose next session is open for booking.</summary>
    public static async Task<Contracts.Hotline.V1.Session> OpenSessionAsync<T>(ServiceHost<T> host, int lines = 2)
        where T : class
    {
        var department = await CreateDepartmentAsync(host);
        var rule = ScheduleTests.FirstTuesday(department.Id);
        rule.ParallelLines = lines;
        rule.BookingOpensDaysBefore = 90;
        rule.BookingClosesHoursBefore = 0;
        await host.CallAsync<CreateScheduleRuleRequest, CreateScheduleRuleResponse>(Schedules, "CreateScheduleRule", rule);
        await host.CallAsync<MaterialiseSessionsRequest, MaterialiseSessionsResponse>(Schedules, "MaterialiseSessions", new());
        var sessions = await host.CallAsync<ListSessionsRequest, ListSessionsResponse>(Schedules, "ListSessions", new() { DepartmentId = department.Id }, role: null);
        var now = TimeProvider.System.GetUtcNow();
        return sessions.Sessions.First(s => s.BookingOpensAt.ToDateTimeOffset() <= now && s.Slots[0].StartsAt.ToDateTimeOffset() > now.AddMinutes(5));
    }

    public static async Task<string> InsertSessionAsync<T>(ServiceHost<T> host, DateTimeOffset startsAt, DateTimeOffset opensAt, DateTimeOffset closesAt, bool cancelled = false, string? departmentId = null)
        where T : class
    {
        departmentId ??= (await CreateDepartmentAsync(host)).Id;
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var ruleId = await db.ScheduleRules.Where(r => r.DepartmentId == departmentId).Select(r => r.Id).FirstOrDefaultAsync(TestContext.Current.CancellationToken)
            ?? (await host.CallAsync<CreateScheduleRuleRequest, CreateScheduleRuleResponse>(Schedules, "CreateScheduleRule", ScheduleTests.FirstTuesday(departmentId))).Rule.Id;
        var session = new Session
        {
            Id = Guid.NewGuid().ToString(), DepartmentId = departmentId, RuleId = ruleId, NominalDate = DateOnly.FromDayNumber(Random.Shared.Next(0, 700_000)), Date = DateOnly.FromDateTime(startsAt.UtcDateTime),
            StartsAt = Trim(startsAt), EndsAt = Trim(startsAt.AddHours(2)), BookingOpensAt = Trim(opensAt), BookingClosesAt = Trim(closesAt),
            CancelledAt = cancelled ? Trim(opensAt) : null, CreatedAt = Trim(opensAt),
        };
        var slot = new Slot { Id = Guid.NewGuid().ToString(), SessionId = session.Id, StartsAt = session.StartsAt, EndsAt = session.StartsAt.AddMinutes(10), Capacity = 2 };
        session.Slots.Add(slot);
        db.Sessions.Add(session);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return slot.Id;
    }

    public static async Task<(string Reference, string Token)> InsertBookingAsync<T>(ServiceHost<T> host, string slotId, DateTimeOffset startsAt, DateTimeOffset? createdAt = null)
        where T : class
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var slot = await db.Slots.SingleAsync(s => s.Id == slotId, TestContext.Current.CancellationToken);
        var session = await db.Sessions.SingleAsync(s => s.Id == slot.SessionId, TestContext.Current.CancellationToken);
        var id = Guid.NewGuid().ToString();
        var token = host.Services.GetRequiredService<ManageTokens>().TokenFor(id);
        var reference = "DL-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        db.Bookings.Add(new Civic.Hotline.Bookings.Booking
        {
            Id = id, Reference = reference, ManageTokenHash = ManageTokens.Hash(token), IdempotencyKey = Guid.NewGuid().ToString("N"),
            DepartmentId = session.DepartmentId, SessionId = session.Id, SlotId = slotId, SlotStartsAt = Trim(startsAt), SessionMonth = "1999-01",
            Name = "Gammel Booking", Phone = BookingTests.NewPhone(), Description = "Gammel", Status = Civic.Hotline.Bookings.BookingStatus.Booked,
            ConsentedAt = Trim(createdAt ?? startsAt), CreatedAt = Trim(createdAt ?? startsAt),
        });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return (reference, token);
    }

    private static DateTimeOffset Trim(DateTimeOffset instant) => instant.AddTicks(-(instant.Ticks % TimeSpan.TicksPerMillisecond));
}
