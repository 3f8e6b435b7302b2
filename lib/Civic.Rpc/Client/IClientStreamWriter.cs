namespace Civic.Rpc.Client;

/// <summary>The request stream of a client-streaming or bidirectional call.</summary>
public interface IClientStreamWriter<in T> : IAsyncStreamWriter<T>
{
    /// <summary>Tells the server that no more messages follow (half-close). Writes after this fail.</summary>
    Task CompleteAsync();
}
