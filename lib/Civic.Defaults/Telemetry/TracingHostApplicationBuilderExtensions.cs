using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Civic.Defaults.Telemetry;

/// <summary>Distributed tracing for every service.</summary>
public static class TracingHostApplicationBuilderExtensions
{
    /// <summary>The activity sources traced: ASP.NET Core's requests, HttpClient's calls, Npgsql's commands and Civic's own.</summary>
    public static readonly IReadOnlyList<string> Sources = ["Microsoft.AspNetCore", "System.Net.Http", "Npgsql", "Civic.*"];

    /// <summary>
    /// Adds OpenTelemetry tracing with the service's name as its resource. Spans are exported over
    /// OTLP only when OTEL_EXPORTER_OTLP_ENDPOINT is configured; without it activities are still
    /// created, so trace ids reach the logs. The host starts and disposes the tracer provider.
    /// </summary>
    public static IHostApplicationBuilder AddCivicTracing(this IHostApplicationBuilder builder, string serviceName)
    {
        var exportOtlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService($"civic-{serviceName}"))
            .WithTracing(tracing =>
            {
                tracing.AddSource([.. Sources]);
                if (exportOtlp)
                {
                    tracing.AddOtlpExporter();
                }
            });
        return builder;
    }
}
