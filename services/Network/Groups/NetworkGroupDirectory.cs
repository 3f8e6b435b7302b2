using Civic.Hosting.Calendar;
using Civic.Hosting.Errors;
using Civic.Hosting.Storage;
using Civic.Network.ResourcePersons;
using Microsoft.EntityFrameworkCore;

namespace Civic.Network.Groups;

/// <summary>A member as shown: the membership with the resource person's name and organisation.</summary>
public sealed record GroupMemberView(GroupMembership Membership, string DisplayName, string Organisation, bool IsPartner);

/// <summary>A group as shown, with its members and (for one group) its notices, newest first, and its coming meetings, soonest first.</summary>
public sealed record NetworkGroupView(NetworkGroup Group, IReadOnlyList<GroupMemberView> Members, IReadOnlyList<GroupNotice> Notices)
{
    public IReadOnlyList<GroupMeeting> Meetings { get; init; } = [];
}

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

    /// <summary>
    /// Every group (or those around one challenge area) with its members, by challenge area and name; to a partner
    /// (someone outside the municipality), only the groups their profile is a member of.
    /// </summary>
    public async Task<IReadOnlyList<NetworkGroupView>> ListAsync(string? challengeArea, NetworkCaller caller, CancellationToken cancellationToken)
    {
        var query = db.NetworkGroups.AsNoTracking();
        if (!caller.IsEmployee)
        {
            query = query.Where(g => GroupFellowship.MembershipsOf(db, caller).Any(m => m.GroupId == g.Id));
        }

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

    /// <summary>One group with its notices and coming meetings; a partner sees only a group they are a member of (others are NOT_FOUND to them).</summary>
    public async Task<NetworkGroupView> GetAsync(string id, NetworkCaller caller, CancellationToken cancellationToken) =>
        await GetAsync((await FindVisibleAsync(id, caller, cancellationToken)).Id, cancellationToken);

    private async Task<NetworkGroupView> GetAsync(string id, CancellationToken cancellationToken)
    {
        var group = await FindAsync(id, cancellationToken);
        var notices = await db.NetworkGroupNotices.AsNoTracking().Where(n => n.GroupId == group.Id).ToListAsync(cancellationToken);
        var members = await MembersAsync([group.Id], cancellationToken);
        // Meetings still going on count as coming: a member may look for the link in the middle of one.
        var now = timeProvider.GetStoredUtcNow();
        var meetings = await db.NetworkGroupMeetings.AsNoTracking().Where(m => m.GroupId == group.Id && m.EndsAt > now).ToListAsync(cancellationToken);
        return new NetworkGroupView(group, members[group.Id].ToList(),
            notices.OrderByDescending(n => n.PostedAt).ThenByDescending(n => n.Id, StringComparer.Ordinal).Take(NoticesShown).ToList())
        {
            Meetings = meetings.OrderBy(m => m.StartsAt).ThenBy(m => m.Id, StringComparer.Ordinal).ToList(),
        };
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
        var group = await FindVisibleAsync(groupId, caller, cancellationToken);
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

    /// <summary>Schedules a meeting of the group (the caller is a coordinator or administrator: the access rule says so).</summary>
    /// <exception cref="ValidationException">A field is wrong (a start in the past, an end before the start, no place or link …).</exception>
    /// <exception cref="NotFoundException">No such group.</exception>
    public async Task<GroupMeeting> ScheduleMeetingAsync(string groupId, NewGroupMeeting request, NetworkCaller caller, CancellationToken cancellationToken)
    {
        var group = await FindAsync(groupId, cancellationToken);
        var now = timeProvider.GetStoredUtcNow();
        var valid = NetworkGroupRules.ValidMeeting(request, now);
        var meeting = new GroupMeeting
        {
            Id = Guid.CreateVersion7(now).ToString(),
            GroupId = group.Id,
            Title = valid.Title,
            StartsAt = valid.StartsAt!.Value,
            EndsAt = valid.EndsAt!.Value,
            Place = valid.Place,
            OnlineUrl = valid.OnlineUrl,
            Agenda = valid.Agenda,
            ScheduledBy = caller.UserId,
            ScheduledAt = now,
        };
        db.NetworkGroupMeetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        return meeting;
    }

    /// <summary>A meeting as an iCalendar file, named for the group.</summary>
    /// <exception cref="NotFoundException">No such group, or no such meeting of it.</exception>
    public async Task<(string Ics, string FileName)> MeetingCalendarAsync(string groupId, string meetingId, NetworkCaller caller, CancellationToken cancellationToken)
    {
        var group = await FindVisibleAsync(groupId, caller, cancellationToken);
        var meeting = await db.NetworkGroupMeetings.AsNoTracking().SingleOrDefaultAsync(m => m.GroupId == group.Id && m.Id == meetingId, cancellationToken)
            ?? throw new NotFoundException($"'{group.Name}' has no meeting with the id '{meetingId}'.", $"'{group.Name}' har intet møde med id '{meetingId}'.");
        var description = string.Join("\n\n", new[] { meeting.Agenda, meeting.OnlineUrl }.Where(t => t.Length > 0));
        var ics = CalendarFiles.Of(new CalendarEntry($"{meeting.Id}@ressourcenetvaerket", $"{group.Name}: {meeting.Title}", description, meeting.StartsAt, meeting.EndsAt)
        {
            Location = meeting.Place.Length > 0 ? meeting.Place : meeting.OnlineUrl,
            Url = meeting.OnlineUrl.Length > 0 ? new Uri(meeting.OnlineUrl) : null,
        });
        return (ics, $"moede-{meeting.StartsAt.UtcDateTime:yyyy-MM-dd}.ics");
    }

    /// <summary>The group, if the caller may see it: the municipality's people see every group, a partner only their own.</summary>
    private async Task<NetworkGroup> FindVisibleAsync(string id, NetworkCaller caller, CancellationToken cancellationToken)
    {
        var group = await FindAsync(id, cancellationToken);
        if (!caller.IsEmployee && !await GroupFellowship.MembershipsOf(db, caller).AnyAsync(m => m.GroupId == group.Id, cancellationToken))
        {
            // The same answer as for a group that does not exist: which groups there are is the municipality's to know.
            throw NoSuchGroup(id);
        }

        return group;
    }

    private static NotFoundException NoSuchGroup(string id) =>
        new($"No network group has the id '{id}'.", $"Der findes ingen netværksgruppe med id '{id}'.");

    private async Task<NetworkGroup> FindAsync(string id, CancellationToken cancellationToken) =>
        await db.NetworkGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, cancellationToken)
        ?? throw NoSuchGroup(id);

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
