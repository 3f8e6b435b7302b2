using PhoneNumbers;

namespace Civic.Hotline.Bookings;

/// <summary>Phone numbers as the director calls them: parsed with libphonenumber, Danish unless a country code is given, kept in E.164.</summary>
public static class PhoneNumberNormaliser
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The number in E.164 ("+4512345678"), or null when it cannot be placed as a valid number.</summary>
    public static string? Normalise(string input)
    {
        var text = input.Trim();
        if (text.Length is 0 or > 40)
        {
            return null;
        }

        try
        {
            var number = Util.Parse(text.StartsWith("00", StringComparison.Ordinal) ? "+" + text[2..] : text, "DK");
            return Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
