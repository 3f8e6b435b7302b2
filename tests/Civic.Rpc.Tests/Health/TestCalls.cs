using System.Threading.Channels;
using Civic.Rpc.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Civic.Rpc.Tests.Health;

/// <summary>A handler's view of a call, without a server: the test cancels it through <see cref="Cancel"/>.</summary>
internal sealed class TestCall : IDisposable
{
    private readonly CancellationTokenSource _aborted = new();

    public TestCall(string method)
    {
        var httpContext = new DefaultHttpContext { RequestAborted = _aborted.Token };
        Context = new ServerCallContext(httpContext, method, new RpcServerOptions(), DateTime.MaxValue, null, false, false);
    }

    public ServerCallContext Context { get; }

    public void Cancel() => _aborted.Cancel();

    public void Dispose() => _aborted.Dispose();
}

/// <summary>Records what a handler writes; tests await each message as it arrives.</summary>
internal sealed class RecordingStreamWriter<T> : IAsyncStreamWriter<T>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly Channel<T> _written = Channel.CreateUnbounded<T>();

    public Task WriteAsync(T message, CancellationToken cancellationToken = default) =>
        _written.Writer.WriteAsync(message, cancellationToken).AsTask();

    /// <summary>The next message written; fails the test if none comes.</summary>
    public async Task<T> NextAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        return await _written.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Whether a message was written that no test has taken yet.</summary>
    public bool HasUnread => _written.Reader.TryPeek(out _);

    public IReadOnlyList<T> DrainUnread()
    {
        var messages = new List<T>();
        while (_written.Reader.TryRead(out var message))
        {
            messages.Add(message);
        }

        return messages;
    }
}

/// <summary>A request stream of fixed messages, as if the client sent them and half-closed.</summary>
internal sealed class FixedStreamReader<T>(params IEnumerable<T> messages) : IAsyncStreamReader<T>
{
    private readonly IEnumerator<T> _messages = messages.GetEnumerator();

    public T Current => _messages.Current;

    public Task<bool> MoveNext(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_messages.MoveNext());
    }
}

/// <summary>The host's lifetime, whose graceful shutdown the test starts.</summary>
internal sealed class TestHostLifetime : IHostApplicationLifetime, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    public CancellationToken ApplicationStarted => CancellationToken.None;

    public CancellationToken ApplicationStopping => _stopping.Token;

    public CancellationToken ApplicationStopped => CancellationToken.None;

    public void StopApplication() => _stopping.Cancel();

    public void Dispose() => _stopping.Dispose();
}

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells when code starts waiting on it, so a test advances time
/// only once the code under test is waiting (advancing earlier would not fire the later timer).
/// </summary>
internal sealed class SignallingTimeProvider : FakeTimeProvider
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim _timersCreated = new(0);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timersCreated.Release();
        return timer;
    }

    /// <summary>Waits until the next timer is created; fails the test if none is.</summary>
    public async Task WaitForTimerAsync()
    {
        Assert.True(
            await _timersCreated.WaitAsync(Patience, TestContext.Current.CancellationToken),
            "The code under test never started waiting on the time provider.");
    }
}
