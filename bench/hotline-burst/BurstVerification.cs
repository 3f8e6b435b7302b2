using Npgsql;

namespace Civic.Bench.HotlineBurst;

/// <summary>
/// What the database holds after the burst, checked against what the clients were told. Counted from the
/// bookings themselves, not from the slots' counters, so a counter that drifted would show.
/// </summary>
public sealed record BurstVerification(
    int Confirmed, int OverCapacitySlots, int DuplicateKeys, int DuplicatePhones, int LostConfirmations, int UnheardBookings, int CounterMismatches)
{
    public static async Task<BurstVerification> CheckAsync(NpgsqlDataSource database, BurstSession session, IReadOnlyList<AttemptResult> results, CancellationToken cancellationToken)
    {
        var stored = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = database.CreateCommand("SELECT reference FROM bookings WHERE session_id = @session AND status = 'Booked'"))
        {
            command.Parameters.AddWithValue("session", session.Id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                stored.Add(reader.GetString(0));
            }
        }

        var told = results.Where(r => r.Reference is not null).Select(r => r.Reference!).ToHashSet(StringComparer.Ordinal);
        return new BurstVerification(
            Confirmed: stored.Count,
            OverCapacitySlots: await CountAsync(database, """
                SELECT count(*) FROM slots s
                WHERE s.session_id = @session AND s.capacity < (SELECT count(*) FROM bookings b WHERE b.slot_id = s.id AND b.status = 'Booked')
                """, session, cancellationToken),
            DuplicateKeys: await CountAsync(database, """
                SELECT count(*) FROM (SELECT idempotency_key FROM bookings WHERE session_id = @session GROUP BY idempotency_key HAVING count(*) > 1) d
                """, session, cancellationToken),
            DuplicatePhones: await CountAsync(database, """
                SELECT count(*) FROM (SELECT phone FROM bookings WHERE session_id = @session AND status = 'Booked' GROUP BY phone HAVING count(*) > 1) d
                """, session, cancellationToken),
            // A client told "booked" whose booking is not in the database.
            LostConfirmations: told.Count(reference => !stored.Contains(reference)),
            // A booking no client heard about (its client gave up after retries): not lost, but reported.
            UnheardBookings: stored.Count(reference => !told.Contains(reference)),
            CounterMismatches: await CountAsync(database, """
                SELECT count(*) FROM slots s
                WHERE s.session_id = @session AND s.booked <> (SELECT count(*) FROM bookings b WHERE b.slot_id = s.id AND b.status = 'Booked')
                """, session, cancellationToken));
    }

    private static async Task<int> CountAsync(NpgsqlDataSource database, string sql, BurstSession session, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(sql);
        command.Parameters.AddWithValue("session", session.Id);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
