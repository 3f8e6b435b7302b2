using Civic.Defaults.Auth;
using Civic.Hosting.Auth;
using Civic.Defaults.Logging;
using Civic.Defaults.Services;
using Civic.Defaults.Telemetry;
using Civic.Hosting.DemoData;
using Civic.Hosting.Grpc;
using Civic.Hosting.Jobs;
using Civic.Hosting.Kestrel;
using Civic.Hosting.Storage;
using Civic.Hosting.Storage.Migrations;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry.Trace;

namespace Civic.Hosting;

/// <summary>
/// The start-up every Civic service shares. A service's Program composes it:
/// <code>
/// var builder = WebApplication.CreateBuilder(args);
/// builder.AddCivicServiceDefaults(CivicServices.Hotline);
/// builder.Services.AddDepartments();   // a feature registers its gRPC service with AddGrpcService&lt;T&gt;()
/// var app = builder.Build();
/// app.MapCivicServiceDefaults();
/// return await app.RunCivicServiceAsync(args);
/// </code>
/// </summary>
public static partial class CivicServiceDefaults
{
    /// <summary>The command-line argument that applies schema migrations and exits (a Kubernetes Job).</summary>
    public const string MigrateCommand = "migrate";

    /// <summary>
    /// Adds configuration-bound options, JSON console logs, tracing, the h2c gRPC endpoint, storage
    /// with schema migrations, the Hangfire job server, the gRPC server (Grpc.AspNetCore) with JSON transcoding,
    /// health (grpc.health.v1) and server reflection, access-token validation with per-RPC authorisation
    /// (deny by default: every handler method declares [AllowRoles] or [AllowAnonymous]) and the mapping
    /// of domain errors to statuses.
    /// </summary>
    /// <param name="builder">The service's builder.</param>
    /// <param name="service">The service (<see cref="CivicServices"/>): its name names the database, the jobs and the traces; its port is the default of "Civic:Grpc:Port".</param>
    public static WebApplicationBuilder AddCivicServiceDefaults(this WebApplicationBuilder builder, CivicService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var serviceName = service.Name;
        var isDevelopment = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<CivicServiceOptions>()
            .Configure(options => options.SeedDemoData = isDevelopment)
            .BindConfiguration(CivicServiceOptions.SectionName)
            .ValidateOnStart();

        builder.AddCivicLogging();
        builder.AddCivicTracing(serviceName);
        // The service's own database commands, as spans of the calls that made them.
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddNpgsql());
        builder.Services.AddCivicKestrel(service.DefaultPort);
        builder.AddCivicJobs(serviceName);
        builder.Services.AddCivicStorage(serviceName);
        builder.Services.AddCivicAuthentication(builder.Environment, asDefaultScheme: false);
        builder.Services.RemoveDataProtectionKeyRingWarmUp();
        builder.Services.AddCivicGrpc();
        return builder;
    }

    /// <summary>Maps the jobs dashboard (administrators only), the features' gRPC services (and their JSON routes), health and reflection; checks every RPC declares who may call it.</summary>
    public static WebApplication MapCivicServiceDefaults(this WebApplication app)
    {
        app.UseCivicJobsDashboard();
        app.MapCivicGrpc();
        return app;
    }

    /// <summary>
    /// With the <see cref="MigrateCommand"/> argument: applies schema migrations and returns 0
    /// without serving. Otherwise: applies migrations first when "Storage:MigrateOnStartup" is true,
    /// seeds demo data when "Civic:SeedDemoData" is true, and serves until shut down.
    /// </summary>
    /// <returns>The process exit code.</returns>
    public static async Task<int> RunCivicServiceAsync(this WebApplication app, string[] args)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CivicServiceDefaults));
        var storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var migrator = app.Services.GetRequiredService<SchemaMigrator>();
        if (args.Contains(MigrateCommand, StringComparer.Ordinal))
        {
            Log.MigratingOnly(logger, storage.Provider);
            await migrator.MigrateAsync(app.Lifetime.ApplicationStopping);
            return 0;
        }

        if (storage.MigrateOnStartup)
        {
            await migrator.MigrateAsync(app.Lifetime.ApplicationStopping);
        }

        if (app.Services.GetRequiredService<IOptions<CivicServiceOptions>>().Value.SeedDemoData)
        {
            await SeedDemoDataAsync(app.Services, logger, app.Lifetime.ApplicationStopping);
        }

        await app.RunAsync();
        return 0;
    }

    private static async Task SeedDemoDataAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>())
        {
            await seeder.SeedAsync(cancellationToken);
            Log.Seeded(logger, seeder.GetType().Name);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Applying schema migrations ({Provider}) and exiting")]
        public static partial void MigratingOnly(ILogger logger, StorageProvider provider);

        [LoggerMessage(2, LogLevel.Information, "Demo data checked by {Seeder}")]
        public static partial void Seeded(ILogger logger, string seeder);
    }
}
