using Civic.Panel.Membership;
using Civic.Panel.Pool;
using Microsoft.EntityFrameworkCore;

namespace Civic.Panel.Fairness;

/// <summary>
/// The fairness report of the pool: after each draw, the participation distribution over the members who
/// were in the pool then (signed up and confirmed before it, not yet left), and the same for now. Members
/// who left still count for the time they were in: their rows keep the dates, without personal data.
/// </summary>
public sealed class FairnessReporter(PanelDbContext db, ParticipationHistory history, TimeProvider timeProvider)
{
    public async Task<(ParticipationDistribution Current, IReadOnlyList<ParticipationDistribution> History)> ReportAsync(CancellationToken cancellationToken)
    {
        var members = await db.PoolMembers.AsNoTracking()
            .Where(m => m.Status != PoolMemberStatus.Pending)
            .Select(m => new { m.Id, Joined = m.ConfirmedAt ?? m.CreatedAt, Left = m.WithdrawnAt, m.Status })
            .ToListAsync(cancellationToken);
        // Every invitation, not only the drawn members': a reserve asked to take a freed seat was invited too.
        var invitations = await db.Invitations.AsNoTracking().Select(i => new { i.MemberId, i.SentAt }).ToListAsync(cancellationToken);
        var firstInvited = invitations.GroupBy(i => i.MemberId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(i => i.SentAt), StringComparer.Ordinal);
        bool InvitedBy(string memberId, DateTimeOffset asOf) => firstInvited.TryGetValue(memberId, out var first) && first <= asOf;
        var draws = await history.DrawsAsync(cancellationToken);
        var seats = new Dictionary<string, int>(StringComparer.Ordinal);
        var points = new List<ParticipationDistribution>(draws.Count);
        for (var i = 0; i < draws.Count; i++)
        {
            var (draw, panel) = draws[i];
            foreach (var id in panel)
            {
                seats[id] = seats.GetValueOrDefault(id) + 1;
            }

            var inPool = members.Where(m => m.Joined <= draw.DrawnAt && (m.Left is null || m.Left > draw.DrawnAt));
            points.Add(ParticipationDistribution.Of(draw.DrawnAt, i + 1,
                inPool.Select(m => new MemberParticipation(seats.GetValueOrDefault(m.Id), InvitedBy(m.Id, draw.DrawnAt))).ToList()));
        }

        var now = timeProvider.GetUtcNow();
        var current = ParticipationDistribution.Of(now, draws.Count, members.Where(m => m.Status == PoolMemberStatus.Active)
            .Select(m => new MemberParticipation(seats.GetValueOrDefault(m.Id), InvitedBy(m.Id, now))).ToList());
        return (current, points);
    }
}
