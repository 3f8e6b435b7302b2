using Civic.Hosting.Jobs;

namespace Civic.Hotline.Retention;

public static class RetentionServiceCollectionExtensions
{
    /// <summary>Adds the retention settings and the daily job (03:30) that erases old bookings' contact data.</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services.AddRecurringJob<ContactDataEraser>(ContactDataEraser.JobId, "30 3 * * *");
    }
}
