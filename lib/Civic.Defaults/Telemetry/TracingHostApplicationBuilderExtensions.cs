using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Civic.Defaults.Telemetry;

/// <summary>Distributed tracing for every service.</summary>
public static class TracingHostApplicationBuilderExtensions
{
    /// <summary>Civic's own activity sources; ASP.NET Core, HttpClient and gRPC client calls come from their instrumentation packages.</summary>
    public static readonly IReadOnlyList<string> Sources = ["Civic.*"];

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
                tracing.AddSource([.. Sources])
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddGrpcClientInstrumentation();
                if (exportOtlp)
                {
                    tracing.AddOtlpExporter();
                }
            });
        return builder;
    }
}
