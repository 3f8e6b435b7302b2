using System.Net.Mail;

namespace Civic.Hosting.Notifications;

/// <summary>The one check of an e-mail address a message will be sent to.</summary>
public static class EmailAddresses
{
    /// <summary>The longest address SMTP carries (RFC 5321's path limit less the angle brackets).</summary>
    public const int MaxLength = 254;

    /// <summary>
    /// A single plain address ("navn@example.dk"): parsed the way the SMTP sender will, with nothing around it (no
    /// display name, no second address) and a dot in it, so "navn@localhost" and typos like "navn@exampledk" are refused.
    /// </summary>
    public static bool IsValid(string address) =>
        address.Length <= MaxLength
        && MailAddress.TryCreate(address, out var parsed)
        && parsed.Address == address
        && address.Contains('.', StringComparison.Ordinal);
}
