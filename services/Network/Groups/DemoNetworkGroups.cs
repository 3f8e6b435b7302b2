using Civic.Hosting.DemoData;
using Civic.Network.ResourcePersons;
using Civic.Network.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Civic.Network.Groups;

/// <summary>
/// One group per challenge area, each with up to six opted-in members who work on that area (staff
/// and civil-society partners), and two notices; added once. Sofie Nielsen, the demo staff member's
/// profile, is in the group on vulnerable families, so the demo staff member can post there. Each group also has a
/// meeting two weeks after seeding (added once, by id, also to groups seeded before meetings existed).
/// </summary>
public sealed class DemoNetworkGroups(NetworkDbContext db, TimeProvider timeProvider) : IDemoDataSeeder
{
    public const string SofieNielsenId = "0192f0a0-0000-7000-8000-000000000205";
    public const string FamiliesArea = "Udsatte familier";
    private const int MembersPerGroup = 6;

    public static string GroupId(int index) => $"0192f0a0-0000-7000-8006-{index + 1:D12}";

    public static string MeetingId(int index) => $"0192f0a0-0000-7000-8008-{index + 1:D12}";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await SeedGroupsAsync(cancellationToken);
        await SeedMeetingsAsync(cancellationToken);
    }

    private async Task SeedMeetingsAsync(CancellationToken cancellationToken)
    {
        if (await db.NetworkGroupMeetings.AnyAsync(m => m.Id == MeetingId(0), cancellationToken))
        {
            return;
        }

        var groups = await db.NetworkGroups.AsNoTracking().Select(g => g.Id).ToListAsync(cancellationToken);
        var day = timeProvider.GetUtcNow().UtcDateTime.Date.AddDays(14);
        // 13:00 UTC: 14:00 in Copenhagen in winter, 15:00 in summer; the demo needs a time, not a particular one.
        var starts = new DateTimeOffset(day.AddHours(13), TimeSpan.Zero);
        for (var i = 0; i < CompetenceTaxonomy.ChallengeAreas.Count; i++)
        {
            if (groups.Contains(GroupId(i)))
            {
                db.NetworkGroupMeetings.Add(new GroupMeeting
                {
                    Id = MeetingId(i),
                    GroupId = GroupId(i),
                    Title = "Netværksmøde",
                    StartsAt = starts,
                    EndsAt = starts.AddHours(2),
                    Place = "Rådhuset, mødelokale 2",
                    Agenda = "1. Nyt fra medlemmerne\n2. Erfaringer siden sidst\n3. Næste skridt",
                    ScheduledBy = "demo-koordinator",
                    ScheduledAt = starts.AddDays(-14),
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedGroupsAsync(CancellationToken cancellationToken)
    {
        if (await db.NetworkGroups.AnyAsync(g => g.Id == GroupId(0), cancellationToken))
        {
            return;
        }

        var people = (await db.ResourcePersons.AsNoTracking().Where(p => p.OptedIn)
            .Select(p => new { p.Id, p.DisplayName, p.OwnerId, p.Kind, p.ChallengeAreas }).ToListAsync(cancellationToken))
            .OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        var now = timeProvider.GetUtcNow();
        var groups = new List<NetworkGroup>();
        var memberships = new List<GroupMembership>();
        var notices = new List<GroupNotice>();
        for (var i = 0; i < CompetenceTaxonomy.ChallengeAreas.Count; i++)
        {
            var area = CompetenceTaxonomy.ChallengeAreas[i];
            var group = new NetworkGroup
            {
                Id = GroupId(i),
                Name = $"Netværk om {area.ToLowerInvariant()}",
                ChallengeArea = area,
                Description = $"Ressourcepersoner fra forvaltningerne og civilsamfundet, der arbejder med {area.ToLowerInvariant()}, deler erfaringer og hjælper hinanden.",
                CreatedAt = now.AddDays(-60),
            };
            groups.Add(group);
            var working = people.Where(p => p.ChallengeAreas.Contains(area)).ToList();
            // Across departments and civil society: partners first in line for a third of the seats.
            var members = working.Where(p => p.Kind == PersonKind.Partner).Take(MembersPerGroup / 3)
                .Concat(working.Where(p => p.Kind == PersonKind.Staff))
                .Where(p => p.Id != SofieNielsenId).Take(MembersPerGroup).Select(p => (p.Id, p.DisplayName, p.OwnerId)).ToList();
            if (area == FamiliesArea && people.FirstOrDefault(p => p.Id == SofieNielsenId) is { } sofie)
            {
                members = [(sofie.Id, sofie.DisplayName, sofie.OwnerId), .. members.Take(MembersPerGroup - 1)];
            }

            foreach (var (id, _, _) in members)
            {
                memberships.Add(new GroupMembership { GroupId = group.Id, ResourcePersonId = id, JoinedAt = now.AddDays(-59) });
            }

            if (members.Count > 0)
            {
                notices.Add(Notice(i, 0, group, members[0], now.AddDays(-14),
                    $"Velkommen i netværket om {area.ToLowerInvariant()}. Vi mødes første tirsdag i måneden kl. 14 på rådhuset."));
                notices.Add(Notice(i, 1, group, members[^1], now.AddDays(-3),
                    "Jeg har gode erfaringer med en dialogcafé – se opskriften i værktøjskassen. Skriv, hvis I vil prøve den sammen."));
            }
        }

        // EF knows no relationship between the tables, so the groups go first for the foreign keys.
        db.NetworkGroups.AddRange(groups);
        await db.SaveChangesAsync(cancellationToken);
        db.NetworkGroupMembers.AddRange(memberships);
        db.NetworkGroupNotices.AddRange(notices);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static GroupNotice Notice(int group, int n, NetworkGroup owner, (string Id, string DisplayName, string OwnerId) author, DateTimeOffset postedAt, string text) => new()
    {
        Id = $"0192f0a0-0000-7000-8007-{(group * 10) + n + 1:D12}",
        GroupId = owner.Id,
        AuthorUserId = author.OwnerId,
        AuthorName = author.DisplayName,
        Text = text,
        PostedAt = postedAt,
    };
}
