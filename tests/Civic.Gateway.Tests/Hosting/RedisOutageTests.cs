using System.Diagnostics;
using System.Net;
using Civic.Gateway.Tests.Infrastructure;
using Civic.Defaults.Auth;

namespace Civic.Gateway.Tests.Hosting;

/// <summary>
/// A Redis outage must not take the site down: the probes (Kubernetes gives them a second) and the requests
/// that use Redis answer at once from the multiplexer's connection state, not after a Redis timeout.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RedisOutageTests(CivicCluster cluster)
{
    private static readonly TimeSpan WellUnderASecond = TimeSpan.FromMilliseconds(750);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ProbesAndIdempotentPost_RedisKilled_EachAnswersWellUnderASecond()
    {
        await using var redis = await RedisServerProcess.StartAsync(Cancel);
        var settings = redis.Settings;
        settings["Gateway:Api:IdempotencyStore"] = "Redis";
        // The timeouts of the outage the operator saw: a request that waited for one would take 5 s.
        settings["Redis:ConnectTimeout"] = "00:00:05";
        settings["Redis:CommandTimeout"] = "00:00:05";
        await using var gateway = cluster.StartGateway(settings);
        using var client = new HttpClient { BaseAddress = gateway.Addresses[0] };
        // Once with Redis up, so that the timings below hold no start-up work.
        var before = await TimeAllAsync(client);
        redis.Kill();

        // Rounds over a few seconds: right after the kill and while the multiplexer tries to reconnect.
        var rounds = new List<Timings>();
        for (var round = 0; round < 4; round++)
        {
            rounds.Add(await TimeAllAsync(client));
            await Task.Delay(TimeSpan.FromMilliseconds(700), Cancel);
        }

        Assert.Equal((HttpStatusCode.OK, "Healthy"), before.Readiness);
        Assert.All(rounds, timings =>
        {
            Assert.Equal((HttpStatusCode.OK, "Healthy"), timings.Liveness);
            Assert.Equal(HttpStatusCode.OK, timings.Post);
            Assert.True(timings.Slowest < WellUnderASecond, $"a request took {timings.Slowest.TotalMilliseconds:0} ms with Redis down");
        });
        // Degraded (still 200) once the multiplexer has noticed; it may not have in the first round.
        Assert.Equal((HttpStatusCode.OK, "Degraded"), rounds[^1].Readiness);
    }

    private async Task<Timings> TimeAllAsync(HttpClient client)
    {
        var slowest = TimeSpan.Zero;
        async Task<T> Timed<T>(Func<Task<T>> call)
        {
            var watch = Stopwatch.StartNew();
            var result = await call();
            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
            return result;
        }

        var liveness = await Timed(() => GetAsync(client, "/healthz"));
        var readiness = await Timed(() => GetAsync(client, "/readyz"));
        var post = await Timed(async () =>
        {
            var request = CivicCluster.Request(HttpMethod.Post, "/api/v1/hotline/departments", cluster.TokenFor(CivicRoles.Admin),
                $$"""{"code":"udfald-{{Guid.NewGuid().ToString("N")[..8]}}","name":{"da":"Udfald","en":"Outage"},"directorName":"Ud Fald"}""");
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            using var response = await client.SendAsync(request, Cancel);
            return response.StatusCode;
        });
        return new Timings(liveness, readiness, post, slowest);
    }

    private static async Task<(HttpStatusCode, string)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Cancel);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancel));
    }

    private sealed record Timings((HttpStatusCode, string) Liveness, (HttpStatusCode, string) Readiness, HttpStatusCode Post, TimeSpan Slowest);
}
