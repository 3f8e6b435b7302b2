using Civic.Rpc.Client;
using Civic.Testing.V1;

namespace Civic.Rpc.Tests.Client;

/// <summary>The RPCs of the test services, as the client calls them.</summary>
public static class TestMethods
{
    public static readonly RpcMethod<UnaryCallRequest, UnaryCallResponse> UnaryCall =
        RpcMethod.Create<UnaryCallRequest, UnaryCallResponse>(TestServiceReflection.Descriptor.Services[0].FindMethodByName("UnaryCall"));

    public static readonly RpcMethod<StreamingOutputCallRequest, StreamingOutputCallResponse> StreamingOutputCall =
        RpcMethod.Create<StreamingOutputCallRequest, StreamingOutputCallResponse>(TestServiceReflection.Descriptor.Services[0].FindMethodByName("StreamingOutputCall"));

    public static readonly RpcMethod<StreamingInputCallRequest, StreamingInputCallResponse> StreamingInputCall =
        RpcMethod.Create<StreamingInputCallRequest, StreamingInputCallResponse>(TestServiceReflection.Descriptor.Services[0].FindMethodByName("StreamingInputCall"));

    public static readonly RpcMethod<FullDuplexCallRequest, FullDuplexCallResponse> FullDuplexCall =
        RpcMethod.Create<FullDuplexCallRequest, FullDuplexCallResponse>(TestServiceReflection.Descriptor.Services[0].FindMethodByName("FullDuplexCall"));

    public static readonly RpcMethod<UnaryCallRequest, UnaryCallResponse> Forward =
        RpcMethod.Create<UnaryCallRequest, UnaryCallResponse>(ProbeServiceReflection.Descriptor.Services[0].FindMethodByName("Forward"));

    public static readonly RpcMethod<InspectHeadersRequest, InspectHeadersResponse> InspectHeaders =
        RpcMethod.Create<InspectHeadersRequest, InspectHeadersResponse>(ProbeServiceReflection.Descriptor.Services[0].FindMethodByName("InspectHeaders"));
}
