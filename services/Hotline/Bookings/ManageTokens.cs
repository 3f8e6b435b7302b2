using System.Security.Cryptography;
using System.Text;
using Civic.Defaults.Auth;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Civic.Hotline.Bookings;

/// <summary>
/// The secret of a booking's manage link: an HMAC of the booking id under a server key, so the same
/// booking always gets the same link (a retried request can be answered) while the database stores only
/// a SHA-256 hash of it (a copy of the database alone opens no booking).
/// </summary>
public sealed class ManageTokens
{
    private readonly byte[] _key;

    public ManageTokens(IOptions<BookingOptions> booking, IOptions<AuthOptions> auth)
    {
        var key = string.IsNullOrWhiteSpace(booking.Value.ManageTokenKey) ? auth.Value.SigningKey : booking.Value.ManageTokenKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new InvalidOperationException($"Set {BookingOptions.SectionName}:{nameof(BookingOptions.ManageTokenKey)} (base64, at least 32 bytes) for manage links.");
        }

        _key = Convert.FromBase64String(key);
        if (_key.Length < 32)
        {
            throw new InvalidOperationException($"{BookingOptions.SectionName}:{nameof(BookingOptions.ManageTokenKey)} must hold at least 32 bytes.");
        }
    }

    public string TokenFor(string bookingId) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("hotline-manage:" + bookingId)));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool Matches(string token, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(storedHash));
}

/// <summary>Booking references a person can read out on the phone: "DL-" and eight characters without 0/O, 1/I/L or U.</summary>
public static class BookingReferences
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    // Cryptographic randomness, not the seeded source: references must not be predictable from one another.
    public static string New() => "DL-" + RandomNumberGenerator.GetString(Alphabet, 8);
}
