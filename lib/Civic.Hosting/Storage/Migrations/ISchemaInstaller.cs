namespace Civic.Hosting.Storage.Migrations;

/// <summary>
/// A part of the service's schema that a library creates and versions itself (Hangfire's job
/// tables: its package carries its own upgrade scripts, so a package upgrade brings its schema
/// change along). <see cref="SchemaMigrator"/> runs every installer after the SQL migrations and
/// under the same lock, so it happens wherever migrations happen: in the migrate command (the
/// Kubernetes Job) or at start-up on one machine, never racing another replica.
/// </summary>
public interface ISchemaInstaller
{
    /// <summary>Names what is installed, for the log.</summary>
    string Name { get; }

    /// <summary>Creates or upgrades what is missing; does nothing when all is in place. Opens its own connection.</summary>
    Task InstallAsync(CancellationToken cancellationToken);
}
