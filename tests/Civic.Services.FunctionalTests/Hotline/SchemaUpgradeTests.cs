using System.Data.Common;
using Civic.Contracts.Hotline.V1;
using Civic.Defaults.Services;
using Civic.Hosting.Storage.Migrations;
using Civic.Hotline.Bookings;
using Civic.Services.FunctionalTests.Infrastructure;
using Civic.Services.FunctionalTests.Migrations;
using DepartmentGrpcService = Civic.Hotline.Departments.DepartmentGrpcService;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Civic.Services.FunctionalTests.Hotline;

/// <summary>
/// A database at the previous schema version (0011) holding a row in every Hotline table is upgraded to the current
/// one: every row keeps every value it had, and the service reads them (department, rule, session with its slot,
/// booking through its manage link, idea on the board).
/// </summary>
public sealed class SchemaUpgradeTests
{
    private const string Previous = "hotline/0011_retention_and_department_notices";

    private static readonly string[] Tables =
        ["departments", "schedule_rules", "sessions", "slots", "bookings", "requested_slots", "ideas", "notifications"];

    [Fact]
    public async Task Start_PostgresDatabaseAtThePreviousVersion_UpgradesKeepingEveryRow()
    {
        var (postgres, unavailable) = await PostgresBackend.TryCreateAsync();
        PostgresBackend.RequireAvailable(unavailable);
        await using var database = postgres!;
        await UpgradeAsync(database, () => new NpgsqlConnection(database.ConnectionString), postgresSql: true);
    }

    [Fact]
    public async Task Start_SqliteDatabaseAtThePreviousVersion_UpgradesKeepingEveryRow()
    {
        await using var database = new SqliteBackend();
        await UpgradeAsync(database, () => new SqliteConnection(database.ConnectionString(CivicServices.Hotline.Name)), postgresSql: false);
    }

    private static async Task UpgradeAsync(StorageBackend database, Func<DbConnection> connect, bool postgresSql)
    {
        var settings = new Dictionary<string, string>(database.Settings(CivicServices.Hotline.Name))
        {
            ["Storage:MigrateOnStartup"] = "false",
            ["Jobs:Store"] = "InMemory",
        };
        string token;
        await using (var previousRelease = new ServiceHost<DepartmentGrpcService>(settings))
        {
            await previousRelease.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(Previous, TestContext.Current.CancellationToken);
            token = previousRelease.Services.GetRequiredService<ManageTokens>().TokenFor(BookingId);
        }

        await using var connection = connect();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await TableRows.ExecuteAsync(connection, InsertSql(postgresSql, ManageTokens.Hash(token)));
        var before = await TableRows.SnapshotAsync(connection, Tables, postgresSql);
        Assert.All(before.Values, table => Assert.Single(table.Rows));

        await using var upgraded = new ServiceHost<DepartmentGrpcService>(database.Settings(CivicServices.Hotline.Name));

        Assert.Contains("hotline/0012_schedule_rule_changes", (await upgraded.Services.GetRequiredService<SchemaMigrator>().GetStatusAsync(TestContext.Current.CancellationToken)).Applied);
        await TableRows.UnchangedAsync(connection, before, postgresSql);

        var schedules = SchedulesReflection.Descriptor.Services[0];
        var department = (await upgraded.CallAsync<GetDepartmentRequest, GetDepartmentResponse>(DepartmentsReflection.Descriptor.Services[0], "GetDepartment", new() { Id = "dep-1" }, role: null)).Department;
        var rule = Assert.Single((await upgraded.CallAsync<ListScheduleRulesRequest, ListScheduleRulesResponse>(schedules, "ListScheduleRules", new() { DepartmentId = "dep-1" }, role: null)).Rules);
        var session = Assert.Single((await upgraded.CallAsync<ListSessionsRequest, ListSessionsResponse>(schedules, "ListSessions", new() { DepartmentId = "dep-1" }, role: null)).Sessions);
        var booking = (await upgraded.CallAsync<GetBookingRequest, GetBookingResponse>(BookingsReflection.Descriptor.Services[0], "GetBooking",
            new() { Reference = "DL-UPGRADE2", ManageToken = token }, role: null)).Booking;
        var idea = Assert.Single((await upgraded.CallAsync<ListIdeasRequest, ListIdeasResponse>(IdeasReflection.Descriptor.Services[0], "ListIdeas", new() { DepartmentId = "dep-1" }, role: null)).Ideas);

        Assert.Equal(("by-og-land", "Søren Holm"), (department.Code, department.DirectorName));
        Assert.Equal(["affald", "veje"], department.Topics);
        Assert.Equal(("1", 16, 3, Allocation.Lottery, 2880), (rule.Etag, rule.StartsAt.Hour, rule.ParallelLines, rule.Allocation, rule.RequestWindowMinutes));
        Assert.Null(rule.RetiredAt);
        Assert.Equal(("session-1", "rule-1", 1), (session.Id, session.RuleId, session.Slots.Count));
        Assert.Equal((3, 1), (session.Slots[0].Capacity, session.Slots[0].Booked));
        Assert.Equal(("Ida Upgrade", "+4529000001", Contracts.Hotline.V1.BookingStatus.Booked, "slot-1"), (booking.Name, booking.Phone, booking.Status, booking.Slot.Id));
        Assert.Equal("Bedre belysning på stien", idea.Title);
        Assert.Empty(upgraded.ErrorLogs());
    }

