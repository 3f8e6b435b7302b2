using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civic.Hotline.Ideas;

public enum IdeaStatus
{
    Received = 1,
    UnderConsideration = 2,
    Planned = 3,
    Implemented = 4,
    Declined = 5,
}

/// <summary>An idea for improvement (forbedringsforslag), written by the department so that it holds no personal data.</summary>
public sealed class Idea
{
    public required string Id { get; init; }

    public required string DepartmentId { get; init; }

    /// <summary>The call it came from; the citizen follows the idea through that booking's manage link.</summary>
    public string? BookingId { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    public IdeaStatus Status { get; set; }

    public string? DeclineReason { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset StatusChangedAt { get; set; }

    /// <summary>Set when the idea was still at "received" 30 days after it came in (Migrations/0011); the department was told.</summary>
    public DateTimeOffset? FlaggedAt { get; set; }
}

/// <summary>Maps <see cref="Idea"/> to ideas (Migrations/0006).</summary>
public sealed class IdeaConfiguration : IEntityTypeConfiguration<Idea>
{
    public void Configure(EntityTypeBuilder<Idea> builder)
    {
        builder.ToTable("ideas");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Status).HasConversion<string>();
    }
}
