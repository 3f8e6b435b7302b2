using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Civic.Interop.Tests.Harness;
using Civic.Testing;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Civic.Interop.Tests.CivicServer;

/// <summary>
/// An independent gRPC client calls Civic's server; each test checks one case of the peer's report
/// (and, where the wire matters, what the server recorded). The same cases run for every peer.
/// </summary>
public abstract class CivicServerInteropTests(CivicServerPeerFixture fixture)
{
    private const string Danish = "Æblet må ikke være tomt";
    private const string Special = "100% sikker? \"citat\" ~ tab\there, ny linje\r\n, 日本語 and a trailing %";
    private static readonly JsonSerializerOptions CompactJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>How the peer's user-agent starts, e.g. "grpc-python/".</summary>
    protected abstract string UserAgentPrefix { get; }

    [Fact]
    public void UnaryCall_Payload_IsEchoed()
    {
        var result = Case("unary_ok").AssertCode(StatusCode.OK);

        Assert.Equal("hej fra peer", Encoding.UTF8.GetString(Convert.FromBase64String(result["payload"].GetString()!)));
    }

    [Fact]
    public void UnaryCall_ProtocolHeaders_AreThoseOfTheRealClient()
    {
        Case("unary_ok").AssertCode(StatusCode.OK);
        var headers = fixture.Recorder.For("unary_ok").RequestHeaders;

        Assert.Equal("trailers", headers.GetValueOrDefault("te"));
        Assert.StartsWith("application/grpc", headers.GetValueOrDefault("content-type"), StringComparison.Ordinal);
        Assert.StartsWith(UserAgentPrefix, headers.GetValueOrDefault("user-agent"), StringComparison.Ordinal);
        Assert.Contains("gzip", headers.GetValueOrDefault("grpc-accept-encoding") ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public void UnaryCall_NoDeadline_ServerSeesNone()
    {
        var result = Case("unary_no_deadline").AssertCode(StatusCode.OK);

        Assert.Equal(-1, result["deadline_ms"].GetInt64());
        Assert.False(fixture.Recorder.For("unary_no_deadline").RequestHeaders.ContainsKey("grpc-timeout"));
    }

    [Fact]
    public void UnaryCall_EmptyRequestMessage_Succeeds()
    {
        var result = Case("unary_empty_request").AssertCode(StatusCode.OK);

        Assert.Equal(string.Empty, result["payload"].GetString());
    }

    [Fact]
    public void UnaryCall_Deadline_ReachesHandler()
    {
        var result = Case("deadline_propagated").AssertCode(StatusCode.OK);
        var timeout = fixture.Recorder.For("deadline_propagated").RequestHeaders.GetValueOrDefault("grpc-timeout");

        Assert.Matches(new Regex("^[0-9]{1,8}[HMSmun]$"), timeout);
        // Clients may round the 5 s they were given up to a coarser unit; the server must not lose it.
        Assert.InRange(result["deadline_ms"].GetInt64(), 1, 6000);
    }

    [Fact]
    public void UnaryCall_LargeMessagesUnderLimit_ArriveIntact()
    {
        var result = Case("large_messages").AssertCode(StatusCode.OK);

        Assert.True(result["payload_matches"].GetBoolean(), result.ToString());
    }

    [Fact]
    public void ServerStreaming_SeveralSizes_ArriveInOrder()
    {
        var result = Case("server_streaming_ok").AssertCode(StatusCode.OK);

        Assert.Equal("[[0,1],[1,10],[2,100],[3,1000],[4,70000]]", Compact(result["messages"]));
    }

    [Fact]
    public void ServerStreaming_ZeroLengthMessages_Arrive()
    {
        var result = Case("server_streaming_empty_message").AssertCode(StatusCode.OK);

        Assert.Equal("[[0,0],[1,0]]", Compact(result["messages"]));
    }

    [Fact]
    public void ServerStreaming_NoMessages_EndsOk()
    {
        var result = Case("server_streaming_no_messages").AssertCode(StatusCode.OK);

        Assert.Equal("[]", Compact(result["messages"]));
    }

    [Fact]
    public void ServerStreaming_ErrorAfterMessages_DeliversMessagesThenStatus()
    {
        var result = Case("server_streaming_error_after_messages").AssertCode(StatusCode.FailedPrecondition);

        Assert.Equal("Sagen er lukket", result.Details);
        Assert.Equal("[[0,1],[1,2]]", Compact(result["messages"]));
    }

    [Fact]
    public void ClientStreaming_SeveralMessages_AreAggregated()
    {
        var result = Case("client_streaming_ok").AssertCode(StatusCode.OK);

        Assert.Equal(5010, result["aggregated_payload_size"].GetInt32());
        Assert.Equal(5, result["message_count"].GetInt32());
    }

    [Fact]
    public void ClientStreaming_NoMessages_Succeeds()
    {
        var result = Case("client_streaming_no_messages").AssertCode(StatusCode.OK);

        Assert.Equal(0, result["message_count"].GetInt32());
    }

    [Fact]
    public void BidiStreaming_PingPong_AnswersBeforeRequestStreamEnds()
    {
        var result = Case("bidi_ping_pong").AssertCode(StatusCode.OK);

        Assert.Equal(5, result["received"].GetInt32());
        Assert.True(result["payloads_match"].GetBoolean(), result.ToString());
    }

    [Fact]
    public void Error_DanishMessage_ArrivesPercentDecoded()
    {
        var result = Case("error_status_danish").AssertCode(StatusCode.InvalidArgument);

        Assert.Equal(Danish, result.Details);
    }

    [Fact]
    public void Error_MessageWithPercentAndControlCharacters_ArrivesIntact()
    {
        var result = Case("error_status_special_characters").AssertCode(StatusCode.FailedPrecondition);

        Assert.Equal(Special, result.Details);
    }

    [Fact]
    public void Error_VeryLongMessage_ClientStillGetsTheStatus()
    {
        // 12,000 'æ' percent-encode to a 72 KB grpc-message. Clients refuse header fields that big
        // (grpc core: 8 KiB of metadata in all; nghttp2, under Node: 64 KiB per field) and lose the
        // status, so the server must shorten the message; its start is what a person needs.
        var result = Case("error_status_long_message").AssertCode(StatusCode.InvalidArgument);

        Assert.StartsWith(new string('æ', 100), result.Details, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_BadRequestDetails_AreDecodedByClient()
    {
        var result = Case("error_details").AssertCode(StatusCode.InvalidArgument);
        var details = result["status_details"];

        Assert.Equal(3, details.GetProperty("code").GetInt32());
        Assert.Equal(Danish, details.GetProperty("message").GetString());
        Assert.Equal("[\"type.googleapis.com/google.rpc.BadRequest\"]", Compact(details.GetProperty("type_urls")));
        Assert.Equal($"[[\"navn\",\"{Danish}\"]]", Compact(details.GetProperty("field_violations")));
    }

    [Fact]
    public void Deadline_HandlerTooSlow_DeadlineExceeded()
    {
        Case("deadline_exceeded").AssertCode(StatusCode.DeadlineExceeded);
    }

    [Fact]
    public void Metadata_TextAndBinary_EchoedInHeadersAndTrailers()
    {
        var result = Case("metadata_round_trip").AssertCode(StatusCode.OK);

        foreach (var metadata in new[] { result.InitialMetadata, result.TrailingMetadata })
        {
            Assert.Equal("hej verden", PeerCase.Joined(metadata, "x-echo-text"));
            Assert.Equal(Convert.ToBase64String([0, 1, 2, 253, 254, 255]), PeerCase.Joined(metadata, "x-echo-bin-bin"));
            // HTTP lets repeated fields arrive as separate fields or joined with "," (Kestrel joins them without a space).
            Assert.Equal(["en", "to"], Values(metadata, "x-echo-multi"));
        }
    }

    [Fact]
    public void Metadata_RepeatedBinaryKey_EchoedInHeadersAndTrailers()
    {
        // The spec lets a client send a -bin key's values in one field, base64 values joined with ","; grpc-js does.
        var result = Case("metadata_repeated_binary");
        Assert.True(
            result.Code == StatusCode.OK,
            $"The peer saw {result.Code}: {result}. The server logged: "
            + string.Join(" | ", fixture.Server!.Logs.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Message} {e.Exception?.GetType().Name}: {e.Exception?.Message}")));

        foreach (var metadata in new[] { result.InitialMetadata, result.TrailingMetadata })
        {
            Assert.Equal(["AQ==", "AgM="], Values(metadata, "x-echo-multi-bin"));
        }
    }

    [Fact]
    public void Metadata_WithErrorStatus_EchoedInHeadersAndTrailers()
    {
        var result = Case("metadata_with_error").AssertCode(StatusCode.NotFound);

        Assert.Equal("Ikke fundet", result.Details);
        foreach (var metadata in new[] { result.InitialMetadata, result.TrailingMetadata })
        {
            Assert.Equal("fejl", PeerCase.Joined(metadata, "x-echo-text"));
            Assert.Equal(Convert.ToBase64String([0xff, 0x00]), PeerCase.Joined(metadata, "x-echo-bin-bin"));
        }
    }

    [Fact]
    public void Request_OverServerLimit_ResourceExhausted()
    {
        var result = Case("request_too_large").AssertCode(StatusCode.ResourceExhausted);

        // Grpc.AspNetCore names the limit, not its value.
        Assert.Equal("Received message exceeds the maximum configured message size.", result.Details);
    }

    [Fact]
    public void Response_OverServerLimit_ResourceExhausted()
    {
        Case("response_too_large").AssertCode(StatusCode.ResourceExhausted);
    }

    [Fact]
    public void UnknownMethod_Unimplemented()
    {
        var result = Case("unknown_method").AssertCode(StatusCode.Unimplemented);

        Assert.Equal("Method is unimplemented.", result.Details);
    }

    [Fact]
    public void UnknownService_Unimplemented()
    {
        var result = Case("unknown_service").AssertCode(StatusCode.Unimplemented);

        Assert.Equal("Service is unimplemented.", result.Details);
    }

    [Fact]
    public void HandlerThrows_InternalWithoutInternalDetail()
    {
        var result = Case("handler_throws").AssertCode(StatusCode.Internal);

        Assert.DoesNotContain("Secret", result.Details, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), result.Details, StringComparison.Ordinal);
        Assert.Contains(
            fixture.Server!.Logs.Entries,
            e => e.Level == LogLevel.Error && e.Exception is InvalidOperationException && e.Message.Contains("UnaryCall", StringComparison.Ordinal));
    }

    [Fact]
    public void GzipRequest_IsDecompressed()
    {
        var result = Case("gzip_request").AssertCode(StatusCode.OK);

        Assert.True(result["payload_matches"].GetBoolean(), result.ToString());
        Assert.Equal("gzip", fixture.Recorder.For("gzip_request").RequestHeaders.GetValueOrDefault("grpc-encoding"));
    }

    [Fact]
    public void DeflateRequest_IsDecompressed()
    {
        // Grpc.AspNetCore accepts deflate as well as gzip (the old transport refused it with UNIMPLEMENTED).
        var result = Case("deflate_request_rejected").AssertCode(StatusCode.OK);

        Assert.Equal("deflate", Encoding.UTF8.GetString(Convert.FromBase64String(result["payload"].GetString()!)));
        Assert.Equal("deflate", fixture.Recorder.For("deflate_request_rejected").RequestHeaders.GetValueOrDefault("grpc-encoding"));
    }

    [Fact]
    public void GzipResponse_IsDecompressedByClient()
    {
        var result = Case("gzip_response").AssertCode(StatusCode.OK);

        Assert.True(result["payload_matches"].GetBoolean(), result.ToString());
        Assert.Equal("gzip", fixture.Recorder.For("gzip_response").ResponseHeaders.GetValueOrDefault("grpc-encoding"));
    }

    [Fact]
    public async Task Cancel_ServerStreamByClient_HandlerStopsAndChannelKeepsWorking()
    {
        var result = Case("cancel_server_stream").AssertCode(StatusCode.Cancelled);

        Assert.Equal(0, result["first_index"].GetInt32());
        Assert.Equal((int)StatusCode.OK, result["after_code"].GetInt32());
        // The server must notice the RST_STREAM and stop the handler rather than write on for 5 s.
        var probe = fixture.Server!.Services.GetRequiredService<HandlerProbe>();
        await probe.StreamCancelled.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }

    [Fact]
    public void ConcurrentCalls_OnOneChannel_AllSucceed()
    {
        var result = Case("concurrent_calls").AssertCode(StatusCode.OK);

        Assert.Equal(20, result["correct"].GetInt32());
    }

    private PeerCase Case(string name) => fixture.Report.Case(name);

    private static string[] Values(IReadOnlyList<KeyValuePair<string, string>> metadata, string key) =>
        PeerCase.Joined(metadata, key)?.Split(',', StringSplitOptions.TrimEntries) ?? [];

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element, CompactJson);
}

public sealed class GrpcioClientToCivicServerTests(GrpcioClientFixture fixture)
    : CivicServerInteropTests(fixture), IClassFixture<GrpcioClientFixture>
{
    protected override string UserAgentPrefix => "grpc-python/";
}

public sealed class GrpcJsClientToCivicServerTests(GrpcJsClientFixture fixture)
    : CivicServerInteropTests(fixture), IClassFixture<GrpcJsClientFixture>
{
    protected override string UserAgentPrefix => "grpc-node-js/";
}
