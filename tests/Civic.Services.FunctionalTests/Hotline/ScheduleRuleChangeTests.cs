using Civic.Contracts.Hotline.V1;
using Civic.Defaults.Auth;
using Civic.Hosting.Notifications;
using Civic.Hotline;
using Civic.Hotline.Notifications;
using Civic.Services.FunctionalTests.Infrastructure;
using DepartmentGrpcService = Civic.Hotline.Departments.DepartmentGrpcService;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using BookingStatus = Civic.Contracts.Hotline.V1.BookingStatus;

namespace Civic.Services.FunctionalTests.Hotline;

public sealed class ScheduleRuleChangeTestsOnSqlite(HotlineOnSqlite fixture) : ScheduleRuleChangeTests(fixture), IClassFixture<HotlineOnSqlite>;

/// <summary>Changing and retiring schedule rules never silently drops a booking: previews, keep or cancel, audit, concurrency.</summary>
public abstract class ScheduleRuleChangeTests(ServiceFixture<DepartmentGrpcService> fixture) : ServiceTests<DepartmentGrpcService>(fixture)
{
    protected static readonly Google.Protobuf.Reflection.ServiceDescriptor Schedules = SchedulesReflection.Descriptor.Services[0];
    protected static readonly Google.Protobuf.Reflection.ServiceDescriptor Bookings = BookingsReflection.Descriptor.Services[0];

    [Fact]
    public async Task UpdateScheduleRule_ValidateOnly_PreviewsTheBookedSessionAndChangesNothing()
    {
        var (rule, session) = await RuleWithOpenSessionAsync();
        await BookAsync(session.Slots[0].Id);
        await BookAsync(session.Slots[1].Id);
        var before = await SessionsAsync(rule.DepartmentId);

        var preview = await UpdateAsync(Later(rule), validateOnly: true);

        var affected = Assert.Single(preview.Impact.AffectedSessions);
        Assert.Equal((session.Id, 2), (affected.SessionId, affected.Bookings));
        Assert.Equal(2, preview.Impact.AffectedBookings);
        Assert.Equal(before.Count(s => s.StartsAt.ToDateTimeOffset() > TimeProvider.System.GetUtcNow()) - 1, preview.Impact.SessionsReplaced);
        Assert.False(preview.Impact.Applied);
        Assert.Equal(17, preview.Rule.StartsAt.Hour);
        Assert.Equal(rule.Etag, preview.Rule.Etag);
        Assert.Equal(rule, await RuleAsync(rule));
        Assert.Equal(before, await SessionsAsync(rule.DepartmentId));
        Assert.Single(await ChangesAsync(rule.DepartmentId));
    }

    [Fact]
    public async Task UpdateScheduleRule_CancelBookedSessions_CitizensToldAndTheChangedRulesSessionsMaterialised()
    {
        var (rule, session) = await RuleWithOpenSessionAsync();
        var booked = new[] { await BookAsync(session.Slots[0].Id), await BookAsync(session.Slots[3].Id) };

        var response = await UpdateAsync(Later(rule), BookedSessions.Cancel, reason: "Direktøren har fået nye mødetider");

        Assert.True(response.Impact.Applied);
        Assert.Equal(session.Id, Assert.Single(response.Impact.AffectedSessions).SessionId);
        Assert.NotEqual(rule.Etag, response.Rule.Etag);
        Assert.Equal(response.Rule, await RuleAsync(rule));
        var sessions = await SessionsAsync(rule.DepartmentId);
        var cancelled = Assert.Single(sessions, s => s.Cancelled);
        Assert.Equal((session.Id, "Direktøren har fået nye mødetider"), (cancelled.Id, cancelled.CancelReason));
        Assert.All(Coming(sessions).Where(s => !s.Cancelled), s => Assert.Equal(17, Local(s.StartsAt).Hour));
        // The month of the cancelled session has the changed rule's session, for the priority rebooking.
        Assert.Contains(sessions, s => !s.Cancelled && s.Date.Equals(session.Date));
        foreach (var booking in booked)
        {
            var seen = await GetBookingAsync(booking);
            Assert.Equal(BookingStatus.Cancelled, seen.Status);
            Assert.NotNull(seen.RebookUntil);
            var told = await OutboxAsync(booking.Booking.Reference, NotificationKind.SessionCancelled);
            Assert.Equal(2, told.Count); // SMS and e-mail
            Assert.All(told, n => Assert.Contains("Begrundelse: Direktøren har fået nye mødetider", n.Body, StringComparison.Ordinal));
        }

        var change = (await ChangesAsync(rule.DepartmentId))[0];
        Assert.Equal((RuleChangeKind.Updated, "test-admin", "Test admin"), (change.Kind, change.ChangedBy, change.ChangedByName));
        Assert.Equal(["starts_at: 16:00 -> 17:00", "ends_at: 18:00 -> 19:00"], change.Changes);
        Assert.Equal((BookedSessions.Cancel, 2, response.Rule.Etag), (change.BookedSessions, change.Impact.AffectedBookings, change.Etag));
    }

