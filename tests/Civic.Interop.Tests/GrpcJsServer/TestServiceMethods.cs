using Civic.Interop.Tests.Unimplemented;
using Civic.Rpc.Client;
using Civic.Testing.V1;
using Google.Protobuf.Reflection;

namespace Civic.Interop.Tests.GrpcJsServer;

/// <summary>The RPCs Civic's client calls on the grpc-js server, including paths it does not implement.</summary>
public static class TestServiceMethods
{
    private static readonly ServiceDescriptor TestService = TestServiceReflection.Descriptor.Services[0];

    public static readonly RpcMethod<UnaryCallRequest, UnaryCallResponse> UnaryCall =
        RpcMethod.Create<UnaryCallRequest, UnaryCallResponse>(TestService.FindMethodByName("UnaryCall"));

    public static readonly RpcMethod<StreamingOutputCallRequest, StreamingOutputCallResponse> StreamingOutputCall =
        RpcMethod.Create<StreamingOutputCallRequest, StreamingOutputCallResponse>(TestService.FindMethodByName("StreamingOutputCall"));

    public static readonly RpcMethod<StreamingInputCallRequest, StreamingInputCallResponse> StreamingInputCall =
        RpcMethod.Create<StreamingInputCallRequest, StreamingInputCallResponse>(TestService.FindMethodByName("StreamingInputCall"));

    public static readonly RpcMethod<FullDuplexCallRequest, FullDuplexCallResponse> FullDuplexCall =
        RpcMethod.Create<FullDuplexCallRequest, FullDuplexCallResponse>(TestService.FindMethodByName("FullDuplexCall"));

    /// <summary>/civic.testing.v1.TestService/NoSuchMethod: a known service, an unknown method.</summary>
    public static readonly RpcMethod<Probe, Probe> NoSuchMethod =
        RpcMethod.Create<Probe, Probe>(UnimplementedReflection.Descriptor.Services[0].FindMethodByName("NoSuchMethod"));

    /// <summary>/civic.testing.v1.NoSuchService/UnaryCall: an unknown service.</summary>
    public static readonly RpcMethod<Probe, Probe> NoSuchService =
        RpcMethod.Create<Probe, Probe>(UnimplementedReflection.Descriptor.Services[1].FindMethodByName("UnaryCall"));
}
