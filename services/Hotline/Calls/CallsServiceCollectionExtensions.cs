using Civic.Hosting.DemoData;
using Civic.Hosting.Grpc;
using Civic.Hotline.Ideas;

namespace Civic.Hotline.Calls;

public static class CallsServiceCollectionExtensions
{
    /// <summary>Adds the director's side: the call list, call outcomes and ideas (with the public board), and a demo day of calls.</summary>
    public static IServiceCollection AddCallsAndIdeas(this IServiceCollection services) =>
        services
            .AddScoped<DepartmentScope>()
            .AddScoped<CallDesk>()
            .AddScoped<IdeaBoard>()
            .AddGrpcService<CallGrpcService>()
            .AddGrpcService<IdeaGrpcService>()
            .AddScoped<IDemoDataSeeder, DemoCalls>();
}
