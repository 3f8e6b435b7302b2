using Civic.Hosting.Grpc;
using Civic.Testing.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Civic.Testing;

/// <summary>Serves <c>civic.testing.v1.TestService</c> on the services' gRPC stack: does whatever the request asks of the transport.</summary>
[AllowAnonymous]
public sealed class TestServiceHandler(TimeProvider timeProvider, HandlerProbe probe) : TestService.TestServiceBase
{
    public override async Task<UnaryCallResponse> UnaryCall(UnaryCallRequest request, ServerCallContext context)
    {
        var started = timeProvider.GetUtcNow();
        if (request.EchoMetadata)
        {
            var echoed = new Metadata();
            foreach (var entry in context.RequestMetadata.Where(e => e.Key.StartsWith("x-echo-", StringComparison.Ordinal)))
            {
                Copy(entry, echoed);
                Copy(entry, context.ResponseTrailers);
            }

            await context.WriteResponseHeadersAsync(echoed);
        }

        if (request.DelayMs > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(request.DelayMs), timeProvider, context.CancellationToken);
        }

        if (request.ThrowException)
        {
            throw new InvalidOperationException("Secret internal detail that must not reach the client.");
        }

        if (request.ResponseStatus is { Code: not 0 } status)
        {
            throw DetailsFor(request, status) is { } details ? details.ToRpcException() : new RpcException(new Status((StatusCode)status.Code, status.Message));
        }

        var payload = request.ResponseSize > 0 ? ByteString.CopyFrom(new byte[request.ResponseSize]) : request.Payload;
        var deadlineMs = context.Deadline == DateTime.MaxValue ? -1 : (long)(context.Deadline - started.UtcDateTime).TotalMilliseconds;
        return new UnaryCallResponse { Payload = payload, DeadlineMs = deadlineMs };
    }

    public override async Task StreamingOutputCall(
        StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        try
        {
            for (var i = 0; i < request.ResponseSizes.Count; i++)
            {
                if (i > 0 && request.IntervalMs > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(request.IntervalMs), timeProvider, context.CancellationToken);
                }

                await responseStream.WriteAsync(new StreamingOutputCallResponse
                {
                    Index = i,
                    Payload = ByteString.CopyFrom(new byte[request.ResponseSizes[i]]),
                });
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            probe.OnStreamCancelled();
            throw;
        }

        if (request.FinalStatus is { Code: not 0 } status)
        {
            throw new RpcException(new Status((StatusCode)status.Code, status.Message));
        }
    }

    public override async Task<StreamingInputCallResponse> StreamingInputCall(
        IAsyncStreamReader<StreamingInputCallRequest> requestStream, ServerCallContext context)
    {
        var response = new StreamingInputCallResponse();
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            response.AggregatedPayloadSize += request.Payload.Length;
            response.MessageCount++;
        }

        return response;
    }

    public override async Task FullDuplexCall(
        IAsyncStreamReader<FullDuplexCallRequest> requestStream, IServerStreamWriter<FullDuplexCallResponse> responseStream, ServerCallContext context)
    {
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            await responseStream.WriteAsync(new FullDuplexCallResponse { Payload = request.Payload });
        }
    }

    private static Google.Rpc.Status? DetailsFor(UnaryCallRequest request, EchoStatus status)
    {
        if (string.IsNullOrEmpty(request.ViolationField))
        {
            return null;
        }

        var badRequest = new Google.Rpc.BadRequest();
        badRequest.FieldViolations.Add(new Google.Rpc.BadRequest.Types.FieldViolation
        {
            Field = request.ViolationField,
            Description = status.Message,
        });
        return new Google.Rpc.Status { Code = status.Code, Message = status.Message, Details = { Any.Pack(badRequest) } };
    }

    private static void Copy(Metadata.Entry entry, Metadata target)
    {
        if (entry.IsBinary)
        {
            target.Add(entry.Key, entry.ValueBytes);
        }
        else
        {
            target.Add(entry.Key, entry.Value);
        }
    }
}
