using Civic.Hosting.Jobs;
using Civic.Hosting.Storage.Migrations;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Civic.Hosting.Tests.Jobs;

/// <summary>
/// The production store: Hangfire on the service's PostgreSQL database, in its own schema, shared by
/// the replicas. Each test gets its own database (the class fixture); Hangfire's schema comes from
/// the migrate step, as in Kubernetes.
/// </summary>
public sealed class PostgresJobsTests(TestPostgresDatabase database) : IClassFixture<TestPostgresDatabase>
{
    private const string EverySecond = "* * * * * *";

    [Fact]
    public async Task TwoReplicas_OneDatabase_EachOccurrenceRunsOnce()
    {
        var log = new RunLog();
        await MigrateAsync();
        using var first = Replica(services => services.AddSingleton(log).AddRecurringJob<CountingJob>("test:twice-replicated", EverySecond));
        using var second = Replica(services => services.AddSingleton(log).AddRecurringJob<CountingJob>("test:twice-replicated", EverySecond));
        await Task.WhenAll(first.StartAsync(TestContext.Current.CancellationToken), second.StartAsync(TestContext.Current.CancellationToken));

        await log.WaitForAsync(5, within: TimeSpan.FromSeconds(90));
        await Task.WhenAll(first.StopAsync(TestContext.Current.CancellationToken), second.StopAsync(TestContext.Current.CancellationToken));

        // Hangfire records the occurrence each background job was made for ("Time"). One job per
        // occurrence, and one run per job that succeeded: so no occurrence ran twice.
        const string jobsOfThisRecurringJob = """
            FROM hangfire.jobparameter time
            JOIN hangfire.jobparameter recurring ON recurring.jobid = time.jobid AND recurring.name = 'RecurringJobId' AND recurring.value = '"test:twice-replicated"'
            WHERE time.name = 'Time'
            """;
        var jobs = await database.ScalarAsync($"SELECT COUNT(*) {jobsOfThisRecurringJob}");
        var occurrences = await database.ScalarAsync($"SELECT COUNT(DISTINCT time.value) {jobsOfThisRecurringJob}");
        var succeeded = await database.ScalarAsync($"SELECT COUNT(*) {jobsOfThisRecurringJob} AND time.jobid IN (SELECT id FROM hangfire.job WHERE statename = 'Succeeded')");
        Assert.True(log.Runs >= 5, $"Expected several runs, got {log.Runs}.");
        Assert.Equal(occurrences, jobs);
        Assert.Equal(log.Runs, succeeded);
    }

    [Fact]
    public async Task Migrate_PostgresStore_HangfireTablesInTheirOwnSchemaAndAgainIsANoOp()
    {
        await MigrateAsync();
        await MigrateAsync();

        Assert.Equal(1, await database.ScalarAsync("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'hangfire' AND table_name = 'job'"));
        Assert.Equal(0, await database.ScalarAsync("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'job'"));
        Assert.True(await database.ScalarAsync("SELECT MAX(version) FROM hangfire.schema") > 3);
    }

    [Fact]
    public async Task Start_JobNoLongerDeclared_RemovedFromTheStore()
    {
        await MigrateAsync();
        using (var previousRelease = Replica(services => services
            .AddSingleton(new RunLog())
            .AddRecurringJob<CountingJob>("test:kept", Cron.Daily())
            .AddRecurringJob<CountingJob>("test:dropped", Cron.Daily())))
        {
            await previousRelease.StartAsync(TestContext.Current.CancellationToken);
            await previousRelease.StopAsync(TestContext.Current.CancellationToken);
        }

        using var nextRelease = Replica(services => services.AddSingleton(new RunLog()).AddRecurringJob<CountingJob>("test:kept", Cron.Daily()));
        await nextRelease.StartAsync(TestContext.Current.CancellationToken);
        await nextRelease.StopAsync(TestContext.Current.CancellationToken);

        using var connection = nextRelease.Services.GetRequiredService<JobStorage>().GetConnection();
        var ids = connection.GetRecurringJobs().Select(j => j.Id).ToList();
        Assert.Contains("test:kept", ids);
        Assert.DoesNotContain("test:dropped", ids);
    }

    private IHost Replica(Action<IServiceCollection> addJobs) => JobsTestHost.Build(Settings(), addJobs);

    private Dictionary<string, string?> Settings()
    {
        var settings = JobsTestHost.FastPolling();
        settings["Storage:Provider"] = "Postgres";
        settings[$"ConnectionStrings:{JobsTestHost.ServiceName}"] = database.ConnectionString;
        settings["Jobs:Store"] = "Postgres";
        return settings;
    }

    /// <summary>What the migrate command (a Kubernetes Job) does before the replicas start.</summary>
    private async Task MigrateAsync()
    {
        using var migrate = JobsTestHost.Build(Settings(), _ => { });
        await migrate.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(TestContext.Current.CancellationToken);
    }
}
