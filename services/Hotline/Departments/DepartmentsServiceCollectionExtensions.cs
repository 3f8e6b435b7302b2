using Civic.Hosting.DemoData;

namespace Civic.Hotline.Departments;

public static class DepartmentsServiceCollectionExtensions
{
    /// <summary>Adds the department directory and its demo data.</summary>
    public static IServiceCollection AddDepartments(this IServiceCollection services) =>
        services
            .AddScoped<DepartmentDirectory>()
            .AddScoped<IDemoDataSeeder, DemoDepartments>();
}
