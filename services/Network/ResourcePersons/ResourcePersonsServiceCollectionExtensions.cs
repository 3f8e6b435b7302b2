using Civic.Hosting.DemoData;
using Civic.Hosting.Grpc;
using Civic.Network.Search;
using Microsoft.EntityFrameworkCore;

namespace Civic.Network.ResourcePersons;

public static class ResourcePersonsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the resource person directory, its full-text index for the configured database, the cache of first
    /// search pages ("Network:Search:Cache"), its gRPC service (and JSON routes) and its demo data.
    /// </summary>
    public static IServiceCollection AddResourcePersons(this IServiceCollection services)
    {
        services.AddOptions<SearchCacheOptions>().BindConfiguration(SearchCacheOptions.SectionName)
            .Validate(o => o.Entries >= 0 && o.Lifetime > TimeSpan.Zero, "Network:Search:Cache needs Entries >= 0 (0: no cache) and a positive Lifetime.")
            .ValidateOnStart();
        return services
            .AddSingleton<SearchResultCache>()
            .AddScoped<ResourcePersonDirectory>()
            .AddScoped<ISearchIndex>(provider =>
            {
                var db = provider.GetRequiredService<NetworkDbContext>();
                return db.Database.IsSqlite() ? new SqliteSearchIndex(db) : new PostgresSearchIndex(db);
            })
            .AddGrpcService<ResourcePersonGrpcService>()
            .AddScoped<IDemoDataSeeder, DemoResourcePersons>();
    }
}
