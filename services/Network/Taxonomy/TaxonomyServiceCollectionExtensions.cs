using Civic.Hosting.Grpc;

namespace Civic.Network.Taxonomy;

public static class TaxonomyServiceCollectionExtensions
{
    /// <summary>Adds the taxonomy's gRPC service (and JSON route).</summary>
    public static IServiceCollection AddTaxonomy(this IServiceCollection services) =>
        services.AddGrpcService<TaxonomyGrpcService>();
}
