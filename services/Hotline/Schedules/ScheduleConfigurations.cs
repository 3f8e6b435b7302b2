using Microsoft.EntityFrameworkCore;
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
