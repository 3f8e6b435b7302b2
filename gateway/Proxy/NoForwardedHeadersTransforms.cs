using Civic.Gateway.Jobs;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Civic.Gateway.Proxy;

/// <summary>
/// Sends no X-Forwarded-* headers to the services on their gRPC and JSON API routes: no service reads them
/// (the gateway itself applies the client's address to its rate limits), and building, encoding and parsing
/// four headers is a measurable part of a proxied call. The jobs dashboards keep them.
/// </summary>
internal sealed class NoForwardedHeadersTransforms : ITransformProvider
{
    public void ValidateRoute(TransformRouteValidationContext context)
    {
    }

    public void ValidateCluster(TransformClusterValidationContext context)
    {
    }

    public void Apply(TransformBuilderContext context)
    {
        if (context.Route.Metadata?.ContainsKey(JobsDashboardTransforms.RouteMetadataKey) != true)
        {
            context.UseDefaultForwarders = false;
        }
    }
}
