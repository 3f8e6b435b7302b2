using System.Buffers;
using System.IO.Pipelines;
using System.Net.Security;
using System.Net.Sockets;
using System.Threading.Channels;
using Civic.Redis.Protocol;

namespace Civic.Redis.Connection;

/// <summary>
/// One socket to Redis shared by any number of callers. Commands are queued to a single writer
/// loop, which writes everything queued before it flushes (pipelining); a single reader loop parses
/// replies and hands them to the waiting commands in FIFO order. When anything goes wrong the
/// connection closes for good and every command still waiting fails with
/// <see cref="RedisConnectionException"/>; reconnecting is <see cref="ConnectionSupervisor"/>'s job.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable
{
    // Flush at least this often while draining a long queue, so one huge batch does not sit in memory.
    private const int FlushThreshold = 64 * 1024;

    private static readonly HashSet<string> PubSubKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        "message", "pmessage", "smessage", "subscribe", "unsubscribe", "psubscribe", "punsubscribe", "ssubscribe", "sunsubscribe",
    };

    private readonly Stream _stream;
    private readonly PipeReader _input;
    private readonly PipeWriter _output;
    private readonly Channel<PendingCommand> _outgoing = Channel.CreateUnbounded<PendingCommand>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private readonly Queue<PendingCommand> _awaitingReply = new();
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource<Exception> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Action<RedisReply>? _onPush;
    private readonly ConnectionRole _role;
    private Exception? _failure;
    private Task _readLoop = Task.CompletedTask;
    private Task _writeLoop = Task.CompletedTask;

    private RedisConnection(Stream stream, string endpoint, ConnectionRole role, Action<RedisReply>? onPush)
    {
        _stream = stream;
        Endpoint = endpoint;
        _role = role;
        _onPush = onPush;
        _input = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
        _output = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
    }

    /// <summary>host:port of the server.</summary>
    public string Endpoint { get; }

    /// <summary>The protocol the handshake settled on.</summary>
    public RedisProtocol Protocol { get; internal set; } = RedisProtocol.Resp2;

    /// <summary>Completes, with the reason, once the connection has closed.</summary>
    public Task<Exception> Closed => _closed.Task;

    /// <summary>True once the connection has closed; it never opens again.</summary>
    public bool IsClosed => Volatile.Read(ref _failure) is not null;

    /// <summary>Why the connection closed; null while it is open.</summary>
    public Exception? Failure => Volatile.Read(ref _failure);

    /// <summary>Opens the socket (and TLS) and starts the reader and writer loops. No handshake yet.</summary>
    public static async Task<RedisConnection> OpenAsync(RedisConnectionSettings settings, ConnectionRole role, Action<RedisReply>? onPush, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream? stream = null;
        try
        {
            // Keep-alive lets the OS notice a peer that vanished without closing (a pulled cable, a dead node).
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
            await socket.ConnectAsync(settings.Host, settings.Port, cancellationToken);
            stream = new NetworkStream(socket, ownsSocket: true);
            if (settings.Ssl)
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = tls;
                await tls.AuthenticateAsClientAsync(
                    new SslClientAuthenticationOptions
                    {
                        TargetHost = settings.SslHost ?? settings.Host,
                        RemoteCertificateValidationCallback = settings.CertificateValidation,
                    },
                    cancellationToken);
            }
        }
        catch (Exception exception) when (exception is SocketException or IOException or System.Security.Authentication.AuthenticationException)
        {
            await DisposeQuietlyAsync(stream, socket);
            throw new RedisConnectionException($"Could not connect to Redis at {settings.Endpoint}: {exception.Message}", exception);
        }
        catch
        {
            await DisposeQuietlyAsync(stream, socket);
            throw;
        }

        var connection = new RedisConnection(stream, settings.Endpoint, role, onPush);
        connection._readLoop = connection.ReadLoopAsync();
        connection._writeLoop = connection.WriteLoopAsync();
        return connection;
    }

    /// <summary>
    /// Hands a command to the writer. False when the connection had already closed, so the command
    /// was never taken (the caller may send it elsewhere); once taken, it completes with a reply or
    /// fails with the connection.
    /// </summary>
    public bool TryEnqueue(PendingCommand command) => !IsClosed && _outgoing.Writer.TryWrite(command);

    /// <summary>Sends a command and waits for its reply (error replies are returned, not thrown).</summary>
    public async Task<RedisReply> ExecuteAsync(RedisArgument[] arguments, CancellationToken cancellationToken)
    {
        var command = new PendingCommand(arguments);
        if (!TryEnqueue(command))
        {
            throw new RedisConnectionException($"The connection to Redis at {Endpoint} is closed.", _failure);
        }

        try
        {
            return await command.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            command.TrySetCanceled(cancellationToken);
            throw;
        }
    }

    /// <summary>
    /// Closes the connection (once): fails every command waiting on it and releases the socket.
    /// </summary>
    public void Close(Exception reason)
    {
        List<PendingCommand> sent;
        lock (_gate)
        {
            if (_failure is not null)
            {
                return;
            }

            Volatile.Write(ref _failure, reason);
            sent = [.. _awaitingReply];
            _awaitingReply.Clear();
        }

        _outgoing.Writer.TryComplete();
        foreach (var command in sent)
        {
            command.TrySetException(new RedisConnectionException(
                $"The connection to Redis at {Endpoint} was lost before {command.Name} got its reply; it may or may not have run.", reason));
        }

        while (_outgoing.Reader.TryRead(out var unsent))
        {
            unsent.TrySetException(new RedisConnectionException(
                $"The connection to Redis at {Endpoint} was lost before {unsent.Name} was sent.", reason));
        }

        // Disposing the stream ends a read or write that is in progress in the loops.
        _stream.Dispose();
        _closed.TrySetResult(reason);
    }

    public async ValueTask DisposeAsync()
    {
        Close(new RedisConnectionException($"The connection to Redis at {Endpoint} was closed by the client."));
        await Task.WhenAll(_readLoop, _writeLoop);
    }

    private async Task WriteLoopAsync()
    {
        var reader = _outgoing.Reader;
        try
        {
            while (await reader.WaitToReadAsync())
            {
                while (reader.TryRead(out var command))
                {
                    if (!Accept(command))
                    {
                        continue;
                    }

                    RespCommandWriter.Write(_output, command.Arguments);
                    if (!command.ExpectsReply)
                    {
                        command.TrySetResult(RedisReply.Null);
                    }

                    if (_output.UnflushedBytes >= FlushThreshold)
                    {
                        await FlushAsync();
                    }
                }

                await FlushAsync();
            }
        }
        catch (Exception exception)
        {
            Close(Wrap(exception, "writing to"));
        }
        finally
        {
            // Completing with the failure keeps the pipe from flushing leftovers into the closed stream.
            await _output.CompleteAsync(_failure);
        }
    }

    /// <summary>Registers a command for its reply before its bytes can reach the server.</summary>
    private bool Accept(PendingCommand command)
    {
        if (command.Task.IsCompleted)
        {
            // The caller gave up before it was sent: nothing to write, no reply to wait for.
            return false;
        }

        if (!command.ExpectsReply)
        {
            return true;
        }

        lock (_gate)
        {
            if (_failure is null)
            {
                _awaitingReply.Enqueue(command);
                return true;
            }
        }

        command.TrySetException(new RedisConnectionException($"The connection to Redis at {Endpoint} was lost before {command.Name} was sent.", _failure));
        return false;
    }

    private async ValueTask FlushAsync()
    {
        var result = await _output.FlushAsync();
        if (result.IsCompleted || result.IsCanceled)
        {
            throw new IOException("The connection's output was closed.");
        }
    }

    private async Task ReadLoopAsync()
    {
        var parser = new RespParser();
        try
        {
            while (true)
            {
                var result = await _input.ReadAsync();
                var buffer = result.Buffer;
                var consumed = Dispatch(parser, buffer);
                _input.AdvanceTo(consumed, buffer.End);
                if (result.IsCompleted || result.IsCanceled)
                {
                    throw new RedisConnectionException($"Redis at {Endpoint} closed the connection.");
                }
            }
        }
        catch (Exception exception)
        {
            Close(Wrap(exception, "reading from"));
        }
        finally
        {
            await _input.CompleteAsync(_failure);
        }
    }

    private SequencePosition Dispatch(RespParser parser, ReadOnlySequence<byte> buffer)
    {
        var reader = new SequenceReader<byte>(buffer);
        while (parser.TryRead(ref reader, out var reply))
        {
            Route(reply);
        }

        return reader.Position;
    }

    private void Route(RedisReply reply)
    {
        if (IsPubSubMessage(reply))
        {
            _onPush?.Invoke(reply);
            return;
        }

        PendingCommand? command;
        lock (_gate)
        {
            _awaitingReply.TryDequeue(out command);
        }

        if (command is null)
        {
            throw new RedisProtocolException($"Redis at {Endpoint} sent a reply that no command was waiting for.");
        }

        command.TrySetResult(reply);
    }

    /// <summary>
    /// RESP3 marks out-of-band messages as pushes. In RESP2 pub/sub messages are plain arrays, told
    /// apart by their first element; only the subscriber connection can receive them.
    /// </summary>
    private bool IsPubSubMessage(RedisReply reply)
    {
        if (reply.Type == RedisReplyType.Push)
        {
            return true;
        }

        return _role == ConnectionRole.Subscriber
            && reply.Type == RedisReplyType.Array
            && reply.Elements.Count >= 3
            && reply.Elements[0].Type == RedisReplyType.BulkString
            && PubSubKinds.Contains(reply.Elements[0].AsString()!);
    }

    private Exception Wrap(Exception exception, string activity) => exception switch
    {
        RedisException => exception,
        _ when IsClosed => _failure!,
        _ => new RedisConnectionException($"The connection to Redis at {Endpoint} failed while {activity} it: {exception.Message}", exception),
    };

    private static async ValueTask DisposeQuietlyAsync(Stream? stream, Socket socket)
    {
        if (stream is not null)
        {
            await stream.DisposeAsync();
        }

        socket.Dispose();
    }
}
