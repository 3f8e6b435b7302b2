using System.Net;
using Civic.Defaults.Services;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;

namespace Civic.Defaults.Clients;

/// <summary>
/// The resilience every Civic gRPC client has: a retry, only for RPCs whose contract says repeating
/// them changes nothing and only when the service was not reached or said UNAVAILABLE before answering;
/// and a circuit breaker per client, so a dead service is answered at once with UNAVAILABLE instead of
/// every caller waiting for its deadline. Deadlines bound each call (set by the caller or propagated).
/// </summary>
public static class GrpcCallResilience
{
    /// <summary>The gRPC status header of a trailers-only response (an error before any message).</summary>
    private const string GrpcStatusHeader = "grpc-status";

    private static readonly string Unavailable = ((int)StatusCode.Unavailable).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Adds the retry and the circuit breaker to a gRPC client's HTTP pipeline.</summary>
    public static IHttpClientBuilder AddGrpcCallResilience(this IHttpClientBuilder builder, GrpcCallResilienceOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        // Outside the pipeline, so that an open circuit reaches the caller as UNAVAILABLE, not INTERNAL.
        builder.AddHttpMessageHandler(() => new BrokenCircuitAsUnavailable());
        builder.AddResilienceHandler("civic-grpc", pipeline =>
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(
                    IsUnreachable(args.Outcome) && args.Context.GetRequestMessage() is { RequestUri: { } uri } && CivicContracts.IsSafeToRepeat(uri.AbsolutePath)),
            });
            pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = options.BreakFailureRatio,
                MinimumThroughput = options.BreakMinimumThroughput,
                SamplingDuration = options.BreakSamplingDuration,
                BreakDuration = options.BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsUnreachable(args.Outcome)),
            });
        });
        return builder;
    }

    /// <summary>True when the service was not reached, or answered UNAVAILABLE (or HTTP 502/503) before any message.</summary>
    public static bool IsUnreachable(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException
        || outcome.Result is { } response
            && (response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable
                || (response.Headers.TryGetValues(GrpcStatusHeader, out var status) && status.FirstOrDefault() == Unavailable));

    private sealed class BrokenCircuitAsUnavailable : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            catch (BrokenCircuitException exception)
            {
                throw new RpcException(new Status(StatusCode.Unavailable,
                    $"{request.RequestUri?.Authority} failed repeatedly just now; calls to it are paused for a moment. Try again shortly.", exception));
            }
        }
    }
}
