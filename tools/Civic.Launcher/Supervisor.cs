using System.Net.Sockets;

namespace Civic.Launcher;

/// <summary>
/// Starts every app, says where to go once they listen, and stops them all on Ctrl-C, or as soon as
/// one of them dies (saying which).
/// </summary>
public sealed class Supervisor(IReadOnlyList<ChildApp> apps, string workingDirectory, ConsoleOutput output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(15);

    public async Task<int> RunAsync(CancellationToken stop)
    {
        var missing = apps.Where(a => !File.Exists(a.DllPath)).ToList();
        if (missing.Count > 0)
        {
            output.Say($"Cannot find {string.Join(", ", missing.Select(a => a.DllPath))}. Build with: dotnet build tools/Civic.Launcher");
            return 1;
        }

        var busy = new List<ChildApp>();
        foreach (var app in apps)
        {
            if (await IsListeningAsync(app.Port, CancellationToken.None))
            {
                busy.Add(app);
            }
        }

        if (busy.Count > 0)
        {
            output.Say($"Port {string.Join(", ", busy.Select(a => a.Port))} is already in use (is Civic running already?). Stop the program that uses it and try again.");
            return 1;
        }

        output.Say($"Starting Civic in {workingDirectory} (SQLite in data/, jobs in memory, demo data) …");
        var environment = LaunchPlan.Environment(workingDirectory);
        var children = apps.Select(app => ChildProcess.Start(app, workingDirectory, environment, output)).ToList();
        try
        {
            var exitCode = await SuperviseAsync(children, stop);
            output.Say("Stopping Civic …");
            await Task.WhenAll(children.Select(child => child.StopAsync(StopGrace)));
            output.Say("Civic has stopped.");
            return exitCode;
        }
        finally
        {
            foreach (var child in children)
            {
                child.Dispose();
            }
        }
    }

    private async Task<int> SuperviseAsync(List<ChildProcess> children, CancellationToken stop)
    {
        var anyExited = Task.WhenAny(children.Select(c => (Task)c.Exited));
        var stopped = Task.Delay(Timeout.Infinite, stop).ContinueWith(_ => { }, TaskScheduler.Default);
        var ready = WaitUntilListeningAsync(stop);
        var first = await Task.WhenAny(ready, anyExited, stopped);
        if (first == ready && await ready)
        {
            PrintWhereToGo();
            first = await Task.WhenAny(anyExited, stopped);
        }
        else if (first == ready)
        {
            output.Say($"Not every app was listening within {StartTimeout.TotalSeconds:0} seconds; see the messages above.");
            return 1;
        }

        if (first == stopped || stop.IsCancellationRequested)
        {
            return 0;
        }

        // A Ctrl-C reaches the children too, and one may exit before the launcher sees the signal.
        await Task.Delay(TimeSpan.FromMilliseconds(300), CancellationToken.None);
        if (stop.IsCancellationRequested)
        {
            return 0;
        }

        var dead = children.First(c => c.Exited.IsCompleted);
        output.Say($"{dead.App.Title} stopped unexpectedly (exit code {dead.Exited.Result}); stopping the others.");
        return 1;
    }

    private async Task<bool> WaitUntilListeningAsync(CancellationToken stop)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
        timeout.CancelAfter(StartTimeout);
        try
        {
            foreach (var app in apps)
            {
                while (!await IsListeningAsync(app.Port, timeout.Token))
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(250), timeout.Token);
                }
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void PrintWhereToGo()
    {
        var width = apps.Max(a => a.Title.Length);
        output.Say(string.Empty);
        output.Say("Civic kører / is running:");
        foreach (var app in apps)
        {
            output.Say($"  {app.Title.PadRight(width)}  {app.Address}");
        }

        output.Say(string.Empty);
        output.Say("Åbn / open http://127.0.0.1:5100 i en browser. Stop med / stop with Ctrl-C.");
        output.Say(string.Empty);
    }

    private static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(System.Net.IPAddress.Loopback, port, attempt.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
