using Civic.Hosting.Grpc;

namespace Civic.Network.Taxonomy;

public static class TaxonomyServiceCollectionExtensions
{
    /// <summary>Adds the taxonomy's gRPC services (and JSON routes): reading it, and folding "other" competences into it.</summary>
    public static IServiceCollection AddTaxonomy(this IServiceCollection services)
    {
        services.AddScoped<CompetenceFoldingDesk>();
        services.AddGrpcService<TaxonomyGrpcService>();
        return services.AddGrpcService<CompetenceFoldingGrpcService>();
    }
}
