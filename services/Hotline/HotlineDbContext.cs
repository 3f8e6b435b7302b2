using Civic.Hosting.Notifications;
using Civic.Hosting.Storage;
using Civic.Hotline.Bookings;
using Civic.Hotline.Departments;
using Civic.Hotline.Ideas;
using Civic.Hotline.Schedules;
using Microsoft.EntityFrameworkCore;

namespace Civic.Hotline;

/// <summary>The Hotline database. Its schema comes from the SQL migrations in Migrations/, not from EF.</summary>
public sealed class HotlineDbContext(DbContextOptions<HotlineDbContext> options) : DbContext(options)
{
    public DbSet<Department> Departments => Set<Department>();

    public DbSet<ScheduleRule> ScheduleRules => Set<ScheduleRule>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<RuleChangeEntry> RuleChanges => Set<RuleChangeEntry>();

    public DbSet<Slot> Slots => Set<Slot>();

    public DbSet<Booking> Bookings => Set<Booking>();

    public DbSet<Idea> Ideas => Set<Idea>();

    public DbSet<OutboxMessage> Notifications => Set<OutboxMessage>();

    public DbSet<Lottery.RequestedSlot> RequestedSlots => Set<Lottery.RequestedSlot>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.AddCivicConventions(Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HotlineDbContext).Assembly);
}
