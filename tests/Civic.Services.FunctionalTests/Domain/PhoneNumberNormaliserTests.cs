using Civic.Hotline.Bookings;

namespace Civic.Services.FunctionalTests.Domain;

public sealed class PhoneNumberNormaliserTests
{
    [Theory]
    [InlineData("40 12 34 56", "+4540123456")]
    [InlineData("+45 40123456", "+4540123456")]
    [InlineData("0045 40 12 34 56", "+4540123456")]
    [InlineData("+46 70 123 45 67", "+46701234567")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    public void Normalise_DanishOrInternational_E164(string input, string expected)
    {
        Assert.Equal(expected, PhoneNumberNormaliser.Normalise(input));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("1234567")]
    [InlineData("+999 1234")]
    [InlineData("ring mig op")]
    [InlineData("+45 123")]
    public void Normalise_CannotBePlaced_Null(string input)
    {
        Assert.Null(PhoneNumberNormaliser.Normalise(input));
    }
}
