using Civic.Hosting.Notifications;

namespace Civic.Panel.Pool;

/// <summary>Where messages to a member go: their e-mail when they gave one, otherwise their phone by SMS (assisted sign-ups often have only a phone).</summary>
public readonly record struct MemberAddress(MessageChannel Channel, string Recipient)
{
    /// <summary>The member's address, or null when they gave neither an e-mail nor a phone.</summary>
    public static MemberAddress? Of(string email, string? phone) =>
        email.Length > 0 ? new MemberAddress(MessageChannel.Email, email)
        : phone is { Length: > 0 } ? new MemberAddress(MessageChannel.Sms, phone)
        : null;
}
