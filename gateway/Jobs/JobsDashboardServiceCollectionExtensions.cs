using Yarp.ReverseProxy.Transforms.Builder;

namespace Civic.Gateway.Jobs;

public static class JobsDashboardServiceCollectionExtensions
{
    /// <summary>
    /// Lets administrators reach each service's Hangfire dashboard through the gateway (the services
    /// speak h2c only): the routes are in the "ReverseProxy" section, the access rules in
    /// <see cref="JobsDashboardTransforms"/>.
    /// </summary>
    public static IServiceCollection AddJobsDashboardProxy(this IServiceCollection services) =>
        services.AddSingleton<ITransformProvider, JobsDashboardTransforms>();
}
