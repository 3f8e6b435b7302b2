using Civic.Hosting.Grpc;

namespace Civic.Panel.Schema;

public static class FeatureSchemaServiceCollectionExtensions
{
    /// <summary>Adds the feature schema the municipality defines: its editor and civic.panel.v1.FeatureSchemaService.</summary>
    public static IServiceCollection AddFeatureSchema(this IServiceCollection services) =>
        services
            .AddScoped<FeatureSchemaEditor>()
            .AddGrpcService<FeatureSchemaGrpcService>();
}
