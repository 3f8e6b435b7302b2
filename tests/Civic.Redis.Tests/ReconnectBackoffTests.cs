using Civic.Redis.Connection;

namespace Civic.Redis.Tests;

public class ReconnectBackoffTests
{
    [Fact]
    public void GetDelay_GrowsExponentiallyWithinJitterBounds()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), new Random(1));
        for (var attempt = 0; attempt < 6; attempt++)
        {
            var ceiling = 100 * Math.Pow(2, attempt);
            var delay = backoff.GetDelay(attempt).TotalMilliseconds;
            Assert.InRange(delay, ceiling / 2, ceiling);
        }
    }

    [Fact]
    public void GetDelay_ManyAttempts_IsCappedAtMaxDelay()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2), new Random(1));
        foreach (var attempt in new[] { 10, 31, 1000, int.MaxValue })
        {
            Assert.InRange(backoff.GetDelay(attempt).TotalMilliseconds, 1000, 2000);
        }
    }

    [Fact]
    public void GetDelay_SameSeed_SameDelays_DifferentSeed_DifferentDelays()
    {
        static double[] Delays(int seed)
        {
            var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), new Random(seed));
            return Enumerable.Range(0, 8).Select(attempt => backoff.GetDelay(attempt).TotalMilliseconds).ToArray();
        }

        Assert.Equal(Delays(5), Delays(5));
        Assert.NotEqual(Delays(5), Delays(6));
    }
}
