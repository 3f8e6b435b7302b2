using System.Reflection;
using System.Text.RegularExpressions;

namespace Civic.Hosting.Storage.Migrations;

/// <summary>
/// Migrations embedded in an assembly as SQL resources named
/// <c>&lt;folder&gt;/NNNN_description[.provider].sql</c>: "0001_create_cases.sql" serves every
/// provider, "0001_create_cases.postgres.sql" and "0001_create_cases.sqlite.sql" serve one each and
/// win over the neutral file. A migration with only another provider's file does not apply. Ids are
/// "&lt;module&gt;/NNNN_description", the same for every provider.
/// </summary>
public sealed partial class MigrationSource
{
    private readonly Assembly _assembly;
    private readonly string _folder;

    /// <param name="module">Names the migrations' owner in their ids, e.g. "hotline" or "panel".</param>
    /// <param name="assembly">The assembly with the embedded SQL resources.</param>
    /// <param name="folder">The resources' logical-name folder, e.g. "Migrations".</param>
    public MigrationSource(string module, Assembly assembly, string folder)
    {
        Module = module;
        _assembly = assembly;
        _folder = folder.TrimEnd('/') + "/";
    }

    /// <summary>The owner named in the migrations' ids.</summary>
    public string Module { get; }

    /// <summary>The migrations for <paramref name="provider"/>, in order.</summary>
    public IReadOnlyList<Migration> Load(StorageProvider provider)
    {
        var files = new SortedDictionary<string, (string? Neutral, string? Specific)>(StringComparer.Ordinal);
        foreach (var resource in _assembly.GetManifestResourceNames())
        {
            var name = resource.Replace('\\', '/');
            if (!name.StartsWith(_folder, StringComparison.Ordinal) || !name.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var match = FileName().Match(name[_folder.Length..]);
            if (!match.Success)
            {
                throw new InvalidOperationException(
                    $"Migration resource '{resource}' is not named NNNN_description[.sqlite|.postgres].sql.");
            }

            var id = match.Groups["id"].Value;
            files.TryGetValue(id, out var entry);
            var providerName = match.Groups["provider"].Value;
            if (providerName.Length == 0)
            {
                entry.Neutral = resource;
            }
            else if (string.Equals(providerName, provider.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                entry.Specific = resource;
            }

            files[id] = entry;
        }

        var migrations = new List<Migration>();
        foreach (var (id, entry) in files)
        {
            if ((entry.Specific ?? entry.Neutral) is { } resource)
            {
                migrations.Add(new Migration($"{Module}/{id}", Read(resource)));
            }
        }

        return migrations;
    }

    private string Read(string resource)
    {
        using var stream = _assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Migration resource '{resource}' cannot be read.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(?<id>\d{4}_[a-z0-9_]+)(\.(?<provider>sqlite|postgres))?\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex FileName();
}
