using Civic.Hosting.Notifications;
using Civic.Hosting.Storage;
using Civic.Network.Capacity;
using Civic.Network.Groups;
using Civic.Network.Navigators;
using Civic.Network.ProfileUpkeep;
using Civic.Network.Requests;
using Civic.Network.ResourcePersons;
using Civic.Network.Taxonomy;
using Civic.Network.Toolbox;
using Microsoft.EntityFrameworkCore;

namespace Civic.Network;

/// <summary>The Network database. Its schema comes from the SQL migrations in Migrations/, not from EF.</summary>
public sealed class NetworkDbContext(DbContextOptions<NetworkDbContext> options) : DbContext(options)
{
    public DbSet<ResourcePerson> ResourcePersons => Set<ResourcePerson>();

    public DbSet<CapacityMonth> CapacityMonths => Set<CapacityMonth>();

    public DbSet<HelpRequest> HelpRequests => Set<HelpRequest>();

    public DbSet<ToolboxArticle> ToolboxArticles => Set<ToolboxArticle>();

    public DbSet<Family> Families => Set<Family>();

    public DbSet<NetworkGroup> NetworkGroups => Set<NetworkGroup>();

    public DbSet<GroupMembership> NetworkGroupMembers => Set<GroupMembership>();

    public DbSet<GroupNotice> NetworkGroupNotices => Set<GroupNotice>();

    public DbSet<GroupMeeting> NetworkGroupMeetings => Set<GroupMeeting>();

    /// <summary>Messages to people, written with the change they tell about (Migrations/0007).</summary>
    public DbSet<OutboxMessage> Notifications => Set<OutboxMessage>();
    public DbSet<ProfileReport> ProfileReports => Set<ProfileReport>();

    /// <summary>"Other" competences folded into the taxonomy (Migrations/0010).</summary>
    public DbSet<CompetenceFold> CompetenceFolds => Set<CompetenceFold>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.AddCivicConventions(Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder
            .ApplyConfiguration(new ResourcePersonConfiguration())
            .ApplyConfiguration(new CapacityMonthConfiguration())
            .ApplyConfiguration(new HelpRequestConfiguration())
            .ApplyConfiguration(new ToolboxArticleConfiguration())
            .ApplyConfiguration(new FamilyConfiguration())
            .ApplyConfiguration<NetworkGroup>(new NetworkGroupConfiguration())
            .ApplyConfiguration<GroupMembership>(new NetworkGroupConfiguration())
            .ApplyConfiguration<GroupNotice>(new NetworkGroupConfiguration())
            .ApplyConfiguration<GroupMeeting>(new NetworkGroupConfiguration())
            .ApplyConfiguration(new ProfileReportConfiguration())
            .ApplyConfiguration(new CompetenceFoldConfiguration())
            .ApplyConfiguration(new OutboxMessageConfiguration());
}
