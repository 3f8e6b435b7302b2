using System.Globalization;
using PhoneNumbers;

namespace Civic.Bench.HotlineBurst;

/// <summary>Distinct, valid Danish mobile numbers (the per-phone limits must not be what refuses an attempt).</summary>
public static class Citizens
{
    public static IReadOnlyList<string> Phones(int count, Random random)
    {
        var util = PhoneNumberUtil.GetInstance();
        var phones = new HashSet<string>(StringComparer.Ordinal);
        while (phones.Count < count)
        {
            var candidate = random.Next(20_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
            var number = util.Parse(candidate, "DK");
            if (util.IsValidNumber(number) && util.GetNumberType(number) is PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE)
            {
                phones.Add(util.Format(number, PhoneNumberFormat.E164));
            }
        }

        return phones.Order(StringComparer.Ordinal).ToList();
    }
}
