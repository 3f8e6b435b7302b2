using Microsoft.EntityFrameworkCore;

namespace Civic.Network.Groups;

/// <summary>
/// Which network groups a caller is in, by the profiles they own (opted in), and whether they share one with a
/// person: what a partner, who sees only their own groups, may see of the people in them.
/// </summary>
public static class GroupFellowship
{
    /// <summary>The memberships of the profiles the caller owns (none for a caller without a user id).</summary>
    public static IQueryable<GroupMembership> MembershipsOf(NetworkDbContext db, NetworkCaller caller) =>
        db.NetworkGroupMembers.Where(m => caller.UserId.Length > 0
            && db.ResourcePersons.Any(p => p.Id == m.ResourcePersonId && p.OwnerId == caller.UserId && p.OptedIn));

    /// <summary>Whether <paramref name="personId"/> is a member of a group one of the caller's profiles is a member of.</summary>
    public static Task<bool> SharesGroupWithAsync(NetworkDbContext db, NetworkCaller caller, string personId, CancellationToken cancellationToken) =>
        db.NetworkGroupMembers.AnyAsync(m => m.ResourcePersonId == personId && MembershipsOf(db, caller).Any(own => own.GroupId == m.GroupId), cancellationToken);
}
