using System.IO.Pipelines;
using Google.Protobuf;

namespace Civic.Rpc.Server;

/// <summary>The response stream of a server-streaming or bidirectional call.</summary>
internal sealed class ServerStreamWriter<T>(PipeWriter body, ServerCallContext context) : IAsyncStreamWriter<T>
    where T : class, IMessage<T>
{
    private bool _writing;

    public async Task WriteAsync(T message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (context.Completed)
        {
            throw new InvalidOperationException("The call is already complete; no more messages can be written.");
        }

        if (_writing)
        {
            throw new InvalidOperationException("A previous write is still in progress; await each WriteAsync before the next.");
        }

        _writing = true;
        try
        {
            ResponseMessageWriter.Write(body, message, context);
            var token = cancellationToken.CanBeCanceled ? cancellationToken : context.CancellationToken;
            await body.FlushAsync(token);
        }
        finally
        {
            _writing = false;
        }
    }
}

/// <summary>The request stream of a client-streaming or bidirectional call.</summary>
internal sealed class ServerStreamReader<T>(ServerMessageReader<T> reader, ServerCallContext context) : IAsyncStreamReader<T>
    where T : class, IMessage<T>
{
    private bool _ended;

    public T Current { get; private set; } = default!;

    public async Task<bool> MoveNext(CancellationToken cancellationToken = default)
    {
        if (_ended)
        {
            return false;
        }

        var token = cancellationToken.CanBeCanceled ? cancellationToken : context.CancellationToken;
        var next = await reader.ReadNextAsync(token);
        if (next is null)
        {
            _ended = true;
            return false;
        }

        Current = next;
        return true;
    }
}
