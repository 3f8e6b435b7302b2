using Civic.Defaults.Services;
using Civic.Hosting.Jobs;
using Civic.Hosting.Kestrel;
using Civic.Hosting.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Civic.Hosting.Tests.Settings;

public sealed class OptionsValidationTests
{
    [Fact]
    public void Storage_NothingConfigured_SqliteFileUnderData()
    {
        var options = Resolve<StorageOptions>(services => services.AddCivicStorage("hotline"));

        Assert.Equal(StorageProvider.Sqlite, options.Provider);
        Assert.Equal("Data Source=data/hotline.db", options.ConnectionString);
        Assert.True(options.MigrateOnStartup);
    }

    [Fact]
    public void Storage_PostgresWithConnectionString_UsesIt()
    {
        var options = Resolve<StorageOptions>(services => services.AddCivicStorage("panel"), new()
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:MigrateOnStartup"] = "false",
            ["ConnectionStrings:panel"] = "Host=db;Username=civic;Database=civic_panel",
        });

        var connection = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        Assert.Equal(StorageProvider.Postgres, options.Provider);
        Assert.Equal(("db", "civic", "civic_panel"), (connection.Host, connection.Username, connection.Database));
        Assert.Equal(30, connection.MaxPoolSize);
        Assert.False(options.MigrateOnStartup);
    }

    [Theory]
    [InlineData("Host=db;Database=civic_panel", "12", 12)]
    [InlineData("Host=db;Database=civic_panel;Maximum Pool Size=80", "12", 80)]
    [InlineData("Host=db;Database=civic_panel;MaxPoolSize=7", null, 7)]
    public void Storage_PostgresPool_ConnectionStringWinsOverStorageMaxPoolSize(string connectionString, string? maxPoolSize, int expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:panel"] = connectionString,
        };
        if (maxPoolSize is not null)
        {
            settings["Storage:MaxPoolSize"] = maxPoolSize;
        }

        var options = Resolve<StorageOptions>(services => services.AddCivicStorage("panel"), settings);

        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(options.ConnectionString).MaxPoolSize);
    }

    [Fact]
    public void Storage_PostgresWithoutConnectionString_FailsNamingTheSetting()
    {
        var exception = Assert.Throws<OptionsValidationException>(() =>
            Resolve<StorageOptions>(services => services.AddCivicStorage("network"), new() { ["Storage:Provider"] = "Postgres" }));

        Assert.Contains("ConnectionStrings:network", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GrpcEndpoint_NothingConfigured_ServiceDefaultPortOnLoopback()
    {
        var options = Resolve<GrpcEndpointOptions>(services => services.AddCivicKestrel(5102));

        Assert.Equal(5102, options.Port);
        Assert.Equal("127.0.0.1", options.BindAddress);
    }

    [Fact]
    public void GrpcEndpoint_Configured_OverridesTheDefault()
    {
        var options = Resolve<GrpcEndpointOptions>(services => services.AddCivicKestrel(5102), new()
        {
            ["Civic:Grpc:Port"] = "8080",
            ["Civic:Grpc:BindAddress"] = "0.0.0.0",
        });

        Assert.Equal(8080, options.Port);
        Assert.Equal("0.0.0.0", options.BindAddress);
    }

    [Theory]
    [InlineData("Civic:Grpc:Port", "70000", "Port")]
    [InlineData("Civic:Grpc:BindAddress", "localhost", "not an IP address")]
    public void GrpcEndpoint_BadSetting_FailsWithAMessage(string key, string value, string expected)
    {
        var exception = Assert.Throws<OptionsValidationException>(() =>
            Resolve<GrpcEndpointOptions>(services => services.AddCivicKestrel(5101), new() { [key] = value }));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development", true)]
    [InlineData("Production", false)]
    public void ServiceDefaults_Environment_DecidesWhetherDemoDataIsSeeded(string environment, bool expected)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.AddCivicServiceDefaults(CivicServices.Hotline);
        using var app = builder.Build();

        Assert.Equal(expected, app.Services.GetRequiredService<IOptions<CivicServiceOptions>>().Value.SeedDemoData);
    }

    [Fact]
    public void ServiceDefaults_PostgresJobStoreOnSqlite_RefusedWithAMessage()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Jobs:Store"] = "Postgres" });
        builder.AddCivicServiceDefaults(CivicServices.Panel);
        using var app = builder.Build();

        var exception = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<JobsOptions>>().Value);

        Assert.Contains("Storage:Provider=Postgres", exception.Message, StringComparison.Ordinal);
    }

    private static T Resolve<T>(Action<IServiceCollection> register, Dictionary<string, string?>? settings = null)
        where T : class
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build());
        register(services);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<T>>().Value;
    }
}
