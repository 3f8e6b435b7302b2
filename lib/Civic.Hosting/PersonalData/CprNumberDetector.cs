using System.Globalization;
using System.Text.RegularExpressions;

namespace Civic.Hosting.PersonalData;

/// <summary>
/// Finds text that looks like a Danish CPR number (personal identification number): DDMMYY-SSSS or
/// ten digits in a row, whose first six digits are a real date. Case texts are pseudonymised, so
/// such text is refused rather than stored.
/// </summary>
public static partial class CprNumberDetector
{
    /// <summary>True when <paramref name="text"/> contains something that looks like a CPR number.</summary>
    public static bool ContainsCprNumber(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (Match match in CandidatePattern().Matches(text))
        {
            if (IsDate(match.Groups["day"].Value, match.Groups["month"].Value, match.Groups["year"].Value))
            {
                return true;
            }
        }

        return false;
    }

    // The century is in the serial number's first digit; a date valid in either century counts,
    // so that 29 February is judged fairly without decoding that rule.
    private static bool IsDate(string day, string month, string year)
    {
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        var m = int.Parse(month, CultureInfo.InvariantCulture);
        var y = int.Parse(year, CultureInfo.InvariantCulture);
        if (m is < 1 or > 12 || d < 1)
        {
            return false;
        }

        return d <= DateTime.DaysInMonth(1900 + y, m) || d <= DateTime.DaysInMonth(2000 + y, m);
    }

    // Not inside a longer run of digits (an account or phone number is not a CPR number).
    [GeneratedRegex(@"(?<!\d)(?<day>\d{2})(?<month>\d{2})(?<year>\d{2})-?\d{4}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex CandidatePattern();
}
