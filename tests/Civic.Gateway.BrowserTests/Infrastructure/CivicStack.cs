using System.Globalization;
using System.Security.Cryptography;
using Civic.Defaults.Services;
using Civic.Testing;
using Microsoft.Playwright;

namespace Civic.Gateway.BrowserTests.Infrastructure;

/// <summary>
/// The whole one-machine Civic for the browser tests, started once for the test run: the three
/// services (SQLite files in a temp folder, demo data) and the gateway, each as its own process on a
/// free port, and a headless Debian Chromium driven by Playwright. Without /usr/bin/chromium or
/// axe-core nothing starts and every test skips (fails in CI).
/// </summary>
public sealed class CivicStack : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly List<AppProcess> _apps = [];
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"civic-browser-{Guid.NewGuid():N}");
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _unavailable;

    public Uri GatewayAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The development signing key every app of the stack shares (Auth:SigningKey); the Panel also signs invitation links with it.</summary>
    public string SigningKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The axe-core engine's source, injected into every page before the page's own content.</summary>
    public string AxeScript { get; private set; } = string.Empty;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    /// <summary>All the apps' output so far, for failure messages.</summary>
    public string AppOutput => string.Join(Environment.NewLine, _apps.Select(app => $"--- {app.Name}{Environment.NewLine}{app.Output}"));

    public async ValueTask InitializeAsync()
    {
        var axePath = Path.Combine(ExternalTool.RepositoryRoot, "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(ChromiumPath))
        {
            _unavailable = $"{ChromiumPath} is missing (apt-get install chromium).";
            return;
        }

        if (!File.Exists(axePath))
        {
            _unavailable = $"{axePath} is missing (npm ci at the repository root).";
            return;
        }

        AxeScript = await File.ReadAllTextAsync(axePath);
        Directory.CreateDirectory(_dataDirectory);
        await StartAppsAsync(TestContext.Current.CancellationToken);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>Skips the calling test locally, or fails it in CI, when the browser or axe-core is missing.</summary>
    public void RequireBrowser()
    {
        if (_unavailable is not null)
        {
            ExternalTool.Unavailable(_unavailable);
        }
    }

    /// <summary>
    /// A fresh browser session (its own cookies) whose pages carry axe-core, in Danish unless
    /// <paramref name="language"/> is "en" (set through the culture cookie, as the language switch does).
    /// </summary>
    public async Task<UiSession> OpenAsync(string language = "da", bool javaScriptEnabled = true)
    {
        RequireBrowser();
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = GatewayAddress.ToString(),
            // The browser asks for English; Civic must still answer in Danish unless the user switches.
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            JavaScriptEnabled = javaScriptEnabled,
        });
        if (language == "en")
        {
            await context.AddCookiesAsync(
            [
                new Cookie { Name = "civic.lang", Value = "c=en-GB|uic=en-GB", Domain = GatewayAddress.Host, Path = "/" },
            ]);
        }

        if (javaScriptEnabled)
        {
            // An init script runs before the page's own scripts and is not subject to the page's CSP.
            await context.AddInitScriptAsync(AxeScript);
        }

        return await UiSession.StartAsync(context, this);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        foreach (var app in _apps)
        {
            app.Dispose();
        }

        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private async Task StartAppsAsync(CancellationToken cancellationToken)
    {
        var shared = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["Auth__SigningKey"] = SigningKey,
        };

        var services = new[] { ("Civic.Hotline", "hotline"), ("Civic.Panel", "panel"), ("Civic.Network", "network") };
        var ports = new Dictionary<string, int>();
        var starting = new List<(AppProcess App, int Port)>();
        foreach (var (assembly, name) in services)
        {
            var port = FreePort.Next();
            ports[name] = port;
            var environment = new Dictionary<string, string>(shared)
            {
                ["Storage__Provider"] = "Sqlite",
                ["Storage__MigrateOnStartup"] = "true",
                [$"ConnectionStrings__{name}"] = $"Data Source={Path.Combine(_dataDirectory, name + ".db")}",
                ["Jobs__Store"] = "InMemory",
                ["Civic__SeedDemoData"] = "true",
                ["Civic__Grpc__Port"] = Invariant(port),
            };
            var app = AppProcess.Start(assembly, _dataDirectory, environment);
            _apps.Add(app);
            starting.Add((app, port));
        }

        foreach (var (app, port) in starting)
        {
            await app.WaitForPortAsync(port, StartTimeout, cancellationToken);
        }

        var gatewayPort = FreePort.Next();
        var gatewayEnvironment = new Dictionary<string, string>(shared)
        {
            ["Gateway__Port"] = Invariant(gatewayPort),
            ["Gateway__GrpcPort"] = Invariant(FreePort.Next()),
        };
        foreach (var (_, name) in services)
        {
            var address = $"http://127.0.0.1:{Invariant(ports[name])}";
            // "Civic:Services:{name}": the gateway derives its proxy routes and clusters from the service catalog.
            gatewayEnvironment[CivicServices.Named(name).AddressSetting.Replace(":", "__", StringComparison.Ordinal)] = address;
        }

        var gateway = AppProcess.Start("Civic.Gateway", _dataDirectory, gatewayEnvironment);
        _apps.Add(gateway);
        await gateway.WaitForPortAsync(gatewayPort, StartTimeout, cancellationToken);
        GatewayAddress = new Uri($"http://127.0.0.1:{Invariant(gatewayPort)}/");
    }

    private static string Invariant(int number) => number.ToString(CultureInfo.InvariantCulture);
}
