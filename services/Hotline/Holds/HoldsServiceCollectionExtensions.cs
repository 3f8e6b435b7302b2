using System.Runtime.CompilerServices;
using StackExchange.Redis;

namespace Civic.Hotline.Holds;

public static class HoldsServiceCollectionExtensions
{
    public const string RedisConnectionStringName = "Redis";

    /// <summary>
    /// Adds seat holds: in Redis when ConnectionStrings:Redis names one (a StackExchange.Redis configuration
    /// string), in this process otherwise.
    /// </summary>
    public static IServiceCollection AddSlotHolds(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HoldOptions>().BindConfiguration(HoldOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<SlotHolds>();
        var redis = configuration.GetConnectionString(RedisConnectionStringName);
        return string.IsNullOrWhiteSpace(redis)
            ? services.AddSingleton<ISlotHoldStore, InProcessSlotHoldStore>()
            : AddRedisSlotHoldStore(services, redis);
    }

    // A method of its own, never inlined: the JIT then loads StackExchange.Redis only where Redis is configured, and
    // the multiplexer connects when the first hold is asked for, not at start-up (idle memory, bench/rpc).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IServiceCollection AddRedisSlotHoldStore(IServiceCollection services, string redis)
    {
        services.AddSingleton<IConnectionMultiplexer>(provider => ConnectionMultiplexer.Connect(RedisSettings(redis, provider.GetRequiredService<ILoggerFactory>())));
        return services.AddSingleton<ISlotHoldStore, RedisSlotHoldStore>();
    }

    // Whatever the string says: never abort start-up when Redis is down, and fail commands at once while it is
    // disconnected instead of queueing them, so the in-process fallback answers without waiting.
    private static ConfigurationOptions RedisSettings(string configuration, ILoggerFactory loggerFactory)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.ClientName ??= "civic-hotline";
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.LoggerFactory = loggerFactory;
        return options;
    }
}
