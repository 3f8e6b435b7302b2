using Civic.Hosting.Jobs;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Civic.Hosting.Tests.Jobs;

/// <summary>The one-machine default: Hangfire in memory, with no configuration at all.</summary>
public sealed class InMemoryJobsTests
{
    private const string EverySecond = "* * * * * *";

    [Fact]
    public async Task Start_NoConfiguration_InMemoryStoreAndOneServerNamedAfterTheService()
    {
        using var host = JobsTestHost.Build(new Dictionary<string, string?>(), _ => { });

        await host.StartAsync(TestContext.Current.CancellationToken);
        var storage = host.Services.GetRequiredService<JobStorage>();
        var servers = await PollAsync(() => storage.GetMonitoringApi().Servers(), s => s.Count > 0);
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.IsType<InMemoryStorage>(storage);
        var server = Assert.Single(servers);
        Assert.StartsWith($"{JobsTestHost.ServiceName}@", server.Name, StringComparison.Ordinal);
        Assert.Equal(JobStore.InMemory, host.Services.GetRequiredService<IOptions<JobsOptions>>().Value.Store);
    }

    [Fact]
    public async Task RecurringJob_ShortSchedule_RunsOnSchedule()
    {
        var log = new RunLog();
        using var host = JobsTestHost.Build(JobsTestHost.FastPolling(), services => services
            .AddSingleton(log)
            .AddRecurringJob<CountingJob>("test:count", EverySecond));

        await host.StartAsync(TestContext.Current.CancellationToken);
        await log.WaitForAsync(3, within: TimeSpan.FromSeconds(60));
        await host.StopAsync(TestContext.Current.CancellationToken);

        using var connection = host.Services.GetRequiredService<JobStorage>().GetConnection();
        var recurring = Assert.Single(connection.GetRecurringJobs());
        Assert.Equal("test:count", recurring.Id);
        Assert.Equal("Europe/Copenhagen", recurring.TimeZoneId);
    }

    [Fact]
    public async Task Stop_JobRunning_WaitsForItToFinish()
    {
        var probe = new SlowJob.Probe(TimeSpan.FromSeconds(2));
        using var host = JobsTestHost.Build(JobsTestHost.FastPolling(), services => services
            .AddSingleton(probe)
            .AddRecurringJob<SlowJob>("test:slow", EverySecond));
        await host.StartAsync(TestContext.Current.CancellationToken);
        await probe.Started.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.True(probe.Finished.Task.IsCompletedSuccessfully, "Shutdown should let the running job finish within Jobs:ShutdownTimeout.");
    }

    [Fact]
    public async Task Start_SameIdDeclaredTwice_RefusedNamingTheId()
    {
        using var host = JobsTestHost.Build(new Dictionary<string, string?>(), services => services
            .AddSingleton(new RunLog())
            .AddRecurringJob<CountingJob>("test:twice", Cron.Daily())
            .AddRecurringJob<CountingJob>("test:twice", Cron.Hourly()));

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("'test:twice' is declared more than once", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_BadCron_Refused()
    {
        using var host = JobsTestHost.Build(new Dictionary<string, string?>(), services => services
            .AddSingleton(new RunLog())
            .AddRecurringJob<CountingJob>("test:bad-cron", "every day at two"));

        await Assert.ThrowsAnyAsync<ArgumentException>(() => host.StartAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Stop_Configured_HostWaitsLongerThanTheJobs()
    {
        using var host = JobsTestHost.Build(new Dictionary<string, string?> { ["Jobs:ShutdownTimeout"] = "00:01:00" }, _ => { });

        Assert.True(host.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout > TimeSpan.FromMinutes(1));
    }

    [Theory]
    [InlineData("Jobs:Schema", "hangfire; DROP TABLE x", "Jobs:Schema")]
    [InlineData("Jobs:TimeZone", "Mars/Olympus_Mons", "Jobs:TimeZone")]
    [InlineData("Jobs:Store", "Postgres", "Storage:Provider=Postgres")]
    public void Options_BadSetting_RefusedWithAMessage(string key, string value, string expected)
    {
        using var host = JobsTestHost.Build(new Dictionary<string, string?> { [key] = value }, _ => { });

        var exception = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<JobsOptions>>().Value);

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    private static async Task<T> PollAsync<T>(Func<T> read, Func<T, bool> done)
    {
        for (var attempt = 0; ; attempt++)
        {
            var value = read();
            if (done(value) || attempt == 300)
            {
                return value;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        }
    }
}
