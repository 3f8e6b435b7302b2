using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civic.Network.Taxonomy;

/// <summary>An "other" competence folded into the taxonomy: a synonym of a competence, which the fold may have created.</summary>
public sealed class CompetenceFold
{
    /// <summary>The text lower-cased: one fold per text, whatever its case on the profiles.</summary>
    public required string Term { get; init; }

    /// <summary>The text as the profiles wrote it.</summary>
    public required string Text { get; init; }

    public required string CompetenceId { get; init; }

    /// <summary>The Danish name of the competence this fold created; null when it named one of the taxonomy's.</summary>
    public string? CompetenceName { get; init; }

    public required string FoldedBy { get; init; }

    public DateTimeOffset FoldedAt { get; init; }
}

/// <summary>Maps <see cref="CompetenceFold"/> to the competence_folds table (Migrations/0010).</summary>
public sealed class CompetenceFoldConfiguration : IEntityTypeConfiguration<CompetenceFold>
{
    public void Configure(EntityTypeBuilder<CompetenceFold> builder)
    {
        builder.ToTable("competence_folds");
        builder.HasKey(f => f.Term);
    }
}
