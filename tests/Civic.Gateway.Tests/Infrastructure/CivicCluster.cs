using System.Net.Http.Headers;
using System.Security.Cryptography;
using Civic.Gateway.Identity;
using Civic.Defaults.Auth;
using Civic.Defaults.Services;
using Civic.Hotline.Departments;
using Civic.Network.ResourcePersons;
using Civic.Panel.Cases;
using Civic.Testing;
using Microsoft.Extensions.Options;

namespace Civic.Gateway.Tests.Infrastructure;

/// <summary>
/// The three services (SQLite files in a temporary folder, demo data seeded), a transport test
/// service (civic.testing.v1, for deadlines, streams and metadata) and the gateway in front of all
/// four, sharing one development signing key made for the run.
/// </summary>
public sealed class CivicCluster : IAsyncLifetime
{
    /// <summary>The demo data's fixed ids (see the services' Demo* seeders).</summary>
    public const string DemoDepartmentId = "0192f0a0-0000-7000-8000-000000000001";
    public const string DemoCaseId = "0192f0a0-0000-7000-8000-000000000101";
    public const string DemoDrawId = "0192f0a0-0000-7000-8000-000000000301";
    public const string DemoPoolMemberId = "0192f0a0-0000-7000-8000-000000000001";
    public const string DemoPublicPersonId = "0192f0a0-0000-7000-8000-000000000201";
    public const string DemoInternalPersonId = "0192f0a0-0000-7000-8000-000000000202";

    /// <summary>The demo network group on loneliness (the first challenge area).</summary>
    public const string DemoNetworkGroupId = "0192f0a0-0000-7000-8006-000000000001";
    public const string DemoNetworkMeetingId = "0192f0a0-0000-7000-8008-000000000001";

    /// <summary>A Network demo request in the coordinators' queue, made by demo-koordinator.</summary>
    public const string DemoHelpRequestId = "0192f0a0-0000-7000-8002-000000000001";

    /// <summary>A public article of the Network's demo toolbox.</summary>
    public const string DemoPublicArticleSlug = "borgermoede-paa-en-aften";

    /// <summary>The Network's demo family (pseudonymous reference).</summary>
    public const string DemoFamilyReference = "FAM-2026-0001";

    /// <summary>The department of the test staff member: the demo case above belongs to it.</summary>
    public const string StaffDepartment = "boern-og-unge";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "civic-gateway-tests", Guid.NewGuid().ToString("N"));

    public string SigningKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public AppHost<DepartmentGrpcService> Hotline { get; private set; } = null!;

    public AppHost<CaseGrpcService> Panel { get; private set; } = null!;

    public AppHost<ResourcePersonGrpcService> Network { get; private set; } = null!;

    public GrpcTestServer Testing { get; private set; } = null!;

    public AppHost<DevelopmentLogin> Gateway { get; private set; } = null!;

    /// <summary>The gateway's public HTTP/1.1 address (web UI, JSON API).</summary>
    public Uri GatewayWeb => Gateway.Addresses[0];

    /// <summary>The gateway's h2c address for gRPC.</summary>
    public Uri GatewayGrpc => Gateway.Addresses[1];

    public HttpClient Api { get; private set; } = null!;

    public DevelopmentTokenIssuer Tokens { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Hotline = new AppHost<DepartmentGrpcService>(ServiceSettings(CivicServices.Hotline.Name));
        Panel = new AppHost<CaseGrpcService>(ServiceSettings(CivicServices.Panel.Name));
        Network = new AppHost<ResourcePersonGrpcService>(ServiceSettings(CivicServices.Network.Name));
        Testing = await GrpcTestServer.StartAsync();
        // The shared gateway serves the whole suite from a handful of test identities within minutes, far more
        // creates per caller than a person makes; the limits themselves are tested on gateways of their own.
        Gateway = StartGateway(new Dictionary<string, string?>
        {
            ["RateLimiting:Create:PermitLimit"] = "100000",
            ["RateLimiting:Authenticated:PermitLimit"] = "100000",
        });
        Api = new HttpClient { BaseAddress = GatewayWeb };
        Tokens = new DevelopmentTokenIssuer(Options.Create(new AuthOptions { SigningKey = SigningKey }), TimeProvider.System);
    }

    /// <summary>A token for <paramref name="role"/>; staff roles get a department (<see cref="StaffDepartment"/> unless said).</summary>
    public string TokenFor(string role, string? department = null) =>
        Tokens.Issue(new DevelopmentIdentity($"test-{role}", $"Test {role}", role,
            department ?? (CivicRoles.Employees.Contains(role) && role != CivicRoles.Admin ? StaffDepartment : null)));

    /// <summary>A JSON API request, with <paramref name="token"/> as bearer token unless null, and a JSON body unless null.</summary>
    public static HttpRequestMessage Request(HttpMethod method, string path, string? token = null, string? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        return request;
    }

    /// <summary>Another gateway in front of the same services, with settings changed (a dead service, a tiny timeout …).</summary>
    public AppHost<DevelopmentLogin> StartGateway(IReadOnlyDictionary<string, string?>? overrides = null, string environment = DevelopmentEnvironments.Testing)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:BindAddress"] = "127.0.0.1",
            ["Gateway:Port"] = "0",
            ["Gateway:GrpcPort"] = "0",
            [CivicServices.Hotline.AddressSetting] = Direct(Hotline),
            [CivicServices.Panel.AddressSetting] = Direct(Panel),
            [CivicServices.Network.AddressSetting] = Direct(Network),
            ["ReverseProxy:Routes:testing:ClusterId"] = "testing",
            ["ReverseProxy:Routes:testing:Match:Path"] = "/civic.testing.v1.{service}/{method}",
            ["ReverseProxy:Clusters:testing:HttpRequest:Version"] = "2",
            ["ReverseProxy:Clusters:testing:HttpRequest:VersionPolicy"] = "RequestVersionExact",
            ["ReverseProxy:Clusters:testing:Destinations:testing-1:Address"] = Testing.Http2Address.ToString(),
            ["Auth:SigningKey"] = SigningKey,
            [DevelopmentLogin.EnabledSetting] = "true",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new AppHost<DevelopmentLogin>(settings, environment);
    }

    public async ValueTask DisposeAsync()
    {
        Api?.Dispose();
        foreach (var host in new IAsyncDisposable?[] { Gateway, Testing, Network, Panel, Hotline })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static string Direct<T>(AppHost<T> host)
        where T : class => host.Addresses[0].ToString();

    private Dictionary<string, string?> ServiceSettings(string service) => new()
    {
        ["Storage:Provider"] = "Sqlite",
        [$"ConnectionStrings:{service}"] = $"Data Source={Path.Combine(_folder, service + ".db")};Pooling=False",
        ["Jobs:Store"] = "InMemory",
        ["Civic:Grpc:Port"] = "0",
        ["Civic:SeedDemoData"] = "true",
        ["Auth:SigningKey"] = SigningKey,
    };
}
