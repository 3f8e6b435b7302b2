using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civic.Hotline.Schedules;

/// <summary>Maps <see cref="ScheduleRule"/> to schedule_rules (Migrations/0004).</summary>
public sealed class ScheduleRuleConfiguration : IEntityTypeConfiguration<ScheduleRule>
{
    public void Configure(EntityTypeBuilder<ScheduleRule> builder)
    {
        builder.ToTable("schedule_rules");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Weekday).HasConversion<int>();
        builder.Property(r => r.HolidayPolicy).HasConversion<string>();
        builder.Property(r => r.Allocation).HasConversion<string>();
    }
}

/// <summary>Maps <see cref="Session"/> to sessions (Migrations/0004).</summary>
public sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.ToTable("sessions");
        builder.HasKey(s => s.Id);
        builder.HasMany(s => s.Slots).WithOne().HasForeignKey(s => s.SessionId);
        builder.Ignore(s => s.AwaitsDraw);
    }
}

/// <summary>Maps <see cref="Slot"/> to slots (Migrations/0004).</summary>
public sealed class SlotConfiguration : IEntityTypeConfiguration<Slot>
{
    public void Configure(EntityTypeBuilder<Slot> builder)
    {
        builder.ToTable("slots");
        builder.HasKey(s => s.Id);
    }
}

/// <summary>Maps <see cref="RuleChangeEntry"/> to schedule_rule_changes (Migrations/0012); the lists are kept as text.</summary>
public sealed class RuleChangeEntryConfiguration : IEntityTypeConfiguration<RuleChangeEntry>
{
    public void Configure(EntityTypeBuilder<RuleChangeEntry> builder)
    {
        builder.ToTable("schedule_rule_changes");
        builder.HasKey(c => c.Id);
        // Known to EF so that a new rule is inserted before its "created" entry.
        builder.HasOne<ScheduleRule>().WithMany().HasForeignKey(c => c.RuleId);
        builder.Property(c => c.Kind).HasConversion<string>();
        builder.Property(c => c.BookedSessions).HasConversion<string>();
        builder.Property(c => c.Changes).HasConversion(
            changes => string.Join('\n', changes),
            text => text.Length == 0 ? new List<string>() : text.Split('\n', StringSplitOptions.None).ToList(),
            new ValueComparer<IReadOnlyList<string>>((a, b) => a!.SequenceEqual(b!), list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item))));
        builder.Property(c => c.AffectedSessions).HasConversion(
            sessions => JsonSerializer.Serialize(sessions, JsonSerializerOptions.Web),
            text => JsonSerializer.Deserialize<List<AffectedSession>>(text, JsonSerializerOptions.Web) ?? new List<AffectedSession>(),
            new ValueComparer<IReadOnlyList<AffectedSession>>((a, b) => a!.SequenceEqual(b!), list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item))));
    }
}
