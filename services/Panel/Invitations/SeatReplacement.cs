using Civic.Panel.Convening;
using Civic.Panel.Lottery;

namespace Civic.Panel.Invitations;

/// <summary>Who is invited to a seat that a member gave up (declined, expired, withdrew).</summary>
public static class SeatReplacement
{
    /// <summary>
    /// The first reserve of the draw, in draw order, who is still an active pool member, has not been invited
    /// for this draw before, and with whom the panel keeps every quota and the household rule; or null.
    /// Seats given up and not yet replaced count with their last member, so several seats freed at
    /// once are refilled one by one against the panel as drawn.
    /// </summary>
    public static string? NextMember(StoredDraw draw, IReadOnlyList<PanelInvitation> drawInvitations, PanelInvitation leaving, IReadOnlySet<string> activeMemberIds)
    {
        var replaced = drawInvitations.Where(i => i.ReplacesInvitationId is not null).Select(i => i.ReplacesInvitationId!).ToHashSet(StringComparer.Ordinal);
        var seated = drawInvitations.Where(i => !replaced.Contains(i.Id)).Select(i => i.MemberId).ToList();
        var invited = drawInvitations.Select(i => i.MemberId).ToHashSet(StringComparer.Ordinal);
        var reserves = draw.Result.Reserves.Where(id => !invited.Contains(id) && activeMemberIds.Contains(id));
        return PanelReplacement.Next(draw.Problem(), seated, leaving.MemberId, reserves);
    }
}