    [Fact]
    public async Task UpdateScheduleRule_KeepBookedSessions_TheyStayAndTheirMonthGetsNoSecondSession()
    {
        var (rule, session) = await RuleWithOpenSessionAsync();
        var booking = await BookAsync(session.Slots[0].Id);

        var response = await UpdateAsync(Later(rule), BookedSessions.Keep);
        await Host.CallAsync<MaterialiseSessionsRequest, MaterialiseSessionsResponse>(Schedules, "MaterialiseSessions", new());

        var sessions = await SessionsAsync(rule.DepartmentId);
        Assert.Equal(1, response.Impact.AffectedBookings);
        Assert.DoesNotContain(sessions, s => s.Cancelled);
        var kept = Assert.Single(sessions, s => s.Date.Equals(session.Date));
        Assert.Equal((session.Id, 16), (kept.Id, Local(kept.StartsAt).Hour));
        Assert.All(Coming(sessions).Where(s => s.Id != session.Id), s => Assert.Equal(17, Local(s.StartsAt).Hour));
        Assert.Equal(BookingStatus.Booked, (await GetBookingAsync(booking)).Status);
    }

    [Fact]
    public async Task UpdateScheduleRule_SessionWhoseOnlyBookingItsCitizenCancelled_ReplacedAsIfEmptyAndNotCountedAsCancelled()
    {
        var (rule, session) = await RuleWithOpenSessionAsync();
        var booking = await BookAsync(session.Slots[0].Id);
        await Host.CallAsync<CancelBookingRequest, CancelBookingResponse>(Bookings, "CancelBooking",
            new() { Reference = booking.Booking.Reference, ManageToken = booking.ManageToken }, role: null);
        var month = session.Date.Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + "-" + session.Date.Month.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);

        var response = await UpdateAsync(Later(rule));

