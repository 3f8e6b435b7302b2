using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Civic.Gateway.RateLimiting;

/// <summary>The limits of this gateway process alone: one fixed-window limiter per policy and partition.</summary>
public sealed class InProcessRateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<RateLimitRequest> _limiter;

    public InProcessRateLimits(IOptions<RateLimitingOptions> options)
    {
        var settings = options.Value;
        _limiter = PartitionedRateLimiter.Create<RateLimitRequest, RateLimitRequest>(request =>
        {
            var policy = settings.For(request.Policy);
            return RateLimitPartition.GetFixedWindowLimiter(request, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = policy.PermitLimit,
                Window = policy.Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
    }

    public RateLimitDecision Acquire(RateLimitRequest request)
    {
        using var lease = _limiter.AttemptAcquire(request);
        if (lease.IsAcquired)
        {
            return RateLimitDecision.Allow;
        }

        return RateLimitDecision.Reject(lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1));
    }

    public void Dispose() => _limiter.Dispose();
}
