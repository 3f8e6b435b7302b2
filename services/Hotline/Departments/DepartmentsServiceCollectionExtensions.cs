using Civic.Hosting.DemoData;
using Civic.Hosting.Grpc;

namespace Civic.Hotline.Departments;

public static class DepartmentsServiceCollectionExtensions
{
    /// <summary>Adds the department directory, its gRPC service (and JSON routes) and its demo data.</summary>
    public static IServiceCollection AddDepartments(this IServiceCollection services) =>
        services
            .AddScoped<DepartmentDirectory>()
            .AddGrpcService<DepartmentGrpcService>()
            .AddScoped<IDemoDataSeeder, DemoDepartments>();
}
