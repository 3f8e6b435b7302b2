using Npgsql;

namespace Civic.Bench.HotlineBurst;

/// <summary>
/// The session whose booking window "opens" for the burst: written straight into the Hotline's PostgreSQL
/// database (as the materialisation job would), with <c>slots × capacity</c> seats, bookable now, for the first
/// demo department and its rule.
/// </summary>
public sealed record BurstSession(string Id, IReadOnlyList<string> SlotIds, int Seats)
{
    public static async Task<BurstSession> CreateAsync(NpgsqlDataSource database, int slots, int capacity, Random random, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (departmentId, ruleId) = await FirstRuleAsync(connection, transaction, cancellationToken);
        var now = TimeProvider.System.GetUtcNow();
        var startsAt = new DateTimeOffset(now.Year, now.Month, now.Day, 0, 0, 0, TimeSpan.Zero).AddDays(3);
        var sessionId = Guid.NewGuid().ToString();
        // A nominal date no materialisation will ever produce, so the burst session never collides with a real one.
        var nominalDate = new DateOnly(1900, 1, 1).AddDays(random.Next(0, 30_000));
        await ExecuteAsync(connection, transaction, """
            INSERT INTO sessions (id, department_id, rule_id, nominal_date, date, starts_at, ends_at, booking_opens_at, booking_closes_at, created_at)
            VALUES (@id, @department, @rule, @nominal, @date, @starts, @ends, @opens, @closes, @now)
            """, cancellationToken,
            ("id", sessionId), ("department", departmentId), ("rule", ruleId), ("nominal", nominalDate), ("date", DateOnly.FromDateTime(startsAt.UtcDateTime)),
            ("starts", startsAt), ("ends", startsAt.AddMinutes(slots + 10)), ("opens", now.AddMinutes(-1)), ("closes", startsAt.AddHours(-2)), ("now", now));
        var slotIds = new List<string>();
        for (var i = 0; i < slots; i++)
        {
            var slotId = Guid.NewGuid().ToString();
            slotIds.Add(slotId);
            await ExecuteAsync(connection, transaction, """
                INSERT INTO slots (id, session_id, starts_at, ends_at, capacity, booked) VALUES (@id, @session, @starts, @ends, @capacity, 0)
                """, cancellationToken,
                ("id", slotId), ("session", sessionId), ("starts", startsAt.AddMinutes(i)), ("ends", startsAt.AddMinutes(i + 10)), ("capacity", capacity));
        }

        await transaction.CommitAsync(cancellationToken);
        return new BurstSession(sessionId, slotIds, slots * capacity);
    }

    private static async Task<(string DepartmentId, string RuleId)> FirstRuleAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT department_id, id FROM schedule_rules ORDER BY created_at, id LIMIT 1", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (reader.GetString(0), reader.GetString(1))
            : throw new InvalidOperationException("The Hotline has no schedule rule: start it with Civic:SeedDemoData=true.");
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
