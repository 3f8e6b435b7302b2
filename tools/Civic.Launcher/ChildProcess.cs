using System.Diagnostics;

namespace Civic.Launcher;

/// <summary>One running app: `dotnet app.dll`, its output forwarded, stopped gracefully (SIGTERM) and killed only if it hangs.</summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;

    private ChildProcess(ChildApp app, Process process)
    {
        App = app;
        _process = process;
        Exited = process.WaitForExitAsync().ContinueWith(_ => process.ExitCode, TaskScheduler.Default);
    }

    public ChildApp App { get; }

    /// <summary>Completes with the exit code when the process ends.</summary>
    public Task<int> Exited { get; }

    public static ChildProcess Start(ChildApp app, string workingDirectory, IReadOnlyDictionary<string, string> environment, ConsoleOutput output)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(app.DllPath);

        // The app reads its appsettings.json from its own build folder, not from the working directory.
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(Path.GetDirectoryName(app.DllPath)!);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Forward(app, e.Data, output);
        process.ErrorDataReceived += (_, e) => Forward(app, e.Data, output);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {app.Name}.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildProcess(app, process);
    }

    /// <summary>Asks the app to shut down (SIGTERM, as Kubernetes does) and kills it if it has not stopped within <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            _process.Kill(entireProcessTree: true);
        }
        else
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            {
                UseShellExecute = false,
            });
            if (kill is not null)
            {
                await kill.WaitForExitAsync();
            }
        }

        if (await Task.WhenAny(Exited, Task.Delay(grace)) != Exited)
        {
            _process.Kill(entireProcessTree: true);
            await Exited;
        }
    }

    public void Dispose() => _process.Dispose();

    private static void Forward(ChildApp app, string? line, ConsoleOutput output)
    {
        if (line is not null)
        {
            output.ChildLine(app.Name, line);
        }
    }
}
