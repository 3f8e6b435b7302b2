using System.Globalization;
using Civic.Hosting.Notifications;
using Civic.Hosting.Storage;
using Microsoft.EntityFrameworkCore;

namespace Civic.Panel.Pool;

/// <summary>
/// Puts messages to a member into the outbox of the caller's unit of work, so they are saved with the change
/// they tell about. Bodies hold <see cref="ConfirmLinkPlaceholder"/> or <see cref="MemberLinkPlaceholder"/>,
/// never a token: <see cref="MemberLinkRenderer"/> fills the link in at delivery. E-mail when the member gave
/// an address, otherwise SMS.
/// </summary>
public sealed class MemberMessages(PanelDbContext db, TimeProvider timeProvider)
{
    public const string ConfirmLinkPlaceholder = "{confirm-link}";
    public const string MemberLinkPlaceholder = "{member-link}";

    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    public void ConfirmSignUp(PoolMember member, DateTimeOffset confirmBy) =>
        Add(member, "PanelSignUpConfirm", "Bekræft din tilmelding til Borgerpanelet",
            $"Hej {member.Name}\n\nTak, fordi du vil være med i Borgerpanelet. Bekræft din tilmelding ved at åbne linket senest {Local(confirmBy)}:\n{ConfirmLinkPlaceholder}\n\n" +
            "Hvis det ikke var dig, der meldte dig til, skal du ikke gøre noget: så sletter vi oplysningerne.");

    public void Welcome(PoolMember member) =>
        Add(member, "PanelWelcome", "Velkommen i Borgerpanelet",
            $"Hej {member.Name}\n\nDu er nu med i Borgerpanelets pulje. På din medlemsside kan du se, hente og slette dine oplysninger og melde dig ud:\n{MemberLinkPlaceholder}\n\n" +
            "Gem linket – det er din adgang.");

    public void AlreadyMember(PoolMember member) =>
        Add(member, "PanelAlreadyMember", "Du er allerede med i Borgerpanelet",
            $"Hej {member.Name}\n\nNogen har meldt denne adresse til Borgerpanelet, men du er allerede med. Dine oplysninger er ikke ændret. " +
            $"Vil du se eller ændre dem, så brug din medlemsside:\n{MemberLinkPlaceholder}");

    public void RenewConsent(PoolMember member) =>
        Add(member, "PanelConsentRenewal", "Forny dit samtykke til Borgerpanelet",
            $"Hej {member.Name}\n\nDit samtykke til at være med i Borgerpanelet udløber {Local(member.ConsentExpiresAt!.Value)}. " +
            $"Vil du fortsat være med, så forny det på din medlemsside:\n{MemberLinkPlaceholder}\n\nGør du ikke det, sletter vi dine oplysninger kort efter.");

    public void StillInterested(PoolMember member, DateTimeOffset eraseAfter) =>
        Add(member, "PanelInactivityReminder", "Vil du stadig være med i Borgerpanelet?",
            $"Hej {member.Name}\n\nDu har været med i Borgerpanelets pulje i et stykke tid uden at høre fra os. Vil du fortsat kunne blive trukket ud, " +
            $"så forny dit samtykke på din medlemsside inden {Local(eraseAfter)}:\n{MemberLinkPlaceholder}\n\nGør du ikke det, sletter vi dine oplysninger.");

    /// <summary>Removes every message to or about the member (they hold the address and the name), on erasure.</summary>
    public async Task ForgetAsync(string memberId, CancellationToken cancellationToken)
    {
        // Invitations and their reminders are about the invitation, not the member, but go to the member's address.
        var invitations = db.Invitations.Where(i => i.MemberId == memberId).Select(i => i.Id);
        db.Notifications.RemoveRange(await db.Notifications.Where(n => n.AboutId == memberId || invitations.Contains(n.AboutId!)).ToListAsync(cancellationToken));
    }

    private void Add(PoolMember member, string kind, string subject, string body)
    {
        if (MemberAddress.Of(member.Email, member.Phone) is { } address)
        {
            db.Notifications.Add(OutboxMessage.Create(kind, address.Channel, address.Recipient, subject, body, timeProvider.GetStoredUtcNow(), aboutId: member.Id));
        }
    }

    private static string Local(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Copenhagen).ToString("d. MMMM yyyy 'kl.' HH:mm", CultureInfo.GetCultureInfo("da-DK"));
}
