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
        if (string.IsNullOrWhiteSpace(redis))
        {
            return services.AddSingleton<ISlotHoldStore, InProcessSlotHoldStore>();
        }

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
