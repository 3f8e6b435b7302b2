using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civic.Panel.Synthesis;

/// <summary>Draft → in review (members comment) → final.</summary>
public enum SynthesisStage
{
    Draft,
    InReview,
    Final,
}

/// <summary>The coordinator's synthesis of what the panel brought in; one per case.</summary>
public sealed class CaseSynthesis
{
    public required string CaseId { get; init; }

    public required string Text { get; set; }

    public SynthesisStage Stage { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string NoteToMembers { get; set; } = string.Empty;

    public string ReviewResponse { get; set; } = string.Empty;

    public DateTimeOffset? FinalisedAt { get; set; }

    /// <summary>Subject of the coordinator who made it final: the first to hear of missing feedback.</summary>
    public string? FinalisedBy { get; set; }
}

/// <summary>A member's comment on the synthesis in review.</summary>
public sealed class SynthesisComment
{
    public required string Id { get; init; }

    public required string CaseId { get; init; }

    public required string MemberId { get; init; }

    /// <summary>Emptied when the member is erased (<see cref="Membership.MemberErasure"/>).</summary>
    public required string Text { get; set; }

    public DateTimeOffset CommentedAt { get; init; }
}

/// <summary>Maps <see cref="CaseSynthesis"/> to panel_syntheses (Migrations/0007).</summary>
public sealed class CaseSynthesisConfiguration : IEntityTypeConfiguration<CaseSynthesis>
{
    public void Configure(EntityTypeBuilder<CaseSynthesis> builder)
    {
        builder.ToTable("panel_syntheses");
        builder.HasKey(s => s.CaseId);
        builder.Property(s => s.Stage).HasConversion<string>();
    }
}

/// <summary>Maps <see cref="SynthesisComment"/> to panel_synthesis_comments (Migrations/0007).</summary>
public sealed class SynthesisCommentConfiguration : IEntityTypeConfiguration<SynthesisComment>
{
    public void Configure(EntityTypeBuilder<SynthesisComment> builder)
    {
        builder.ToTable("panel_synthesis_comments");
        builder.HasKey(c => c.Id);
    }
}
