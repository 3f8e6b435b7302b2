namespace Civic.Hosting.Storage.Migrations;

/// <summary>
/// A service's whole schema history: the migrations of every source, source by source in the
/// order they were registered, each source's in file order. Schemas that a library versions itself
/// (Hangfire's) are not here but in <see cref="ISchemaInstaller"/>s.
/// </summary>
public sealed class MigrationCatalog(IEnumerable<MigrationSource> sources)
{
    private readonly MigrationSource[] _sources = sources.ToArray();

    /// <summary>Every migration for <paramref name="provider"/>, in the order they are applied.</summary>
    public IReadOnlyList<Migration> For(StorageProvider provider)
    {
        var migrations = _sources.SelectMany(source => source.Load(provider)).ToList();
        var duplicate = migrations.GroupBy(m => m.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Migration '{duplicate.Key}' is registered more than once.");
        }

        return migrations;
    }
}
