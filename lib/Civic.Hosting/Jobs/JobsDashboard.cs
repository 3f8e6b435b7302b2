using Civic.Defaults.Services;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Civic.Hosting.Jobs;

/// <summary>
/// Each service's Hangfire dashboard, read-only, for administrators. The service listens on h2c
/// only, so browsers reach it through the gateway, which forwards the same path and turns the
/// browser's access-token cookie into the bearer token checked here.
/// </summary>
public static class JobsDashboard
{
    /// <summary>Where every service's dashboard lives; the service's name follows.</summary>
    public const string PathPrefix = CivicService.JobsDashboardPrefix;

    /// <summary>The dashboard's path for <paramref name="serviceName"/>, e.g. "/admin/jobs/hotline".</summary>
    public static string PathFor(string serviceName) => $"{PathPrefix}/{serviceName}";

    /// <summary>
    /// Serves the dashboard at <see cref="PathFor"/> the service's name. Read-only: it shows jobs,
    /// schedules, failures and servers, but cannot trigger, retry or delete; what jobs do is decided
    /// in code, and a dashboard without commands needs no anti-forgery protection behind a cookie.
    /// </summary>
    public static IApplicationBuilder UseCivicJobsDashboard(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var jobs = app.ApplicationServices.GetRequiredService<IOptions<JobsOptions>>().Value;
        var options = new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [new AdminDashboardAuthorization()],
            IsReadOnlyFunc = _ => true,
            DashboardTitle = $"Civic {jobs.ServiceName}: jobs",
            // "Back to site": the gateway's administration page, where the links to the dashboards are.
            AppPath = "/administration",
            DisplayStorageConnectionString = false,
            TimeZoneResolver = new DefaultTimeZoneResolver(),
        };
        var storage = app.ApplicationServices.GetRequiredService<JobStorage>();
        return app.Map(PathFor(jobs.ServiceName), dashboard =>
            dashboard.UseMiddleware<AspNetCoreDashboardMiddleware>(storage, options, DashboardRoutes.Routes));
    }
}
