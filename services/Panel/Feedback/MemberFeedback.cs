using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civic.Panel.Feedback;

/// <summary>What one member was told became of their input; one per member and case.</summary>
public sealed class MemberFeedback
{
    public required string CaseId { get; init; }

    public required string MemberId { get; init; }

    /// <summary>Emptied when the member is erased (<see cref="Membership.MemberErasure"/>).</summary>
    public required string Text { get; set; }

    public DateTimeOffset GivenAt { get; init; }

    public required string GivenBy { get; init; }
}

/// <summary>A record that feedback to some members was overdue and who was told.</summary>
public sealed class FeedbackEscalation
{
    public required string Id { get; init; }

    public required string CaseId { get; init; }

    /// <summary>1: the coordinator; 2: the head of the owning department.</summary>
    public int Level { get; init; }

    public required string Recipient { get; init; }

    public int MissingCount { get; init; }

    public DateTimeOffset EscalatedAt { get; init; }
}

/// <summary>Panel:Feedback settings.</summary>
public sealed class FeedbackOptions
{
    public const string SectionName = "Panel:Feedback";

    /// <summary>Feedback is due this long after the synthesis became final; then the coordinator is told.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00")]
    public TimeSpan DueAfter { get; set; } = TimeSpan.FromDays(30);

    /// <summary>This long after the due date, the head of the owning department is told too.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00")]
    public TimeSpan DepartmentHeadAfter { get; set; } = TimeSpan.FromDays(14);
}

/// <summary>Maps <see cref="MemberFeedback"/> to panel_feedback (Migrations/0007).</summary>
public sealed class MemberFeedbackConfiguration : IEntityTypeConfiguration<MemberFeedback>
{
    public void Configure(EntityTypeBuilder<MemberFeedback> builder)
    {
        builder.ToTable("panel_feedback");
        builder.HasKey(f => new { f.CaseId, f.MemberId });
    }
}

/// <summary>Maps <see cref="FeedbackEscalation"/> to panel_feedback_escalations (Migrations/0007).</summary>
public sealed class FeedbackEscalationConfiguration : IEntityTypeConfiguration<FeedbackEscalation>
{
    public void Configure(EntityTypeBuilder<FeedbackEscalation> builder)
    {
        builder.ToTable("panel_feedback_escalations");
        builder.HasKey(e => e.Id);
    }
}
