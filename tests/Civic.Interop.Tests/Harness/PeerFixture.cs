using Civic.Testing;

namespace Civic.Interop.Tests.Harness;

/// <summary>
/// Runs a peer program once for a test class (its servers started first); every test then asserts on
/// one case of the report. A peer that cannot run here skips the tests locally and fails them in CI.
/// </summary>
public abstract class PeerFixture(PeerProgram peer) : IAsyncLifetime
{
    private PeerReport? _report;
    private string? _unavailable;

    public PeerProgram Peer { get; } = peer;

    /// <summary>The peer's report; skips (locally) or fails (in CI) when the peer cannot run here.</summary>
    public PeerReport Report
    {
        get
        {
            if (_unavailable is not null)
            {
                ExternalTool.Unavailable(_unavailable);
            }

            return _report ?? throw new InvalidOperationException("The fixture was not initialised.");
        }
    }

    public async ValueTask InitializeAsync()
    {
        _unavailable = await Peer.FindProblemAsync();
        if (_unavailable is null)
        {
            _report = await RunAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeServersAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Starts what the peer calls and runs the peer.</summary>
    protected abstract Task<PeerReport> RunAsync();

    protected abstract ValueTask DisposeServersAsync();
}
