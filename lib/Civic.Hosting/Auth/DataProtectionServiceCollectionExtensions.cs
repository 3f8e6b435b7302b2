using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Civic.Hosting.Auth;

public static class DataProtectionServiceCollectionExtensions
{
    /// <summary>
    /// Takes out the hosted service with which ASP.NET Core data protection loads (or creates and writes) its key ring
    /// at start. AddAuthentication brings data protection along, but a service never protects anything with it: access
    /// tokens are JWTs and the citizens' links are HMACs under keys of our own. Without the warm-up an idle service maps
    /// no XML stack and writes no unencrypted key file; anything that did use data protection would still get its key
    /// ring on first use.
    /// </summary>
    public static IServiceCollection RemoveDataProtectionKeyRingWarmUp(this IServiceCollection services)
    {
        var dataProtection = typeof(DataProtectionOptions).Assembly;
        var warmUps = services
            .Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Assembly == dataProtection)
            .ToList();
        foreach (var warmUp in warmUps)
        {
            services.Remove(warmUp);
        }

        return services;
    }
}
