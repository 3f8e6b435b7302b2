using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Civic.Hosting.Jobs;

/// <summary>How a feature declares its recurring jobs.</summary>
public static class RecurringJobServiceCollectionExtensions
{
    /// <summary>
    /// Runs <typeparamref name="TJob"/> on <paramref name="cron"/> (in the municipality's time zone,
    /// <see cref="JobsOptions.TimeZone"/>), e.g. in the feature's <c>AddSchedules()</c>:
    /// <code>services.AddRecurringJob&lt;SessionMaterialiser&gt;("hotline:materialise-sessions", Cron.Daily(2));</code>
    /// The declaration is all there is: at start-up every declared job is registered with Hangfire
    /// (added, or updated when its schedule changed) and recurring jobs no longer declared are
    /// removed. On the PostgreSQL store each occurrence runs on one replica only.
    /// </summary>
    /// <param name="services">The service's services.</param>
    /// <param name="id">A stable id, "&lt;service&gt;:&lt;what-it-does&gt;"; renaming it makes a new job.</param>
    /// <param name="cron">A cron expression (<c>Hangfire.Cron</c> builds the common ones; six fields include seconds).</param>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string id, string cron)
        where TJob : class, IRecurringJob
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(cron);
        services.TryAddScoped<TJob>();
        services.AddSingleton(new RecurringJobDeclaration(id, cron, typeof(TJob)));
        return services;
    }
}
