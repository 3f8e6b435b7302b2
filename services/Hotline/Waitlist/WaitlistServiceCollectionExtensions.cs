using Civic.Hosting.Jobs;

namespace Civic.Hotline.Waitlist;

public static class WaitlistServiceCollectionExtensions
{
    /// <summary>Adds the waitlist settings and its job (every minute): lapsed offers free their seat, free seats are offered to the next in line.</summary>
    public static IServiceCollection AddWaitlist(this IServiceCollection services)
    {
        services.AddOptions<WaitlistOptions>().BindConfiguration(WaitlistOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services.AddRecurringJob<WaitlistJob>(WaitlistJob.JobId, "* * * * *");
    }
}
