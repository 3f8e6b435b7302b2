using System.Text;
using Civic.Gateway.Api;
using Civic.Gateway.Api.Idempotency;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Civic.Gateway.Tests.Api;

/// <summary>The Idempotency-Key rules without servers: what is stored, what is released, what waits.</summary>
public sealed class IdempotentRequestsTests
{
    private const string Create = "POST /api/v1/hotline/departments";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryIdempotencyStore _store;
    private readonly IdempotentRequests _requests;

    public IdempotentRequestsTests()
    {
        _store = new InMemoryIdempotencyStore(_time);
        _requests = new IdempotentRequests(_store, Options.Create(new ApiOptions { IdempotencyWait = TimeSpan.Zero }), _time, NullLogger<IdempotentRequests>.Instance);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    [InlineData(429)]
    [InlineData(401)]
    public async Task RunAsync_RetryableFirstResult_NotStoredSoTheRetryRunsAgain(int status)
    {
        var runs = 0;
        Task<ApiResult> Run() => Task.FromResult(Result(++runs == 1 ? status : 200));

        var first = await _requests.RunAsync(new DefaultHttpContext(), Create, "k", Body("x"), Run);
        var second = await _requests.RunAsync(new DefaultHttpContext(), Create, "k", Body("x"), Run);

        Assert.Equal(status, first.Status);
        Assert.Equal(200, second.Status);
        Assert.False(second.Replayed);
        Assert.Equal(2, runs);
    }

    [Fact]
    public async Task RunAsync_RetentionOver_KeyFreeAgain()
    {
        var runs = 0;
        Task<ApiResult> Run() => Task.FromResult(Result(200 + ++runs));

        await _requests.RunAsync(new DefaultHttpContext(), Create, "k", Body("x"), Run);
        _time.Advance(TimeSpan.FromHours(23));
        var replayed = await _requests.RunAsync(new DefaultHttpContext(), Create, "k", Body("x"), Run);
        _time.Advance(TimeSpan.FromHours(2));
        var fresh = await _requests.RunAsync(new DefaultHttpContext(), Create, "k", Body("x"), Run);

        Assert.True(replayed.Replayed);
        Assert.Equal(201, replayed.Status);
        Assert.Equal(202, fresh.Status);
    }

    [Fact]
    public async Task RunAsync_FirstStillRunning_409WithRetryAfter()
    {
        var release = new TaskCompletionSource<ApiResult>();
        var first = _requests.RunAsync(new DefaultHttpContext(), Create, "k", Body("x"), () => release.Task);

        var second = await _requests.RunAsync(new DefaultHttpContext(), Create, "k", Body("x"), () => Task.FromResult(Result(200)));
        release.SetResult(Result(200));
        await first;

        Assert.Equal(409, second.Status);
        Assert.NotNull(second.RetryAfter);
    }

    [Fact]
    public async Task ClaimAsync_AbandonedClaim_FreeAfterItsLockTime()
    {
        var claim = await _store.ClaimAsync("k", "f", TimeSpan.FromSeconds(40), CancellationToken.None);
        var meanwhile = await _store.ClaimAsync("k", "f", TimeSpan.FromSeconds(40), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(41));
        var later = await _store.ClaimAsync("k", "f", TimeSpan.FromSeconds(40), CancellationToken.None);

        Assert.Equal(IdempotencyClaimState.Claimed, claim.State);
        Assert.Equal(IdempotencyClaimState.InProgress, meanwhile.State);
        Assert.Equal(IdempotencyClaimState.Claimed, later.State);
    }

    private static byte[] Body(string text) => Encoding.UTF8.GetBytes(text);

    private static ApiResult Result(int status) => new(status, ApiResult.JsonContentType, Encoding.UTF8.GetBytes($"{{\"status\":{status}}}"));
}
