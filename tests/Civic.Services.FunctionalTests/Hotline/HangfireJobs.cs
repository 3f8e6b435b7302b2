using Hangfire;

namespace Civic.Services.FunctionalTests.Hotline;

/// <summary>Waiting for a job Hangfire runs (after <c>TriggerJob</c>) in the Hotline's Hangfire tests.</summary>
internal static class HangfireJobs
{
    public static async Task SucceededAsync(JobStorage storage, string jobId)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(60);
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            using var connection = storage.GetConnection();
            var state = connection.GetStateData(jobId)?.Name;
            if (state == "Succeeded")
            {
                return;
            }

            Assert.NotEqual("Failed", state);
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"Hangfire job {jobId} did not succeed within a minute.");
    }
}