        Assert.Empty(response.Impact.AffectedSessions);
        var sessions = await SessionsAsync(rule.DepartmentId);
        Assert.DoesNotContain(sessions, s => s.Id == session.Id || s.Cancelled);
        Assert.Equal(17, Local(Assert.Single(sessions, s => s.Date.Equals(session.Date)).StartsAt).Hour);
        var statistics = (await Host.CallAsync<GetMonthlyStatisticsRequest, GetMonthlyStatisticsResponse>(
            StatisticsReflection.Descriptor.Services[0], "GetMonthlyStatistics", new() { Month = month })).Departments.Single(d => d.DepartmentId == rule.DepartmentId);
        Assert.Equal((0, 2 * 12), (statistics.SessionsCancelled, statistics.SlotsOffered));
        var seen = await GetBookingAsync(booking);
        Assert.Equal((BookingStatus.Cancelled, string.Empty), (seen.Status, seen.SessionCancelReason));
        Assert.Empty(await OutboxAsync(booking.Booking.Reference, NotificationKind.SessionCancelled));
    }

    [Fact]
    public async Task UpdateScheduleRule_MoreLines_BookedSessionAdjustedInPlaceAndNobodyAffected()
    {
        var (rule, session) = await RuleWithOpenSessionAsync();
        var booking = await BookAsync(session.Slots[0].Id);
        var wider = Settings(rule);
        wider.ParallelLines = 3;

        var response = await UpdateAsync(rule.Id, rule.Etag, wider);

        Assert.Empty(response.Impact.AffectedSessions);
        Assert.Equal(1, response.Impact.SessionsAdjusted);
        var adjusted = Assert.Single(await SessionsAsync(rule.DepartmentId), s => s.Id == session.Id);
        Assert.All(adjusted.Slots, s => Assert.Equal(3, s.Capacity));
        Assert.Equal(1, adjusted.Slots[0].Booked);
        Assert.Equal(BookingStatus.Booked, (await GetBookingAsync(booking)).Status);
    }

    [Fact]
    public async Task RetireScheduleRule_KeepBookedSessions_NoNewSessionsAndTheUnbookedRemoved()
    {
        var (rule, session) = await RuleWithOpenSessionAsync();
        var booking = await BookAsync(session.Slots[0].Id);

        var preview = await RetireAsync(rule, BookedSessions.Unspecified, validateOnly: true);
        var retired = await RetireAsync(rule, BookedSessions.Keep);
        await Host.CallAsync<MaterialiseSessionsRequest, MaterialiseSessionsResponse>(Schedules, "MaterialiseSessions", new());
        var again = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => RetireAsync(retired.Rule, BookedSessions.Keep));
        var update = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => UpdateAsync(rule.Id, retired.Rule.Etag, Settings(rule)));

        Assert.Equal((1, false), (preview.Impact.AffectedBookings, preview.Impact.Applied));
        Assert.NotNull(retired.Rule.RetiredAt);
        Assert.Equal(retired.Rule, await RuleAsync(rule));
        Assert.Equal(session.Id, Assert.Single(Coming(await SessionsAsync(rule.DepartmentId))).Id);
        Assert.Equal(BookingStatus.Booked, (await GetBookingAsync(booking)).Status);
        Assert.Contains("retired", again.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("retired", update.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(RuleChangeKind.Retired, (await ChangesAsync(rule.DepartmentId))[0].Kind);
    }

    [Fact]
    public async Task RetireScheduleRule_ThenANewRuleOnTheSameDay_Allowed()
    {
        var (rule, _) = await RuleWithOpenSessionAsync();
        await RetireAsync(rule, BookedSessions.Keep);

        var replacement = await Host.CallAsync<CreateScheduleRuleRequest, CreateScheduleRuleResponse>(Schedules, "CreateScheduleRule", ScheduleTests.FirstTuesday(rule.DepartmentId));

        Assert.Equal("1", replacement.Rule.Etag);
    }

    public static TheoryData<string, StatusCode, string?> BadChanges => new()
    {
        { "unknown rule", StatusCode.NotFound, null },
        { "no etag", StatusCode.InvalidArgument, "etag" },
        { "stale etag", StatusCode.Aborted, null },
        { "capacity 0", StatusCode.InvalidArgument, "parallel_lines" },
        { "capacity -1", StatusCode.InvalidArgument, "parallel_lines" },
        { "overlaps another rule", StatusCode.InvalidArgument, "weekday" },
        { "crosses midnight", StatusCode.InvalidArgument, "ends_at" },
        { "crosses a clock change", StatusCode.InvalidArgument, "starts_at" },
        { "booked sessions left open", StatusCode.InvalidArgument, "booked_sessions" },
        { "reason too long", StatusCode.InvalidArgument, "reason" },
    };

    [Theory]
    [MemberData(nameof(BadChanges))]
    public async Task UpdateScheduleRule_BadChange_ClearStatusAndNothingChanged(string bad, StatusCode code, string? field)
    {
        var (rule, session) = await RuleWithOpenSessionAsync();
        var booking = await BookAsync(session.Slots[0].Id);
        var sessions = await SessionsAsync(rule.DepartmentId);
        var (ruleId, etag, settings, policy, reason) = (rule.Id, rule.Etag, Settings(rule), BookedSessions.Keep, string.Empty);
        switch (bad)
        {
            case "unknown rule": ruleId = Guid.NewGuid().ToString(); break;
            case "no etag": etag = " "; break;
            case "stale etag": etag = "0"; break;
            case "capacity 0": settings.ParallelLines = 0; break;
            case "capacity -1": settings.ParallelLines = -1; break;
            case "overlaps another rule":
                var second = ScheduleTests.FirstTuesday(rule.DepartmentId);
                second.WeekOfMonth = 2;
                await Host.CallAsync<CreateScheduleRuleRequest, CreateScheduleRuleResponse>(Schedules, "CreateScheduleRule", second);
                settings.WeekOfMonth = 2;
                settings.StartsAt = new LocalTime { Hour = 17 };
                settings.EndsAt = new LocalTime { Hour = 19 };
                break;
            case "crosses midnight": settings.StartsAt = new LocalTime { Hour = 23 }; settings.EndsAt = new LocalTime { Hour = 1 }; break;
            case "crosses a clock change":
                settings.WeekOfMonth = -1; settings.Weekday = Weekday.Sunday; settings.StartsAt = new LocalTime { Hour = 1, Minute = 30 }; settings.EndsAt = new LocalTime { Hour = 3, Minute = 30 };
                break;
            case "booked sessions left open":
                settings = Later(rule).Rule;
                policy = BookedSessions.Unspecified;
                break;
            default: reason = new string('x', 501); break;
        }

        var exception = await RpcAssert.FailsAsync(code, () => UpdateAsync(ruleId, etag, settings, policy, reason));

        if (field is not null)
        {
            Assert.Equal([field], RpcAssert.ViolatedFields(exception));
        }

        if (code == StatusCode.Aborted)
        {
            Assert.Contains("reload", exception.Status.Detail, StringComparison.Ordinal);
        }

        Assert.Equal(rule, await RuleAsync(rule));
        Assert.Equal(sessions, await SessionsAsync(rule.DepartmentId));
        Assert.Equal(BookingStatus.Booked, (await GetBookingAsync(booking)).Status);
        Assert.DoesNotContain(await ChangesAsync(rule.DepartmentId), c => c.Kind != RuleChangeKind.Created);
    }

    [Fact]
    public async Task RetireScheduleRule_BadRequests_ClearStatusAndNothingChanged()
    {
        var (rule, session) = await RuleWithOpenSessionAsync();
        await BookAsync(session.Slots[0].Id);

        var noChoice = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => RetireAsync(rule, BookedSessions.Unspecified));
        await RpcAssert.FailsAsync(StatusCode.Aborted, () => RetireAsync(new ScheduleRule(rule) { Etag = "7" }, BookedSessions.Keep));
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => RetireAsync(new ScheduleRule(rule) { Id = Guid.NewGuid().ToString() }, BookedSessions.Keep));

        Assert.Equal(["booked_sessions"], RpcAssert.ViolatedFields(noChoice));
        Assert.Equal(rule, await RuleAsync(rule));
        Assert.Equal(session.Id, (await SessionsAsync(rule.DepartmentId))[0].Id);
    }

    [Fact]
    public async Task UpdateScheduleRule_TwoAdministratorsWithTheSameEtag_TheSecondIsAborted()
    {
        var (rule, _) = await RuleWithOpenSessionAsync();
        var one = Settings(rule);
        one.ParallelLines = 3;
        var other = Settings(rule);
        other.ParallelLines = 4;

        var outcomes = await Task.WhenAll(new[] { one, other }.Select(async settings =>
        {
            try
            {
                return (await UpdateAsync(rule.Id, rule.Etag, settings)).Rule.ParallelLines;
            }
            catch (RpcException exception) when (exception.StatusCode == StatusCode.Aborted)
            {
                return 0;
            }
        }));

        var winner = Assert.Single(outcomes, o => o != 0);
        Assert.Equal(winner, (await RuleAsync(rule)).ParallelLines);
        Assert.Equal("2", (await RuleAsync(rule)).Etag);
    }

    [Theory]
    [InlineData(CivicRoles.Citizen)]
    [InlineData(CivicRoles.Director)]
    public async Task RuleChanges_NotAdmin_PermissionDeniedAndNothingChanged(string role)
    {
        var (rule, _) = await RuleWithOpenSessionAsync();

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Host.CallAsync<UpdateScheduleRuleRequest, UpdateScheduleRuleResponse>(Schedules, "UpdateScheduleRule",
            new() { RuleId = rule.Id, Etag = rule.Etag, Rule = Settings(rule), BookedSessions = BookedSessions.Cancel }, role));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Host.CallAsync<RetireScheduleRuleRequest, RetireScheduleRuleResponse>(Schedules, "RetireScheduleRule",
            new() { RuleId = rule.Id, Etag = rule.Etag, BookedSessions = BookedSessions.Cancel }, role));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Host.CallAsync<ListScheduleRuleChangesRequest, ListScheduleRuleChangesResponse>(Schedules, "ListScheduleRuleChanges",
            new() { DepartmentId = rule.DepartmentId }, role));

        Assert.Equal(rule, await RuleAsync(rule));
    }

    /// <summary>A new department with a rule (first Tuesday 16-18, 2 lines, open 90 days ahead) and its next session open for booking.</summary>
    protected async Task<(ScheduleRule Rule, Contracts.Hotline.V1.Session Session)> RuleWithOpenSessionAsync()
    {
        var department = await HotlineData.CreateDepartmentAsync(Host);
        var request = ScheduleTests.FirstTuesday(department.Id);
        request.BookingOpensDaysBefore = 90;
        request.BookingClosesHoursBefore = 0;
        var rule = (await Host.CallAsync<CreateScheduleRuleRequest, CreateScheduleRuleResponse>(Schedules, "CreateScheduleRule", request)).Rule;
        await Host.CallAsync<MaterialiseSessionsRequest, MaterialiseSessionsResponse>(Schedules, "MaterialiseSessions", new());
        var now = TimeProvider.System.GetUtcNow();
        var session = (await SessionsAsync(department.Id)).First(s => s.BookingOpensAt.ToDateTimeOffset() <= now && s.Slots[0].StartsAt.ToDateTimeOffset() > now.AddMinutes(5));
        return (rule, session);
    }

    /// <summary>The rule's settings as they are.</summary>
    private static ScheduleRuleSettings Settings(ScheduleRule rule) => rule.CopySettingsTo(new ScheduleRuleSettings());

    /// <summary>The rule an hour later (17-19): no booked session fits it any more.</summary>
    protected static UpdateScheduleRuleRequest Later(ScheduleRule rule)
    {
        var settings = Settings(rule);
        settings.StartsAt = new LocalTime { Hour = 17 };
        settings.EndsAt = new LocalTime { Hour = 19 };
        return new UpdateScheduleRuleRequest { RuleId = rule.Id, Etag = rule.Etag, Rule = settings };
    }

    protected Task<UpdateScheduleRuleResponse> UpdateAsync(UpdateScheduleRuleRequest request, BookedSessions policy = BookedSessions.Unspecified, string reason = "", bool validateOnly = false)
    {
        request.BookedSessions = policy;
        request.Reason = reason;
        request.ValidateOnly = validateOnly;
        return Host.CallAsync<UpdateScheduleRuleRequest, UpdateScheduleRuleResponse>(Schedules, "UpdateScheduleRule", request);
    }

    private Task<UpdateScheduleRuleResponse> UpdateAsync(string ruleId, string etag, ScheduleRuleSettings settings, BookedSessions policy = BookedSessions.Keep, string reason = "") =>
        UpdateAsync(new UpdateScheduleRuleRequest { RuleId = ruleId, Etag = etag, Rule = settings }, policy, reason);

    private Task<RetireScheduleRuleResponse> RetireAsync(ScheduleRule rule, BookedSessions policy, bool validateOnly = false) =>
        Host.CallAsync<RetireScheduleRuleRequest, RetireScheduleRuleResponse>(Schedules, "RetireScheduleRule",
            new() { RuleId = rule.Id, Etag = rule.Etag, BookedSessions = policy, ValidateOnly = validateOnly });

    private async Task<ScheduleRule> RuleAsync(ScheduleRule rule) =>
        Assert.Single((await Host.CallAsync<ListScheduleRulesRequest, ListScheduleRulesResponse>(Schedules, "ListScheduleRules", new() { DepartmentId = rule.DepartmentId }, role: null)).Rules, r => r.Id == rule.Id);

    protected async Task<List<Contracts.Hotline.V1.Session>> SessionsAsync(string departmentId) =>
        (await Host.CallAsync<ListSessionsRequest, ListSessionsResponse>(Schedules, "ListSessions", new() { DepartmentId = departmentId, MaxSessions = 24 }, role: null)).Sessions.ToList();

    private async Task<IReadOnlyList<Contracts.Hotline.V1.ScheduleRuleChange>> ChangesAsync(string departmentId) =>
        (await Host.CallAsync<ListScheduleRuleChangesRequest, ListScheduleRuleChangesResponse>(Schedules, "ListScheduleRuleChanges", new() { DepartmentId = departmentId })).Changes;

    protected Task<CreateBookingResponse> BookAsync(string slotId) =>
        Host.CallAsync<CreateBookingRequest, CreateBookingResponse>(Bookings, "CreateBooking", BookingTests.NewBooking(slotId), role: null);

    protected async Task<Booking> GetBookingAsync(CreateBookingResponse booking) =>
        (await Host.CallAsync<GetBookingRequest, GetBookingResponse>(Bookings, "GetBooking", new() { Reference = booking.Booking.Reference, ManageToken = booking.ManageToken }, role: null)).Booking;

    private async Task<List<OutboxMessage>> OutboxAsync(string reference, NotificationKind kind)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var id = await db.Bookings.Where(b => b.Reference == reference).Select(b => b.Id).SingleAsync(TestContext.Current.CancellationToken);
        var kindName = kind.ToString();
        return await db.Notifications.Where(n => n.AboutId == id && n.Kind == kindName).ToListAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The sessions that have not begun (one in progress while the tests run is left alone by any change).</summary>
    private static IEnumerable<Contracts.Hotline.V1.Session> Coming(IEnumerable<Contracts.Hotline.V1.Session> sessions) =>
        sessions.Where(s => s.StartsAt.ToDateTimeOffset() > TimeProvider.System.GetUtcNow());

    private static DateTimeOffset Local(Google.Protobuf.WellKnownTypes.Timestamp instant) =>
        TimeZoneInfo.ConvertTime(instant.ToDateTimeOffset(), Civic.Hotline.Schedules.HotlineTime.Zone);
}
