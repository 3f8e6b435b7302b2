using System.Security.Cryptography;
using System.Text;

namespace Civic.Hosting.Storage.Migrations;

/// <summary>One schema migration: an id such as "hotline/0001_create_departments" and its SQL for one provider.</summary>
public sealed record Migration(string Id, string Sql)
{
    /// <summary>
    /// SHA-256 of the SQL (line endings normalised), recorded when applied, so that editing a
    /// migration after it ran is noticed instead of silently diverging databases.
    /// </summary>
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));
}
