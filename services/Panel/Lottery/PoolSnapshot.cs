using System.Security.Cryptography;
using System.Text;

namespace Civic.Panel.Lottery;

/// <summary>The canonical fingerprint of the eligible pool a draw was made from.</summary>
public static class PoolSnapshot
{
    /// <summary>
    /// SHA-256 (lower-case hex) over one line per eligible member in ordinal id order:
    /// id, household key and every category=value pair in ordinal category order, tab-separated.
    /// Any change to who is eligible or to anyone's features changes the hash.
    /// </summary>
    public static string Hash(IEnumerable<LotteryMember> eligibleMembers)
    {
        var text = new StringBuilder();
        foreach (var member in eligibleMembers.OrderBy(m => m.Id, StringComparer.Ordinal))
        {
            text.Append(Escape(member.Id)).Append('\t').Append(Escape(member.HouseholdKey ?? string.Empty));
            foreach (var (category, value) in member.Features.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                text.Append('\t').Append(Escape(category)).Append('=').Append(Escape(value));
            }

            text.Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    // Separators inside values are escaped so that two different pools can never serialise alike.
    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("=", "\\=", StringComparison.Ordinal);
}
