using System.Globalization;
using Civic.Hosting.Notifications;
using Civic.Panel.Pool;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civic.Panel.Invitations;

/// <summary>
/// The invitation message (e-mail, or SMS to a member with a phone only), written to the outbox in the same save as the invitation. The body holds a
/// placeholder for the link; <see cref="InvitationLinkRenderer"/> fills it in at delivery, so the outbox never
/// stores the token.
/// </summary>
public sealed class InvitationMessages(PanelDbContext db)
{
    public const string Kind = "PanelInvitation";
    public const string ReminderKind = "PanelInvitationReminder";
    public const string LinkPlaceholder = "{invitationslink}";

    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    /// <summary>Adds one message per pending invitation to the member's e-mail, or SMS without one (not saved: the caller saves it with the invitations).</summary>
    public async Task QueueAsync(IEnumerable<PanelInvitation> invitations, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pending = invitations.Where(i => i.Status == InvitationStatus.Pending).ToList();
        var ids = pending.Select(i => i.MemberId).ToList();
        var addresses = (await db.PoolMembers.AsNoTracking().Where(m => ids.Contains(m.Id) && m.Status == PoolMemberStatus.Active)
                .Select(m => new { m.Id, m.Email, m.Phone }).ToListAsync(cancellationToken))
            .Select(m => (m.Id, Address: MemberAddress.Of(m.Email, m.Phone)))
            .Where(m => m.Address is not null)
            .ToDictionary(m => m.Id, m => m.Address!.Value);
        foreach (var invitation in pending.Where(i => addresses.ContainsKey(i.MemberId)))
        {
            var address = addresses[invitation.MemberId];
            db.Notifications.Add(OutboxMessage.Create(Kind, address.Channel, address.Recipient, "Du er trukket ud til Borgerpanelet",
                $"Du er trukket ud til et borgerpanel i Borgerpanelet. Din stemme vejer lige så meget som de andre medlemmers.\n\n"
                + $"Svar ja eller nej senest {Deadline(invitation)} via dit personlige link:\n{LinkPlaceholder}\n\n"
                + "Før du ser sagens materiale, skal du acceptere tavshedspligten. Gem linket: det er din adgang til panelets arbejde.",
                now, aboutId: invitation.Id));
        }
    }

    /// <summary>Adds the reminder to answer to the member's address (<see cref="MemberAddress"/>), if they are still active (not saved: the caller saves it with the claim).</summary>
    public async Task QueueReminderAsync(PanelInvitation invitation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var member = await db.PoolMembers.AsNoTracking().Where(m => m.Id == invitation.MemberId && m.Status == PoolMemberStatus.Active)
            .Select(m => new { m.Email, m.Phone }).SingleOrDefaultAsync(cancellationToken);
        if (member is null || MemberAddress.Of(member.Email, member.Phone) is not { } address)
        {
            return;
        }

        db.Notifications.Add(OutboxMessage.Create(ReminderKind, address.Channel, address.Recipient, "Påmindelse: Svar på invitationen til Borgerpanelet",
            $"Du er trukket ud til et borgerpanel i Borgerpanelet og har endnu ikke svaret.\n\n"
            + $"Svar ja eller nej senest {Deadline(invitation)} via dit personlige link:\n{LinkPlaceholder}\n\n"
            + "Svarer du ikke, går pladsen videre til en reserve.",
            now, aboutId: invitation.Id));
    }

    private static string Deadline(PanelInvitation invitation) =>
        TimeZoneInfo.ConvertTime(invitation.Deadline, Zone).ToString("d. MMMM yyyy 'kl.' HH:mm", CultureInfo.GetCultureInfo("da-DK"));
}

/// <summary>Fills in the invitation link of a panel invitation message at delivery.</summary>
public sealed class InvitationLinkRenderer(InvitationLinks links, IOptions<NotificationOptions> options) : IMessageBodyRenderer
{
    public string Render(OutboxMessage message, string body) =>
        message.AboutId is null || message.Kind is not (InvitationMessages.Kind or InvitationMessages.ReminderKind)
            ? body
            : body.Replace(InvitationMessages.LinkPlaceholder,
                options.Value.Link($"/borgerpanelet/invitation/{message.AboutId}?noegle={links.TokenFor(message.AboutId)}"), StringComparison.Ordinal);
}
