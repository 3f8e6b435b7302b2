using System.Runtime.InteropServices;
using Civic.Launcher;

using var stop = new CancellationTokenSource();
void RequestStop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, RequestStop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, RequestStop);

var console = new ConsoleOutput(Console.Out);
var supervisor = new Supervisor(LaunchPlan.OneMachine(), LaunchPlan.RepositoryRoot(), console);
return await supervisor.RunAsync(stop.Token);
