using Civic.Hosting.Jobs;

namespace Civic.Hotline.Lottery;

public static class LotteryServiceCollectionExtensions
{
    /// <summary>Adds the seed source and the draw job (every minute), which draws each lottery session when its request window closes.</summary>
    public static IServiceCollection AddLottery(this IServiceCollection services)
    {
        services.AddSingleton<IDrawSeedSource, CryptographicDrawSeeds>();
        return services.AddRecurringJob<LotteryDrawJob>(LotteryDrawJob.JobId, "* * * * *");
    }
}
