using Civic.Hosting.Auth;
using Civic.Hosting.DemoData;
using Civic.Hosting.Errors;
using Civic.Hosting.Health;
using Civic.Hosting.Jobs;
using Civic.Hosting.Kestrel;
using Civic.Hosting.Logging;
using Civic.Hosting.Storage;
using Civic.Hosting.Storage.Migrations;
using Civic.Hosting.Telemetry;
using Civic.Rpc.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Civic.Hosting;

/// <summary>
/// The start-up every Civic service shares. A service's Program composes it:
/// <code>
/// var builder = WebApplication.CreateBuilder(args);
/// builder.AddCivicServiceDefaults("hotline", defaultGrpcPort: 5101);
/// builder.Services.AddDepartments();
/// var app = builder.Build();
/// app.UseCivicServiceDefaults();
/// return await app.RunCivicServiceAsync(args);
/// </code>
/// </summary>
public static partial class CivicServiceDefaults
{
    /// <summary>The command-line argument that applies schema migrations and exits (a Kubernetes Job).</summary>
    public const string MigrateCommand = "migrate";

    /// <summary>
    /// Adds configuration-bound options, JSON console logs, tracing, the h2c gRPC endpoint, storage
    /// with schema migrations, the Hangfire job server, health (grpc.health.v1), server reflection, the
    /// gRPC server, access-token validation with per-RPC authorisation (deny by default: every
    /// handler method declares [AllowRoles] or [AllowAnonymous]) and the mapping of domain errors to statuses.
    /// </summary>
    /// <param name="builder">The service's builder.</param>
    /// <param name="serviceName">Lower-case service name, e.g. "hotline": names the database, the scheduler and the traces.</param>
    /// <param name="defaultGrpcPort">The gRPC port unless "Civic:Grpc:Port" says otherwise.</param>
    public static WebApplicationBuilder AddCivicServiceDefaults(this WebApplicationBuilder builder, string serviceName, int defaultGrpcPort)
    {
        var isDevelopment = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<CivicServiceOptions>()
            .Configure(options => options.SeedDemoData = isDevelopment)
            .BindConfiguration(CivicServiceOptions.SectionName)
            .ValidateOnStart();

        builder.AddCivicLogging();
        builder.AddCivicTracing(serviceName);
        builder.Services.AddCivicKestrel(defaultGrpcPort);
        builder.AddCivicJobs(serviceName);
        builder.Services.AddCivicStorage(serviceName);
        builder.Services.AddCivicRpc();
        builder.Services.AddCivicAuthentication(builder.Environment);
        builder.Services.AddCivicRpcAuthorization();
        builder.Services.AddCivicHealth();
        builder.Services.AddRpcReflection();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IRpcExceptionMapper, DomainExceptionMapper>());
        return builder;
    }

    /// <summary>Puts the jobs dashboard (administrators only) and the gRPC server on the request pipeline.</summary>
    public static WebApplication UseCivicServiceDefaults(this WebApplication app)
    {
        app.UseCivicJobsDashboard();
        app.UseCivicRpc();
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