    private const string BookingId = "booking-1";

    /// <summary>One row per table, as the previous release wrote them; a session in 2031 so it is listed as coming.</summary>
    private static string InsertSql(bool postgres, string tokenHash)
    {
        string At(string iso) => TableRows.Time(postgres, iso);
        var topics = postgres ? "ARRAY['affald','veje']" : "'[\"affald\",\"veje\"]'";
        var deputies = postgres ? "ARRAY['Ulla Vej']" : "'[\"Ulla Vej\"]'";
        var yes = postgres ? "true" : "1";
        var no = postgres ? "false" : "0";
        return $"""
            INSERT INTO departments (id, code, name_da, name_en, director_name, created_at, topics, deputy_names, takes_unsure_citizens, contact_email)
            VALUES ('dep-1', 'by-og-land', 'By og Land', 'City and Countryside', 'Søren Holm', {At("2026-01-02T03:04:05Z")}, {topics}, {deputies}, {yes}, 'by@example.dk');
            INSERT INTO schedule_rules (id, department_id, week_of_month, weekday, start_minute, end_minute, slot_minutes, parallel_lines, booking_opens_days_before,
              booking_opens_minute, booking_closes_hours_before, holiday_policy, valid_from, created_at, allocation, request_window_minutes)
            VALUES ('rule-1', 'dep-1', 1, 2, 960, 1080, 10, 3, 14, 480, 2, 'NextWorkingDay', '2031-01-01', {At("2026-01-02T03:04:05Z")}, 'Lottery', 2880);
            INSERT INTO sessions (id, department_id, rule_id, nominal_date, date, starts_at, ends_at, booking_opens_at, booking_closes_at, cancelled_at, created_at,
              cancel_reason, request_window_closes_at, drawn_at, draw_seed, call_list_sent_at)
            VALUES ('session-1', 'dep-1', 'rule-1', '2031-01-07', '2031-01-07', {At("2031-01-07T15:00:00Z")}, {At("2031-01-07T15:10:00Z")}, {At("2030-12-24T07:00:00Z")},
              {At("2031-01-07T13:00:00Z")}, NULL, {At("2026-01-02T03:04:05Z")}, NULL, {At("2030-12-26T07:00:00Z")}, {At("2030-12-26T07:01:00Z")}, 42, NULL);
            INSERT INTO slots (id, session_id, starts_at, ends_at, capacity, booked)
            VALUES ('slot-1', 'session-1', {At("2031-01-07T15:00:00Z")}, {At("2031-01-07T15:10:00Z")}, 3, 1);
            INSERT INTO bookings (id, reference, manage_token_hash, idempotency_key, department_id, session_id, slot_id, slot_starts_at, session_month, name, phone, email,
              topic_kind, description, language, needs, consented_at, status, created_at, cancelled_at, result, outcome_summary, follow_ups, referral, referral_note,
              escalate_to_panel, escalation_note, outcome_recorded_at, outcome_recorded_by, day_reminder_sent_at, hour_reminder_sent_at, rebook_until, offer_expires_at,
              contact_data_erased_at)
            VALUES ('{BookingId}', 'DL-UPGRADE2', '{tokenHash}', 'key-1', 'dep-1', 'session-1', 'slot-1', {At("2031-01-07T15:00:00Z")}, '2031-01', 'Ida Upgrade',
              '+4529000001', 'ida@example.dk', 'Idea', 'Lys på stien', 'Danish', 'Tolk: tysk', {At("2026-01-03T10:00:00Z")}, 'Booked', {At("2026-01-03T10:00:00Z")},
              NULL, NULL, NULL, NULL, NULL, NULL, {no}, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
            INSERT INTO requested_slots (booking_id, slot_id, position) VALUES ('{BookingId}', 'slot-1', 0);
            INSERT INTO ideas (id, department_id, booking_id, title, description, status, decline_reason, created_at, status_changed_at, flagged_at)
            VALUES ('idea-1', 'dep-1', '{BookingId}', 'Bedre belysning på stien', 'Stien er mørk om vinteren', 'Received', NULL, {At("2026-01-04T10:00:00Z")},
              {At("2026-01-04T10:00:00Z")}, NULL);
            INSERT INTO notifications (id, booking_id, kind, channel, recipient, subject, body, calendar, created_at, claimed_until, sent_at, attempts, last_error)
            VALUES ('note-1', '{BookingId}', 'BookingConfirmed', 'Sms', '+4529000001', 'Booket', 'Din tid er booket', NULL, {At("2026-01-03T10:00:00Z")}, NULL,
              {At("2026-01-03T10:01:00Z")}, 1, NULL);
            """;
    }
}
