using Civic.Hosting.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civic.Panel.Pool;

/// <summary>
/// Fills in a member's confirmation or member link at delivery: the token is signed again from the member id and
/// the expiry of the newest link of that kind (tokens are deterministic), so no token is ever stored.
/// </summary>
public sealed class MemberLinkRenderer(PanelDbContext db, MemberLinkTokens tokens, IOptions<NotificationOptions> options) : IMessageBodyRenderer
{
    public string Render(OutboxMessage message, string body) => message.AboutId is not { } memberId
        ? body
        : Fill(Fill(body, MemberMessages.ConfirmLinkPlaceholder, memberId, MemberLinkPurpose.Confirm), MemberMessages.MemberLinkPlaceholder, memberId, MemberLinkPurpose.Member);

    private string Fill(string body, string placeholder, string memberId, MemberLinkPurpose purpose) =>
        body.Contains(placeholder, StringComparison.Ordinal) ? body.Replace(placeholder, Link(memberId, purpose), StringComparison.Ordinal) : body;

    private string Link(string memberId, MemberLinkPurpose purpose)
    {
        var expiresAt = db.MemberLinks.AsNoTracking().Where(l => l.MemberId == memberId && l.Purpose == purpose)
            .Select(l => (DateTimeOffset?)l.ExpiresAt).AsEnumerable().Max();
        if (expiresAt is null)
        {
            // The link was used or revoked (e.g. the sign-up was confirmed already): point to the panel's page.
            return options.Value.Link("/borgerpanelet");
        }

        var token = Uri.EscapeDataString(tokens.TokenFor(memberId, purpose, expiresAt.Value));
        var id = Uri.EscapeDataString(memberId);
        return options.Value.Link(purpose == MemberLinkPurpose.Confirm ? $"/borgerpanelet/bekraeft/{id}?noegle={token}" : $"/borgerpanelet/medlem/{id}?noegle={token}");
    }
}
