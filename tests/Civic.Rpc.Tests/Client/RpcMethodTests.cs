using Civic.Rpc.Client;
using Civic.Testing.V1;

namespace Civic.Rpc.Tests.Client;

public sealed class RpcMethodTests
{
    [Fact]
    public void Create_UnaryMarkedIdempotent_KnowsPathKindAndIdempotency()
    {
        var method = TestMethods.UnaryCall;

        Assert.Equal("/civic.testing.v1.TestService/UnaryCall", method.Path);
        Assert.Equal(RpcMethodKind.Unary, method.Kind);
        Assert.True(method.IsIdempotent);
    }

    [Fact]
    public void Create_MethodsWithoutIdempotencyLevel_AreNotIdempotent()
    {
        Assert.False(TestMethods.Forward.IsIdempotent);
        Assert.False(TestMethods.StreamingOutputCall.IsIdempotent);
    }

    [Fact]
    public void Create_StreamingMethods_KindFollowsProto()
    {
        Assert.Equal(RpcMethodKind.ServerStreaming, TestMethods.StreamingOutputCall.Kind);
        Assert.Equal(RpcMethodKind.ClientStreaming, TestMethods.StreamingInputCall.Kind);
        Assert.Equal(RpcMethodKind.DuplexStreaming, TestMethods.FullDuplexCall.Kind);
    }

    [Fact]
    public void Create_WrongMessageTypes_ThrowsArgumentException()
    {
        var descriptor = TestServiceReflection.Descriptor.Services[0].FindMethodByName("UnaryCall");

        Assert.Throws<ArgumentException>(() => RpcMethod.Create<FullDuplexCallRequest, UnaryCallResponse>(descriptor));
        Assert.Throws<ArgumentException>(() => RpcMethod.Create<UnaryCallRequest, FullDuplexCallResponse>(descriptor));
    }
}
