using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Civic.Defaults.Logging;

/// <summary>Structured logs for every service.</summary>
public static class LoggingHostApplicationBuilderExtensions
{
    /// <summary>
    /// Writes logs as one JSON object per line on the console (what a container platform collects),
    /// with UTC timestamps and the trace and span ids of the current activity. Personal data stays
    /// out: handlers log ids and counts, never names, phone numbers or case texts, and EF Core's
    /// sensitive-data logging stays off, so SQL parameter values are never written.
    /// </summary>
    public static IHostApplicationBuilder AddCivicLogging(this IHostApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(options =>
        {
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            options.IncludeScopes = true;
        });
        builder.Logging.Configure(options =>
            options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        return builder;
    }
}
