using Civic.Hosting.Notifications;
using Civic.Hosting.Storage;
using Civic.Panel.Audit;
using Civic.Panel.Cases;
using Civic.Panel.Convening;
using Civic.Panel.Evaluation;
using Civic.Panel.Feedback;
using Civic.Panel.Invitations;
using Civic.Panel.Pool;
using Civic.Panel.Schema;
using Civic.Panel.Sessions;
using Civic.Panel.Synthesis;
using Microsoft.EntityFrameworkCore;

namespace Civic.Panel;

/// <summary>The Panel database. Its schema comes from the SQL migrations in Migrations/, not from EF.</summary>
public sealed class PanelDbContext(DbContextOptions<PanelDbContext> options) : DbContext(options)
{
    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CasePhaseTransition> CasePhaseTransitions => Set<CasePhaseTransition>();

    public DbSet<FeatureSchemaValue> FeatureSchema => Set<FeatureSchemaValue>();

    public DbSet<FeatureSchemaCategory> FeatureCategories => Set<FeatureSchemaCategory>();

    public DbSet<FeatureSchemaVersion> FeatureSchemaVersion => Set<FeatureSchemaVersion>();

    public DbSet<PoolMember> PoolMembers => Set<PoolMember>();

    public DbSet<PanelDrawRecord> Draws => Set<PanelDrawRecord>();

    public DbSet<MemberLink> MemberLinks => Set<MemberLink>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<PanelInvitation> Invitations => Set<PanelInvitation>();

    public DbSet<PanelSession> Sessions => Set<PanelSession>();

    public DbSet<Contribution> Contributions => Set<Contribution>();

    public DbSet<CaseSynthesis> Syntheses => Set<CaseSynthesis>();

    public DbSet<SynthesisComment> SynthesisComments => Set<SynthesisComment>();

    public DbSet<MemberFeedback> Feedback => Set<MemberFeedback>();

    public DbSet<FeedbackEscalation> FeedbackEscalations => Set<FeedbackEscalation>();

    public DbSet<CaseEvaluation> Evaluations => Set<CaseEvaluation>();

    /// <summary>Messages to people, written with the change they tell about (Migrations/0003).</summary>
    public DbSet<OutboxMessage> Notifications => Set<OutboxMessage>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.AddCivicConventions(Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder
            .ApplyConfiguration(new CaseConfiguration())
            .ApplyConfiguration(new CasePhaseTransitionConfiguration())
            .ApplyConfiguration(new FeatureSchemaValueConfiguration())
            .ApplyConfiguration(new FeatureSchemaCategoryConfiguration())
            .ApplyConfiguration(new FeatureSchemaVersionConfiguration())
            .ApplyConfiguration(new PoolMemberConfiguration())
            .ApplyConfiguration(new PanelDrawRecordConfiguration())
            .ApplyConfiguration(new MemberLinkConfiguration())
            .ApplyConfiguration(new AuditEntryConfiguration())
            .ApplyConfiguration(new PanelInvitationConfiguration())
            .ApplyConfiguration(new PanelSessionConfiguration())
            .ApplyConfiguration(new ContributionConfiguration())
            .ApplyConfiguration(new CaseSynthesisConfiguration())
            .ApplyConfiguration(new SynthesisCommentConfiguration())
            .ApplyConfiguration(new MemberFeedbackConfiguration())
            .ApplyConfiguration(new FeedbackEscalationConfiguration())
            .ApplyConfiguration(new CaseEvaluationConfiguration())
            .ApplyConfiguration(new OutboxMessageConfiguration());
}
