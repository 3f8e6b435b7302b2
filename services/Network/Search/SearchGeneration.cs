using System.Globalization;

namespace Civic.Network.Search;

/// <summary>
/// The search generation (Migrations/0012): incremented by every committed change of a profile, its search rows or
/// the capacity ledger, in the same transaction as the change. One row, read before a search: a result computed
/// after reading a generation reflects at least every change up to it.
/// </summary>
public static class SearchGeneration
{
    public static async Task<long> ReadAsync(NetworkDbContext db, CancellationToken cancellationToken)
    {
        await using var command = await SqlCommands.CreateAsync(db, "SELECT value FROM search_generation", cancellationToken);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
