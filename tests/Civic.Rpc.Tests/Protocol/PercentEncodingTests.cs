using Civic.Rpc.Protocol;

namespace Civic.Rpc.Tests.Protocol;

public class PercentEncodingTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("100%", "100%25")]
    [InlineData("Æble", "%C3%86ble")]
    [InlineData("tab\there", "tab%09here")]
    public void Encode_Value_MatchesSpec(string value, string expected) => Assert.Equal(expected, PercentEncoding.Encode(value));

    [Theory]
    [InlineData("Æblet må ikke være tomt (100%)")]
    [InlineData("日本語 and emoji 😀")]
    public void Decode_Encoded_RoundTrips(string value) => Assert.Equal(value, PercentEncoding.Decode(PercentEncoding.Encode(value)));

    [Fact]
    public void Decode_MalformedEscape_KeptAsIs() => Assert.Equal("50%zz and %4", PercentEncoding.Decode("50%zz and %4"));

    [Fact]
    public void Encode_LongerThanLimit_CutAtCharacterBoundaryWithEllipsis()
    {
        var encoded = PercentEncoding.Encode(new string('æ', 12_000), 100);

        Assert.True(encoded.Length <= 100);
        Assert.EndsWith("...", encoded, StringComparison.Ordinal);
        var decoded = PercentEncoding.Decode(encoded);
        Assert.Equal(new string('æ', (encoded.Length - 3) / 6) + "...", decoded);
    }
}
