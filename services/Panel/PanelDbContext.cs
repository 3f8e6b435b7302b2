using Civic.Hosting.Storage;
using Civic.Panel.Cases;
using Microsoft.EntityFrameworkCore;

namespace Civic.Panel;

/// <summary>The Panel database. Its schema comes from the SQL migrations in Migrations/, not from EF.</summary>
public sealed class PanelDbContext(DbContextOptions<PanelDbContext> options) : DbContext(options)
{
    public DbSet<Case> Cases => Set<Case>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.AddCivicConventions(Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfiguration(new CaseConfiguration());
}
