using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civic.Panel.Sessions;

/// <summary>Where a session is held.</summary>
public enum PlaceType
{
    AtHome,
    CultureHouse,
    Online,
    NeutralPlace,
}

/// <summary>A meeting of a case's panel.</summary>
public sealed class PanelSession
{
    public required string Id { get; init; }

    public required string CaseId { get; init; }

    public DateTimeOffset StartsAt { get; init; }

    public PlaceType PlaceType { get; init; }

    public required string Place { get; init; }

    public required string Agenda { get; init; }
}

/// <summary>What one member said or wrote at a session. Contributions carry no weight or rank: every member's counts the same.</summary>
public sealed class Contribution
{
    public required string Id { get; init; }

    public required string SessionId { get; init; }

    public required string CaseId { get; init; }

    public required string MemberId { get; init; }

    /// <summary>What they said; emptied when the member is erased (<see cref="Membership.MemberErasure"/>).</summary>
    public required string Text { get; set; }

    public DateTimeOffset RecordedAt { get; init; }

    /// <summary>The member wrote it through their link (true), or a coordinator recorded it (false).</summary>
    public bool ByMember { get; init; }

    /// <summary>Subject of the coordinator who recorded it, or null when the member wrote it.</summary>
    public string? RecordedBy { get; init; }
}

/// <summary>Maps <see cref="PanelSession"/> to panel_sessions (Migrations/0007).</summary>
public sealed class PanelSessionConfiguration : IEntityTypeConfiguration<PanelSession>
{
    public void Configure(EntityTypeBuilder<PanelSession> builder)
    {
        builder.ToTable("panel_sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.PlaceType).HasConversion<string>();
    }
}

/// <summary>Maps <see cref="Contribution"/> to panel_contributions (Migrations/0007).</summary>
public sealed class ContributionConfiguration : IEntityTypeConfiguration<Contribution>
{
    public void Configure(EntityTypeBuilder<Contribution> builder)
    {
        builder.ToTable("panel_contributions");
        builder.HasKey(c => c.Id);
    }
}
