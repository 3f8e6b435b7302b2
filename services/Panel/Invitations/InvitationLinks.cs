using System.Security.Cryptography;
using System.Text;
using Civic.Defaults.Auth;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Civic.Panel.Invitations;

/// <summary>
/// The secret of an invitation link: an HMAC of the invitation id under a server key, so the link can be
/// written into a message again without being stored, while the database keeps only its SHA-256 hash (a
/// copy of the database alone opens no invitation, and a guessed or altered token matches nothing).
/// </summary>
public sealed class InvitationLinks
{
    private readonly byte[] _key;

    public InvitationLinks(IOptions<InvitationOptions> invitations, IOptions<AuthOptions> auth)
    {
        var key = string.IsNullOrWhiteSpace(invitations.Value.LinkKey) ? auth.Value.SigningKey : invitations.Value.LinkKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new InvalidOperationException($"Set {InvitationOptions.SectionName}:{nameof(InvitationOptions.LinkKey)} (base64, at least 32 bytes) for invitation links.");
        }

        _key = Convert.FromBase64String(key);
        if (_key.Length < 32)
        {
            throw new InvalidOperationException($"{InvitationOptions.SectionName}:{nameof(InvitationOptions.LinkKey)} must hold at least 32 bytes.");
        }
    }

    public string TokenFor(string invitationId) => TokenFor(_key, invitationId);

    /// <summary>The token for <paramref name="invitationId"/> under <paramref name="key"/>; public so tests holding the key can follow a link.</summary>
    public static string TokenFor(byte[] key, string invitationId) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("panel-invitation:" + invitationId)));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool Matches(string token, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(storedHash));
}
