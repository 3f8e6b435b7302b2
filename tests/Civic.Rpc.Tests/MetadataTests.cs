namespace Civic.Rpc.Tests;

public class MetadataTests
{
    [Fact]
    public void Add_BinaryValueUnderTextKey_Throws()
    {
        var metadata = new Metadata();
        Assert.Throws<ArgumentException>(() => metadata.Add("trace", [1, 2, 3]));
    }

    [Fact]
    public void Add_ReservedGrpcKey_Throws()
    {
        var metadata = new Metadata();
        Assert.Throws<ArgumentException>(() => metadata.Add("grpc-status", "0"));
    }

    [Fact]
    public void Get_KeyInAnyCase_ReturnsLastValue()
    {
        var metadata = new Metadata { { "X-Caller", "a" }, { "x-caller", "b" } };
        Assert.Equal("b", metadata.GetValue("x-caller"));
        Assert.Equal("x-caller", metadata[0].Key);
    }
}
