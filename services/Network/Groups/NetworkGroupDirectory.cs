using Civic.Hosting.Errors;
using Civic.Hosting.Storage;
using Civic.Network.ResourcePersons;
using Microsoft.EntityFrameworkCore;

namespace Civic.Network.Groups;

/// <summary>A member as shown: the membership with the resource person's name and organisation.</summary>
public sealed record GroupMemberView(GroupMembership Membership, string DisplayName, string Organisation, bool IsPartner);

/// <summary>A group as shown, with its members and (for one group) its notices, newest first.</summary>
public sealed record NetworkGroupView(NetworkGroup Group, IReadOnlyList<GroupMemberView> Members, IReadOnlyList<GroupNotice> Notices);

/// <summary>Creates network groups, adds members, and keeps each group's notice board.</summary>
public sealed class NetworkGroupDirectory(NetworkDbContext db, TimeProvider timeProvider)
{
    /// <summary>How many notices a group's page shows.</summary>
    public const int NoticesShown = 50;

    public async Task<NetworkGroupView> CreateAsync(string name, string challengeArea, string description, CancellationToken cancellationToken)
    {
        var valid = NetworkGroupRules.ValidGroup(name, challengeArea, description);
        var now = timeProvider.GetStoredUtcNow();
        var group = new NetworkGroup
        {
            Id = Guid.CreateVersion7(now).ToString(),
            Name = valid.Name,
            ChallengeArea = valid.ChallengeArea,
            Description = valid.Description,
            CreatedAt = now,
        };
        db.NetworkGroups.Add(group);
        await db.SaveChangesAsync(cancellationToken);
        return new NetworkGroupView(group, [], []);
    }

    /// <summary>Every group (or those around one challenge area) with its members, by challenge area and name.</summary>
    public async Task<IReadOnlyList<NetworkGroupView>> ListAsync(string? challengeArea, CancellationToken cancellationToken)
    {
        var query = db.NetworkGroups.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(challengeArea))
        {
            var area = NetworkGroupRules.ValidGroup("-", challengeArea, string.Empty).ChallengeArea;
            query = query.Where(g => g.ChallengeArea == area);
        }

        var groups = await query.ToListAsync(cancellationToken);
        var members = await MembersAsync(groups.Select(g => g.Id).ToList(), cancellationToken);
        return groups.OrderBy(g => g.ChallengeArea, StringComparer.Ordinal).ThenBy(g => g.Name, StringComparer.Ordinal)
            .Select(g => new NetworkGroupView(g, members[g.Id].ToList(), [])).ToList();
    }

    public async Task<NetworkGroupView> GetAsync(string id, CancellationToken cancellationToken)
    {
        var group = await FindAsync(id, cancellationToken);
        var notices = await db.NetworkGroupNotices.AsNoTracking().Where(n => n.GroupId == group.Id).ToListAsync(cancellationToken);
        var members = await MembersAsync([group.Id], cancellationToken);
        return new NetworkGroupView(group, members[group.Id].ToList(),
            notices.OrderByDescending(n => n.PostedAt).ThenByDescending(n => n.Id, StringComparer.Ordinal).Take(NoticesShown).ToList());
    }

    /// <exception cref="NotFoundException">No such group, or no such resource person in the network.</exception>
    /// <exception cref="AlreadyExistsException">The person is a member already.</exception>
    public async Task<NetworkGroupView> AddMemberAsync(string groupId, string resourcePersonId, CancellationToken cancellationToken)
    {
        new FieldViolations().Required("resource_person_id", resourcePersonId, "the resource person's id", "ressourcepersonens id").ThrowIfAny();
        var group = await FindAsync(groupId, cancellationToken);
        var person = await db.ResourcePersons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == resourcePersonId && p.OptedIn, cancellationToken)
            ?? throw new NotFoundException($"'{resourcePersonId}' is not a resource person in the network. Search the network for the person's id.",
                $"'{resourcePersonId}' er ikke en ressourceperson i netværket. Søg i netværket efter personens id.");
        if (await db.NetworkGroupMembers.AnyAsync(m => m.GroupId == group.Id && m.ResourcePersonId == person.Id, cancellationToken))
        {
            throw new AlreadyExistsException($"{person.DisplayName} is a member of '{group.Name}' already.",
                $"{person.DisplayName} er allerede medlem af '{group.Name}'.");
        }

        db.NetworkGroupMembers.Add(new GroupMembership { GroupId = group.Id, ResourcePersonId = person.Id, JoinedAt = timeProvider.GetStoredUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(group.Id, cancellationToken);
    }

    /// <summary>Posts a notice as the caller: a coordinator or administrator, or a member (the owner of a member profile).</summary>
    /// <exception cref="PermissionDeniedException">The caller is neither a coordinator nor a member of the group.</exception>
    public async Task<GroupNotice> PostNoticeAsync(string groupId, string text, NetworkCaller caller, CancellationToken cancellationToken)
    {
        var group = await FindAsync(groupId, cancellationToken);
        var valid = NetworkGroupRules.ValidNotice(text);
        var memberName = caller.UserId.Length == 0 ? null : await db.NetworkGroupMembers.AsNoTracking()
            .Where(m => m.GroupId == group.Id)
            .Join(db.ResourcePersons.Where(p => p.OwnerId == caller.UserId && p.OptedIn), m => m.ResourcePersonId, p => p.Id, (m, p) => p.DisplayName)
            .FirstOrDefaultAsync(cancellationToken);
        if (memberName is null && !caller.IsCoordinatorOrAdmin)
        {
            throw new PermissionDeniedException($"Only the members of '{group.Name}' and the network's coordinators can post on its notice board.",
                $"Kun medlemmer af '{group.Name}' og netværkets koordinatorer kan skrive på gruppens opslagstavle.");
        }

        var now = timeProvider.GetStoredUtcNow();
        var notice = new GroupNotice
        {
            Id = Guid.CreateVersion7(now).ToString(),
            GroupId = group.Id,
            AuthorUserId = caller.UserId,
            AuthorName = memberName ?? (caller.Name.Length > 0 ? caller.Name : caller.UserId),
            Text = valid,
            PostedAt = now,
        };
        db.NetworkGroupNotices.Add(notice);
        await db.SaveChangesAsync(cancellationToken);
        return notice;
    }

    private async Task<NetworkGroup> FindAsync(string id, CancellationToken cancellationToken) =>
        await db.NetworkGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, cancellationToken)
        ?? throw new NotFoundException($"No network group has the id '{id}'.", $"Der findes ingen netværksgruppe med id '{id}'.");

    private async Task<ILookup<string, GroupMemberView>> MembersAsync(List<string> groupIds, CancellationToken cancellationToken)
    {
        var rows = await db.NetworkGroupMembers.AsNoTracking().Where(m => groupIds.Contains(m.GroupId))
            .Join(db.ResourcePersons, m => m.ResourcePersonId, p => p.Id, (m, p) => new { Membership = m, p.DisplayName, p.Organisation, p.Kind })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.DisplayName, StringComparer.Ordinal)
            .Select(r => new GroupMemberView(r.Membership, r.DisplayName, r.Organisation, r.Kind == PersonKind.Partner))
            .ToLookup(v => v.Membership.GroupId, StringComparer.Ordinal);
    }
}
