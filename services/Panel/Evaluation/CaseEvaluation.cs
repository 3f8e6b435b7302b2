using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civic.Panel.Evaluation;

/// <summary>How far the goals were reached, judged against the success criteria.</summary>
public enum GoalFulfilment
{
    NotMet,
    PartlyMet,
    Met,
}

/// <summary>The evaluation of the Erkendelse phase: goal fulfilment, involvement, process, learning. One per case.</summary>
public sealed class CaseEvaluation
{
    public required string CaseId { get; init; }

    public GoalFulfilment GoalFulfilment { get; set; }

    public required string GoalAssessment { get; set; }

    public required string Involvement { get; set; }

    public required string Process { get; set; }

    public required string Learning { get; set; }

    public required string RecordedBy { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>Maps <see cref="CaseEvaluation"/> to panel_evaluations (Migrations/0007).</summary>
public sealed class CaseEvaluationConfiguration : IEntityTypeConfiguration<CaseEvaluation>
{
    public void Configure(EntityTypeBuilder<CaseEvaluation> builder)
    {
        builder.ToTable("panel_evaluations");
        builder.HasKey(e => e.CaseId);
        builder.Property(e => e.GoalFulfilment).HasConversion<string>();
    }
}
