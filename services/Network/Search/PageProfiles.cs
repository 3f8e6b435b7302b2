using Civic.Network.ResourcePersons;
using Microsoft.EntityFrameworkCore;

namespace Civic.Network.Search;

/// <summary>The whole profiles of a search page's hits, by id (an index holds only what ranking reads).</summary>
public static class PageProfiles
{
    public static Task<Dictionary<string, ResourcePerson>> ReadAsync(NetworkDbContext db, IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        db.ResourcePersons.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, StringComparer.Ordinal, cancellationToken);

    /// <summary>
    /// The profiles, read only if the search generation (Migrations/0012) is still at most <paramref name="generation"/>
    /// in the same snapshot — one statement, so a page computed at that generation is confirmed to be the database's answer
    /// now, together with its profiles; null when the database has changed since (PostgreSQL only).
    /// </summary>
    public static async Task<Dictionary<string, ResourcePerson>?> ReadIfAtAsync(NetworkDbContext db, IReadOnlyList<string> ids, long generation, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return await SearchGeneration.ReadAsync(db, cancellationToken) <= generation ? new(StringComparer.Ordinal) : null;
        }

        // Every change of a profile increments the generation, so at that generation each hit's profile is there:
        // no row at all means the generation moved on.
        var people = await db.ResourcePersons
            .FromSql($"SELECT * FROM resource_persons WHERE id = ANY({ids.ToArray()}) AND (SELECT value FROM search_generation) <= {generation}")
            .AsNoTracking()
            .ToDictionaryAsync(p => p.Id, StringComparer.Ordinal, cancellationToken);
        return people.Count == 0 ? null : people;
    }
}
