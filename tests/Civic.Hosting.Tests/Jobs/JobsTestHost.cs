using Civic.Hosting.Jobs;
using Civic.Hosting.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Civic.Hosting.Tests.Jobs;

/// <summary>
/// A service's job host as AddCivicServiceDefaults composes it (storage options, the Hangfire server),
/// without the gRPC server, so that a test can run several replicas side by side.
/// </summary>
internal static class JobsTestHost
{
    public const string ServiceName = "hotline";

    public static IHost Build(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection> addJobs)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCivicJobs(ServiceName);
        builder.Services.AddCivicStorage(ServiceName);
        addJobs(builder.Services);
        return builder.Build();
    }

    /// <summary>Settings that make the server look for due jobs often, so a test sees several occurrences in seconds.</summary>
    public static Dictionary<string, string?> FastPolling() => new()
    {
        ["Jobs:PollingInterval"] = "00:00:00.2",
        ["Jobs:ShutdownTimeout"] = "00:00:10",
    };
}

/// <summary>Runs recorded by test jobs, shared by every host in a test (replicas in one process).</summary>
internal sealed class RunLog
{
    private int _runs;

    public int Runs => Volatile.Read(ref _runs);

    public void Record() => Interlocked.Increment(ref _runs);

    /// <summary>Waits (generously: the machine is shared) until <paramref name="runs"/> runs were recorded.</summary>
    public async Task WaitForAsync(int runs, TimeSpan within)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(within);
        while (Runs < runs)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
        }
    }
}

/// <summary>A recurring job that only counts its runs.</summary>
internal sealed class CountingJob(RunLog log) : IRecurringJob
{
    public Task RunAsync(CancellationToken cancellationToken)
    {
        log.Record();
        return Task.CompletedTask;
    }
}

/// <summary>A recurring job that takes a while, to see what shutdown does with a running job.</summary>
internal sealed class SlowJob(SlowJob.Probe probe) : IRecurringJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        probe.Started.TrySetResult();
        await Task.Delay(probe.Duration, cancellationToken);
        probe.Finished.TrySetResult();
    }

    internal sealed class Probe(TimeSpan duration)
    {
        public TimeSpan Duration { get; } = duration;

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
