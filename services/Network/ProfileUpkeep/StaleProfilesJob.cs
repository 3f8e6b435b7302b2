using Civic.Hosting.Jobs;

namespace Civic.Network.ProfileUpkeep;

/// <summary>Daily: owners of profiles not confirmed for 6 months are asked to confirm them; until they do, the profile is marked stale and ranked lower.</summary>
public sealed partial class StaleProfilesJob(ProfileUpkeepDesk desk, ILogger<StaleProfilesJob> logger) : IRecurringJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var asked = await desk.RequestConfirmationsAsync(cancellationToken);
        if (asked > 0)
        {
            Log.Asked(logger, asked);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "{Count} profiles not confirmed for 6 months were marked stale and their owners asked to confirm them")]
        public static partial void Asked(ILogger logger, int count);
    }
}
