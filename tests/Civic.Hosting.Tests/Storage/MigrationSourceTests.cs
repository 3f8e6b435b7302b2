using Civic.Hosting.Storage;
using Civic.Hosting.Storage.Migrations;

namespace Civic.Hosting.Tests.Storage;

public sealed class MigrationSourceTests
{
    private static readonly System.Reflection.Assembly Assembly = typeof(MigrationSourceTests).Assembly;

    [Fact]
    public void Load_Postgres_ProviderSpecificFilesWinAndOnlyItsOwnApply()
    {
        var migrations = new MigrationSource("sample", Assembly, "SampleMigrations/notes").Load(StorageProvider.Postgres);

        Assert.Equal(["sample/0001_create_notes", "sample/0002_note_author", "sample/0003_note_search"], migrations.Select(m => m.Id));
        Assert.Contains("postgres-default", migrations[1].Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadFileName_SaysHowToNameIt()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => new MigrationSource("sample", Assembly, "SampleMigrations/bad").Load(StorageProvider.Sqlite));

        Assert.Contains("NNNN_description", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Checksum_LineEndingsDiffer_SameChecksum()
    {
        Assert.Equal(new Migration("a", "CREATE TABLE t (id int);\nSELECT 1;").Checksum, new Migration("a", "CREATE TABLE t (id int);\r\nSELECT 1;").Checksum);
    }

    [Fact]
    public void For_SameIdFromTwoSources_Refused()
    {
        var catalog = new MigrationCatalog([
            new MigrationSource("sample", Assembly, "SampleMigrations/notes"),
            new MigrationSource("sample", Assembly, "SampleMigrations/changed"),
        ]);

        Assert.Throws<InvalidOperationException>(() => catalog.For(StorageProvider.Sqlite));
    }
}
