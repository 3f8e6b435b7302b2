namespace Civic.Testing;

/// <summary>Lets tests see what happened inside <see cref="TestServiceHandler"/> (e.g. that a cancelled call stopped).</summary>
public sealed class HandlerProbe
{
    private readonly TaskCompletionSource _streamCancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a server-streaming handler observed its call's cancellation and stopped.</summary>
    public Task StreamCancelled => _streamCancelled.Task;

    internal void OnStreamCancelled() => _streamCancelled.TrySetResult();
}
