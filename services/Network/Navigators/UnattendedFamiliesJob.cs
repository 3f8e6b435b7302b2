using Civic.Hosting.Jobs;

namespace Civic.Network.Navigators;

/// <summary>Daily: no family may be left without a navigator, so those that are get flagged for the coordinators.</summary>
public sealed partial class UnattendedFamiliesJob(FamilyRegistry families, ILogger<UnattendedFamiliesJob> logger) : IRecurringJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var flagged = await families.FlagUnattendedAsync(cancellationToken);
        if (flagged > 0)
        {
            Log.Flagged(logger, flagged);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "{Count} families were found without a navigator and flagged for the network coordinators")]
        public static partial void Flagged(ILogger logger, int count);
    }
}
