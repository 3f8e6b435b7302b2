using Google.Protobuf;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Civic.Rpc.Client;

/// <summary>
/// Calls the RPCs of one service over a <see cref="RpcChannel"/>, through a Polly resilience pipeline
/// of its own: retries (only UNAVAILABLE, only idempotent RPCs, never once a response message
/// arrived, never client or bidirectional streams) and a circuit breaker that opens when the service
/// keeps failing (UNAVAILABLE, or no answer before the deadline) and then fails calls fast with
/// UNAVAILABLE. The deadline is the call's timeout: it bounds every attempt, the retry delays and the
/// whole response stream, which a Polly timeout around one execution could not do for streams.
/// </summary>
/// <remarks>Create one per downstream service and keep it; it is safe to use from many threads.</remarks>
public sealed class RpcClient
{
    /// <summary>A client of the service at the other end of <paramref name="channel"/>.</summary>
    public RpcClient(RpcChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        Channel = channel;
        Pipeline = BuildPipeline(channel);
    }

    /// <summary>The channel calls go through.</summary>
    public RpcChannel Channel { get; }

    internal ResiliencePipeline Pipeline { get; }

    /// <summary>Calls a unary RPC and returns its response.</summary>
    /// <exception cref="RpcException">The call ended with a status other than OK.</exception>
    public async Task<TResponse> UnaryAsync<TRequest, TResponse>(RpcMethod<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var response = await UnaryWithMetadataAsync(method, request, options);
        return response.Message;
    }

    /// <summary>Calls a unary RPC and returns its response with the response headers and trailers.</summary>
    /// <exception cref="RpcException">The call ended with a status other than OK.</exception>
    public Task<RpcResponse<TResponse>> UnaryWithMetadataAsync<TRequest, TResponse>(
        RpcMethod<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireKind(method, RpcMethodKind.Unary);
        return new ClientCall<TRequest, TResponse>(this, method, options).UnaryAsync(request);
    }

    /// <summary>Starts a server-streaming call. Dispose the call to cancel it before the stream ends.</summary>
    public ServerStreamingCall<TResponse> ServerStreaming<TRequest, TResponse>(
        RpcMethod<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireKind(method, RpcMethodKind.ServerStreaming);
        var call = new ClientCall<TRequest, TResponse>(this, method, options);
        call.StartServerStreaming(request);
        return new ServerStreamingCall<TResponse>(call);
    }

    /// <summary>Starts a client-streaming call: write requests, complete the stream, then await the response.</summary>
    public ClientStreamingCall<TRequest, TResponse> ClientStreaming<TRequest, TResponse>(
        RpcMethod<TRequest, TResponse> method, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        RequireKind(method, RpcMethodKind.ClientStreaming);
        var call = new ClientCall<TRequest, TResponse>(this, method, options);
        call.StartRequestStreaming();
        return new ClientStreamingCall<TRequest, TResponse>(call);
    }

    /// <summary>Starts a bidirectional call: requests and responses flow at the same time.</summary>
    public DuplexStreamingCall<TRequest, TResponse> DuplexStreaming<TRequest, TResponse>(
        RpcMethod<TRequest, TResponse> method, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        RequireKind(method, RpcMethodKind.DuplexStreaming);
        var call = new ClientCall<TRequest, TResponse>(this, method, options);
        call.StartRequestStreaming();
        return new DuplexStreamingCall<TRequest, TResponse>(call);
    }

    private static void RequireKind<TRequest, TResponse>(RpcMethod<TRequest, TResponse> method, RpcMethodKind kind)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(method);
        if (method.Kind != kind)
        {
            throw new ArgumentException($"{method.Path} is a {method.Kind} method, not {kind}.", nameof(method));
        }
    }

    private static ResiliencePipeline BuildPipeline(RpcChannel channel)
    {
        var options = channel.Options.Resilience;
        var logger = channel.Options.LoggerFactory.CreateLogger<RpcClient>();
        var builder = new ResiliencePipelineBuilder { TimeProvider = channel.Options.TimeProvider };
        if (options.MaxRetryAttempts > 0)
        {
            // Outermost, so that each retry passes the circuit breaker again and stops when it opens.
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                ShouldHandle = static args => ValueTask.FromResult(ShouldRetry(args.Outcome.Exception, args.Context)),
                OnRetry = args =>
                {
                    var code = (args.Outcome.Exception as RpcException)?.StatusCode ?? StatusCode.Unknown;
                    RpcClientLog.Retrying(logger, args.Context.OperationKey ?? string.Empty, code, args.AttemptNumber + 1, (long)args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            });
        }

        if (options.EnableCircuitBreaker)
        {
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = options.CircuitFailureRatio,
                MinimumThroughput = options.CircuitMinimumThroughput,
                SamplingDuration = options.CircuitSamplingDuration,
                BreakDuration = options.CircuitBreakDuration,
                ShouldHandle = static args => ValueTask.FromResult(IsServiceFailure(args.Outcome.Exception, args.Context)),
                OnOpened = args =>
                {
                    RpcClientLog.CircuitOpened(logger, channel.Address, args.BreakDuration.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    RpcClientLog.CircuitClosed(logger, channel.Address);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.Build();
    }

    private static bool ShouldRetry(Exception? exception, ResilienceContext context) =>
        exception is RpcException { StatusCode: StatusCode.Unavailable }
        && context.Properties.GetValue(CallProperties.Retryable, false)
        && !context.Properties.GetValue(CallProperties.ResponseReceived, false)
        && !context.CancellationToken.IsCancellationRequested;

    private static bool IsServiceFailure(Exception? exception, ResilienceContext context) => exception switch
    {
        RpcException { StatusCode: StatusCode.Unavailable } => true,
        RpcException { StatusCode: StatusCode.DeadlineExceeded } => context.Properties.GetValue(CallProperties.NoAnswer, false),
        _ => false,
    };
}
