using Civic.Hosting.DemoData;
using Civic.Hosting.Grpc;
using Civic.Network.Search;
using Civic.Network.Search.InMemory;
using Microsoft.EntityFrameworkCore;

namespace Civic.Network.ResourcePersons;

public static class ResourcePersonsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the resource person directory, its full-text index for the configured database, the cache of first
    /// search pages ("Network:Search:Cache"), PostgreSQL's in-memory search index ("Network:Search:Index"), its gRPC service (and JSON routes) and its demo data.
    /// </summary>
    public static IServiceCollection AddResourcePersons(this IServiceCollection services)
    {
        services.AddOptions<SearchCacheOptions>().BindConfiguration(SearchCacheOptions.SectionName)
            .Validate(o => o.Entries >= 0 && o.Lifetime > TimeSpan.Zero, "Network:Search:Cache needs Entries >= 0 (0: no cache) and a positive Lifetime.")
            .ValidateOnStart();
        services.AddOptions<SearchIndexOptions>().BindConfiguration(SearchIndexOptions.SectionName);
        return services
            .AddSingleton<SearchResultCache>()
            .AddSingleton<ProfileSearchIndex>()
            .AddScoped<ResourcePersonDirectory>()
            .AddScoped<ISearchIndex>(provider =>
            {
                var db = provider.GetRequiredService<NetworkDbContext>();
                if (db.Database.IsSqlite())
                {
                    return new SqliteSearchIndex(db);
                }

                var memory = provider.GetRequiredService<ProfileSearchIndex>();
                return memory.IsEnabled ? new InMemoryFirstSearchIndex(db, new PostgresSearchIndex(db), memory) : new PostgresSearchIndex(db);
            })
            .AddGrpcService<ResourcePersonGrpcService>()
            .AddScoped<IDemoDataSeeder, DemoResourcePersons>();
    }
}
