using Civic.Gateway.Redis;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using StackExchange.Redis;

namespace Civic.Gateway.Hosting;

public static class GatewayDataProtectionServiceCollectionExtensions
{
    /// <summary>
    /// The name every replica protects under: the key ring is shared only between apps that name themselves
    /// alike, and the default (the content root path) may differ between machines.
    /// </summary>
    public const string ApplicationName = "civic-gateway";

    /// <summary>
    /// One Data Protection key ring for every gateway replica, so that what one replica protects (anti-forgery
    /// tokens, stored Idempotency-Key responses) another can read: in Redis when the "Redis" section names one,
    /// else in <see cref="GatewayDataProtectionOptions.KeysDirectory"/> when set, else ASP.NET Core's default
    /// (a folder in the user's profile, or memory): right for one gateway only.
    /// </summary>
    /// <exception cref="InvalidOperationException">Both Redis and a keys directory are configured.</exception>
    public static IServiceCollection AddGatewayDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(GatewayDataProtectionOptions.SectionName).Get<GatewayDataProtectionOptions>() ?? new();
        var dataProtection = services.AddDataProtection().SetApplicationName(ApplicationName);
        var hasDirectory = !string.IsNullOrWhiteSpace(options.KeysDirectory);
        if (GatewayRedisOptions.IsConfigured(configuration))
        {
            if (hasDirectory)
            {
                throw new InvalidOperationException(
                    $"{GatewayDataProtectionOptions.SectionName}:{nameof(GatewayDataProtectionOptions.KeysDirectory)} is set, but with Redis configured "
                    + "the key ring is kept in Redis: remove one of the two.");
            }

            // What PersistKeysToStackExchangeRedis does, with the process's one multiplexer (AddGatewayRedis) from the container.
            services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((keys, redis) =>
                keys.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), options.RedisKey));
        }
        else if (hasDirectory)
        {
            dataProtection.PersistKeysToFileSystem(Directory.CreateDirectory(options.KeysDirectory!));
        }

        return services;
    }
}
