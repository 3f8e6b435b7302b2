using Civic.Hosting.Notifications;
using Civic.Hotline.Bookings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civic.Hotline.Notifications;

/// <summary>
/// Fills in the manage link of a message about a booking at delivery (<see cref="NotificationOutbox.ManageLinkPlaceholder"/>),
/// so the outbox never stores the token.
/// </summary>
public sealed class ManageLinkRenderer(HotlineDbContext db, ManageTokens tokens, IOptions<NotificationOptions> options) : IMessageBodyRenderer
{
    public string Render(OutboxMessage message, string body) =>
        message.AboutId is null || !body.Contains(NotificationOutbox.ManageLinkPlaceholder, StringComparison.Ordinal)
            ? body
            : body.Replace(NotificationOutbox.ManageLinkPlaceholder, ManageLink(message.AboutId), StringComparison.Ordinal);

    private string ManageLink(string bookingId)
    {
        var reference = db.Bookings.AsNoTracking().Where(b => b.Id == bookingId).Select(b => b.Reference).Single();
        return options.Value.Link($"/direktoerlinjen/booking/{reference}?noegle={tokens.TokenFor(bookingId)}");
    }
}
