using System.Reflection;
using System.Security.Cryptography;
using Civic.Defaults.Services;

namespace Civic.Launcher;

/// <summary>One app the launcher runs: its built dll, the port it listens on and what to tell the user.</summary>
public sealed record ChildApp(string Name, string Title, string DllPath, int Port, string Address);

/// <summary>What runs on one machine: the three services (SQLite, in-memory jobs, demo data) and the gateway.</summary>
public static class LaunchPlan
{
    public static IReadOnlyList<ChildApp> OneMachine() =>
    [
        Service(CivicServices.Hotline, "Direktørlinjen (Hotline)", "Civic.Hotline"),
        Service(CivicServices.Panel, "Borgerpanelet (Panel)", "Civic.Panel"),
        Service(CivicServices.Network, "Ressourcenetværket (Network)", "Civic.Network"),
        new("gateway", "Forside (gateway)", AppPath("Civic.Gateway"), 5100, "http://127.0.0.1:5100  (web, JSON API /api/v1; gRPC h2c on 5190)"),
    ];

    /// <summary>
    /// The environment every child gets: the one-machine default, whatever the shell has set. Data
    /// lands in data/ under <paramref name="repositoryRoot"/> (the children's working directory). The
    /// development signing key is new for every call and shared by the gateway's development login (which
    /// signs the demo users' tokens) and the services (which validate them); it exists only in memory. The
    /// keys of links sent by e-mail (the Hotline's manage links, the Panel's member and invitation links)
    /// stay the same from run to run (<see cref="KeyFile"/>).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Environment(string repositoryRoot)
    {
        var data = Path.Combine(repositoryRoot, "data");
        return new Dictionary<string, string>
        {
            ["Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Hotline__Booking__ManageTokenKey"] = KeyFile.HotlineManageToken.LoadOrCreate(data),
            ["Panel__Pool__LinkKey"] = KeyFile.PanelPoolLinks.LoadOrCreate(data),
            ["Panel__Invitations__LinkKey"] = KeyFile.PanelInvitationLinks.LoadOrCreate(data),
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["Storage__Provider"] = "Sqlite",
            ["Storage__MigrateOnStartup"] = "true",
            ["Jobs__Store"] = "InMemory",
            ["Civic__SeedDemoData"] = "true",
        };
    }

    /// <summary>The folder holding Civic.sln, above the launcher's own build output.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Civic.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Civic.sln was not found above the launcher; run it from the repository.");
    }

    private static ChildApp Service(CivicService service, string title, string assemblyName) =>
        new(service.Name, title, AppPath(assemblyName), service.DefaultPort, $"{service.DefaultAddress.ToString().TrimEnd('/')}  (gRPC, h2c; JSON under {service.ApiPrefix})");

    // The build writes each app's dll path into the launcher's assembly (see Civic.Launcher.csproj).
    private static string AppPath(string assemblyName) =>
        typeof(LaunchPlan).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == $"App:{assemblyName}")?.Value
        ?? throw new InvalidOperationException($"The launcher was built without the path of {assemblyName}; rebuild it.");
}
