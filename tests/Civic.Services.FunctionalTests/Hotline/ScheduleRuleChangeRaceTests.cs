using Civic.Contracts.Hotline.V1;
using Civic.Contracts.Common.V1;
using Civic.Services.FunctionalTests.Infrastructure;
using Grpc.Core;
using Npgsql;
using BookingStatus = Civic.Contracts.Hotline.V1.BookingStatus;

namespace Civic.Services.FunctionalTests.Hotline;

/// <summary>
/// A booking and a rule change that meet on the same session, in both orders, made deterministic on PostgreSQL by
/// pausing one side on a table lock a second connection holds (SQLite runs one writing transaction at a time).
/// </summary>
public sealed class ScheduleRuleChangeTestsOnPostgres(HotlineOnPostgres fixture) : ScheduleRuleChangeTests(fixture), IClassFixture<HotlineOnPostgres>
{
    private string ConnectionString => ((PostgresBackend)fixture.Storage!).ConnectionString;

    [Fact]
    public async Task UpdateScheduleRule_BookingLandsWhileTheChangeRemovesItsEmptySession_BookingAbortedAndNothingStored()
    {
        var (rule, session) = await RuleWithOpenSessionAsync();
        var request = BookingTests.NewBooking(session.Slots[0].Id);
        Task<UpdateScheduleRuleResponse> change;
        Task<CreateBookingResponse> booking;
        await using (var pause = await TableLockPause.HoldAsync(ConnectionString, "schedule_rule_changes"))
        {
            // The change has removed the empty session and waits to write its audit entry ...
            change = UpdateAsync(Later(rule));
            await pause.WaitForWaiterAsync("INSERT INTO schedule_rule_changes");
            // ... when a citizen books a time in it.
            booking = Host.CallAsync<CreateBookingRequest, CreateBookingResponse>(Bookings, "CreateBooking", request, role: null);
            await pause.WaitForWaiterAsync("FOR KEY SHARE");
        }

        var changed = await change;
        var refused = await RpcAssert.FailsAsync(StatusCode.Aborted, () => booking);

        Assert.True(changed.Impact.Applied);
        Assert.Empty(changed.Impact.AffectedSessions);
        Assert.Contains("choose one", refused.Status.Detail, StringComparison.Ordinal);
        RpcAssert.ErrorInfo(refused, ErrorReason.WrongState);
        Assert.DoesNotContain(await SessionsAsync(rule.DepartmentId), s => s.Id == session.Id);
        Assert.Equal(0L, await ScalarAsync($"SELECT count(*) FROM bookings WHERE idempotency_key = '{request.IdempotencyKey}'"));
        Assert.Equal(0L, await ScalarAsync($"SELECT count(*) FROM slots WHERE session_id = '{session.Id}'"));
    }

    [Fact]
    public async Task UpdateScheduleRule_ChangeArrivesWhileABookingIsInFlight_TheChangeSeesTheBookingAndKeepsItsSession()
    {
        var (rule, session) = await RuleWithOpenSessionAsync();
        Task<CreateBookingResponse> booking;
        Task<UpdateScheduleRuleResponse> change;
        await using (var pause = await TableLockPause.HoldAsync(ConnectionString, "bookings"))
        {
            // The booking has its seat and waits to write the booking row ...
            booking = BookAsync(session.Slots[0].Id);
            await pause.WaitForWaiterAsync("INSERT INTO bookings");
            // ... when the administrator moves the rule an hour, keeping booked sessions.
            change = UpdateAsync(Later(rule), BookedSessions.Keep);
            await pause.WaitForWaiterAsync("FOR UPDATE");
        }

        var booked = await booking;
        var changed = await change;

        var affected = Assert.Single(changed.Impact.AffectedSessions);
        Assert.Equal((session.Id, 1), (affected.SessionId, affected.Bookings));
        Assert.Equal(BookingStatus.Booked, (await GetBookingAsync(booked)).Status);
        var kept = Assert.Single(await SessionsAsync(rule.DepartmentId), s => s.Id == session.Id);
        Assert.Equal(1, kept.Slots[0].Booked);
    }

    [Fact]
    public async Task CancelSession_BookingInFlight_TheBookingIsCancelledAndToldWithTheOthers()
    {
        var (_, session) = await RuleWithOpenSessionAsync();
        Task<CreateBookingResponse> booking;
        Task<CancelSessionResponse> cancel;
        await using (var pause = await TableLockPause.HoldAsync(ConnectionString, "bookings"))
        {
            booking = BookAsync(session.Slots[0].Id);
            await pause.WaitForWaiterAsync("INSERT INTO bookings");
            cancel = Host.CallAsync<CancelSessionRequest, CancelSessionResponse>(Schedules, "CancelSession", new() { SessionId = session.Id, Reason = "Direktøren er syg" });
            await pause.WaitForWaiterAsync("FOR UPDATE");
        }

        var booked = await booking;
        var cancelled = await cancel;

        Assert.Equal(1, cancelled.BookingsCancelled);
        var seen = await GetBookingAsync(booked);
        Assert.Equal(BookingStatus.Cancelled, seen.Status);
        Assert.NotNull(seen.RebookUntil);
        Assert.Equal(0L, await ScalarAsync($"SELECT coalesce(sum(booked), 0) FROM slots WHERE session_id = '{session.Id}'"));
    }

    private async Task<long> ScalarAsync(string sql) => await ((PostgresBackend)fixture.Storage!).ScalarAsync(sql);

    /// <summary>
    /// Holds an exclusive lock on a table in an open transaction, so that whoever writes to it waits; disposing releases
    /// it. Reads go on (EXCLUSIVE admits ACCESS SHARE).
    /// </summary>
    private sealed class TableLockPause : IAsyncDisposable
    {
        private readonly NpgsqlConnection _connection;
        private readonly NpgsqlTransaction _transaction;
        private readonly string _connectionString;

        private TableLockPause(NpgsqlConnection connection, NpgsqlTransaction transaction, string connectionString) =>
            (_connection, _transaction, _connectionString) = (connection, transaction, connectionString);

        public static async Task<TableLockPause> HoldAsync(string connectionString, string table)
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            var transaction = await connection.BeginTransactionAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand($"LOCK TABLE {table} IN EXCLUSIVE MODE", connection, transaction);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            return new TableLockPause(connection, transaction, connectionString);
        }

        /// <summary>Waits until a statement containing <paramref name="statement"/> waits for a lock in the database.</summary>
        public async Task WaitForWaiterAsync(string statement)
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND strpos(query, @statement) > 0", connection);
            command.Parameters.AddWithValue("statement", statement);
            var deadline = TimeProvider.System.GetUtcNow().AddSeconds(30);
            while ((long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))! == 0)
            {
                Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"No '{statement}' waited for a lock within 30 s.");
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _transaction.RollbackAsync();
            await _connection.DisposeAsync();
        }
    }
}
