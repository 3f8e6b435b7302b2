using Civic.Hosting.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civic.Panel.Cases;

/// <summary>
/// Maps <see cref="Case"/> to the cases table (Migrations/0001, 0002, 0010). Enums are stored by name, readable in the
/// database; the brief's lists are JSON text columns, as the pool's features are.
/// </summary>
public sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.CoCreationType).HasConversion<string>();
        builder.Property(c => c.Phase).HasConversion<string>();
        builder.Property(c => c.SuccessCriteria).HasJsonListConversion();
        builder.Property(c => c.Stakeholders).HasJsonListConversion();
        builder.Property(c => c.PanelQuestions).HasJsonListConversion();
    }
}

/// <summary>Maps <see cref="CasePhaseTransition"/> to case_phase_transitions (Migrations/0002).</summary>
public sealed class CasePhaseTransitionConfiguration : IEntityTypeConfiguration<CasePhaseTransition>
{
    public void Configure(EntityTypeBuilder<CasePhaseTransition> builder)
    {
        builder.ToTable("case_phase_transitions");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.FromPhase).HasConversion<string>();
        builder.Property(t => t.ToPhase).HasConversion<string>();
    }
}
