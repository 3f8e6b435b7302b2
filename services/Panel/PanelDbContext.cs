using Civic.Hosting.Notifications;
using Civic.Hosting.Storage;
using Civic.Panel.Audit;
using Civic.Panel.Cases;
using Civic.Panel.Convening;
using Civic.Panel.Pool;
using Microsoft.EntityFrameworkCore;

namespace Civic.Panel;

/// <summary>The Panel database. Its schema comes from the SQL migrations in Migrations/, not from EF.</summary>
public sealed class PanelDbContext(DbContextOptions<PanelDbContext> options) : DbContext(options)
{
    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CasePhaseTransition> CasePhaseTransitions => Set<CasePhaseTransition>();

    public DbSet<FeatureSchemaValue> FeatureSchema => Set<FeatureSchemaValue>();

    public DbSet<PoolMember> PoolMembers => Set<PoolMember>();

    public DbSet<PanelDrawRecord> Draws => Set<PanelDrawRecord>();

    public DbSet<MemberLink> MemberLinks => Set<MemberLink>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Messages to people, written with the change they tell about (Migrations/0003).</summary>
    public DbSet<OutboxMessage> Notifications => Set<OutboxMessage>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.AddCivicConventions(Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder
            .ApplyConfiguration(new CaseConfiguration())
            .ApplyConfiguration(new CasePhaseTransitionConfiguration())
            .ApplyConfiguration(new FeatureSchemaValueConfiguration())
            .ApplyConfiguration(new PoolMemberConfiguration())
            .ApplyConfiguration(new PanelDrawRecordConfiguration())
            .ApplyConfiguration(new MemberLinkConfiguration())
            .ApplyConfiguration(new AuditEntryConfiguration())
            .ApplyConfiguration(new OutboxMessageConfiguration());
}
