using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civic.Panel.Audit;

/// <summary>
/// One read or change of personal data or case data: who, when, what, why. Entries name members and
/// cases only by id, never by anything personal, so an erased member leaves nothing here that identifies them.
/// </summary>
public sealed class AuditEntry
{
    public required string Id { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public required string Actor { get; init; }

    public required string Action { get; init; }

    public required string SubjectType { get; init; }

    public required string SubjectId { get; init; }

    public required string Reason { get; init; }
}

/// <summary>Maps <see cref="AuditEntry"/> to audit_entries (Migrations/0004).</summary>
public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(e => e.Id);
    }
}
