using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civic.Network.Groups;

/// <summary>Maps the groups, their memberships, notices and meetings to network_groups, network_group_members, network_group_notices (Migrations/0006) and network_group_meetings (0010).</summary>
public sealed class NetworkGroupConfiguration :
    IEntityTypeConfiguration<NetworkGroup>, IEntityTypeConfiguration<GroupMembership>, IEntityTypeConfiguration<GroupNotice>, IEntityTypeConfiguration<GroupMeeting>
{
    public void Configure(EntityTypeBuilder<NetworkGroup> builder)
    {
        builder.ToTable("network_groups");
        builder.HasKey(g => g.Id);
    }

    public void Configure(EntityTypeBuilder<GroupMembership> builder)
    {
        builder.ToTable("network_group_members");
        builder.HasKey(m => new { m.GroupId, m.ResourcePersonId });
    }

    public void Configure(EntityTypeBuilder<GroupNotice> builder)
    {
        builder.ToTable("network_group_notices");
        builder.HasKey(n => n.Id);
    }

    public void Configure(EntityTypeBuilder<GroupMeeting> builder)
    {
        builder.ToTable("network_group_meetings");
        builder.HasKey(m => m.Id);
    }
}
