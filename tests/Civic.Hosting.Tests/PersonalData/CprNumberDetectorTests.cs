using Civic.Hosting.PersonalData;

namespace Civic.Hosting.Tests.PersonalData;

public sealed class CprNumberDetectorTests
{
    [Theory]
    [InlineData("Borgeren har CPR 010190-1234 og bor i Øst.")]
    [InlineData("0101901234")]
    [InlineData("cpr:3112991234, se journal")]
    [InlineData("Født 290200-4321")] // 29 February 2000 exists
    [InlineData("(150585-1111)")]
    public void ContainsCprNumber_LooksLikeCpr_True(string text)
    {
        Assert.True(CprNumberDetector.ContainsCprNumber(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Mødet er 12. marts kl. 10-12 i Ældrecentret.")]
    [InlineData("Telefon 98 76 54 32")]
    [InlineData("Sagsnummer 2024-123456")]
    [InlineData("320190-1234")] // day 32
    [InlineData("011390-1234")] // month 13
    [InlineData("300290-1234")] // 30 February
    [InlineData("290201-1234")] // 29 February 1901 and 2001 do not exist
    [InlineData("12345678901234")] // a longer run of digits
    [InlineData("010190-12345")]
    public void ContainsCprNumber_NoCpr_False(string? text)
    {
        Assert.False(CprNumberDetector.ContainsCprNumber(text));
    }
}
