using System.Net;
using Civic.Rpc.Protocol;
using Civic.Rpc.Server;
using Google.Protobuf;
using Polly;
using Polly.CircuitBreaker;

namespace Civic.Rpc.Client;

/// <summary>What the resilience pipeline needs to know about an attempt, beyond its outcome.</summary>
internal static class CallProperties
{
    /// <summary>The RPC is idempotent and of a kind that may be retried at all.</summary>
    public static readonly ResiliencePropertyKey<bool> Retryable = new("civic.rpc.retryable");

    /// <summary>A response message arrived: from then on the call is never retried.</summary>
    public static readonly ResiliencePropertyKey<bool> ResponseReceived = new("civic.rpc.response-received");

    /// <summary>The deadline passed before the server answered at all: a transport failure for the circuit breaker.</summary>
    public static readonly ResiliencePropertyKey<bool> NoAnswer = new("civic.rpc.no-answer");
}

/// <summary>The response side of a streaming call, as the public call types use it.</summary>
internal interface IResponseCall<out TResponse> : IAsyncStreamReader<TResponse>, IDisposable
{
    Task<Metadata> ResponseHeadersAsync();

    Status GetStatus();

    Metadata GetTrailers();
}

/// <summary>
/// One call on the wire: builds the HTTP/2 request, runs attempts through the client's resilience
/// pipeline, reads response messages, and ends with exactly one status.
/// </summary>
internal sealed class ClientCall<TRequest, TResponse> : IResponseCall<TResponse>, IClientStreamWriter<TRequest>
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private const string UserAgent = "grpc-csharp-civic/1.0";
    private const string MissingStatus = "The response ended without a grpc-status trailer.";

    private readonly RpcClient _client;
    private readonly RpcChannelOptions _options;
    private readonly RpcMethod<TRequest, TResponse> _method;
    private readonly Uri _uri;
    private readonly Metadata? _requestHeaders;
    private readonly CallLifetime _lifetime;
    private readonly Lock _lock = new();
    private Task _started = Task.CompletedTask;
    private StreamingRequestContent? _requestContent;
    private HttpRequestMessage? _request;
    private HttpResponseMessage? _response;
    private ClientMessageReader<TResponse>? _reader;
    private Metadata? _responseHeaders;
    private Status? _status;
    private Metadata _trailers = [];
    private CancellationTokenRegistration _lifetimeRegistration;
    private bool _requestCompleted;
    private bool _writing;
    private bool _disposed;

    public ClientCall(RpcClient client, RpcMethod<TRequest, TResponse> method, in CallOptions options)
    {
        ValidateHeaders(options.Headers);
        _client = client;
        _options = client.Channel.Options;
        _method = method;
        _uri = client.Channel.MethodUri(method.Path);
        _requestHeaders = options.Headers;
        _lifetime = new CallLifetime(options.Deadline, _options.DefaultTimeout, ServerCallContext.Current, _options.TimeProvider, options.CancellationToken);
    }

    public TResponse Current { get; private set; } = default!;

    /// <summary>Runs a unary call to its end, retrying as the pipeline allows.</summary>
    public async Task<RpcResponse<TResponse>> UnaryAsync(TRequest request)
    {
        try
        {
            var frame = RequestFrame.Create(request, _options.MaxSendMessageSize, _options.CompressRequests);
            return await ExecuteAsync(static (call, context, requestFrame) => call.UnaryAttemptAsync(context, requestFrame), frame, _method.IsIdempotent);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw ToRpcException(exception);
        }
        finally
        {
            _lifetime.Dispose();
        }
    }

    /// <summary>Starts a server-streaming call; responses are read with <see cref="MoveNext"/>.</summary>
    public void StartServerStreaming(TRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        _started = StartAsync(request);
    }

    /// <summary>Starts a client-streaming or bidirectional call; the request stream stays open until completed.</summary>
    public void StartRequestStreaming()
    {
        _requestContent = new StreamingRequestContent();
        _started = StartAsync(request: null);
    }

    public async Task<bool> MoveNext(CancellationToken cancellationToken = default)
    {
        await _started;
        ClientMessageReader<TResponse>? reader;
        lock (_lock)
        {
            reader = _reader;
        }

        if (reader is null)
        {
            return EndOfStream();
        }

        // Cancelling a read cancels the call, as in every gRPC client: a half-read stream is of no use.
        using var registration = cancellationToken.Register(static state => ((CallLifetime)state!).Cancel(), _lifetime);
        try
        {
            var message = await reader.ReadNextAsync(_lifetime.Token);
            if (message is not null)
            {
                Current = message;
                return true;
            }

            CompleteFromTrailers();
        }
        catch (Exception exception)
        {
            throw Fail(ToRpcException(exception));
        }

        return EndOfStream();
    }

    /// <summary>Reads the one response of a client-streaming call.</summary>
    public async Task<TResponse> ReadSingleResponseAsync()
    {
        if (!await MoveNext())
        {
            throw Override(new Status(StatusCode.Internal, "The server ended the call with OK but sent no response message."));
        }

        var response = Current;
        if (await MoveNext())
        {
            throw Fail(new RpcException(new Status(StatusCode.Internal, "The server sent more than one response message; this method returns exactly one.")));
        }

        return response;
    }

    public async Task<Metadata> ResponseHeadersAsync()
    {
        await _started;
        lock (_lock)
        {
            if (_responseHeaders is not null)
            {
                return _responseHeaders;
            }

            throw new RpcException(_status!.Value, _trailers);
        }
    }

    public Status GetStatus()
    {
        lock (_lock)
        {
            return _status ?? throw new InvalidOperationException("The call is still in progress; its status is known once the response stream has been read to the end.");
        }
    }

    public Metadata GetTrailers()
    {
        lock (_lock)
        {
            return _status is null
                ? throw new InvalidOperationException("The call is still in progress; its trailers are known once the response stream has been read to the end.")
                : _trailers;
        }
    }

    public async Task WriteAsync(TRequest message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var content = _requestContent ?? throw new InvalidOperationException("This call has no request stream.");
        lock (_lock)
        {
            if (_requestCompleted)
            {
                throw new InvalidOperationException("The request stream has been completed; no more messages can be written.");
            }

            if (_writing)
            {
                throw new InvalidOperationException("A previous write is still in progress; await each WriteAsync before the next.");
            }

            _writing = true;
        }

        try
        {
            ThrowIfFinished();
            byte[] frame;
            try
            {
                frame = RequestFrame.Create(message, _options.MaxSendMessageSize, _options.CompressRequests);
            }
            catch (RpcException exception)
            {
                // A message over the limit ends the call, as in other gRPC clients: the stream is incomplete.
                throw Fail(exception);
            }

            using var registration = cancellationToken.Register(static state => ((CallLifetime)state!).Cancel(), _lifetime);
            try
            {
                var stream = await content.Stream.WaitAsync(_lifetime.Token);
                await stream.WriteAsync(frame, _lifetime.Token);
                await stream.FlushAsync(_lifetime.Token);
            }
            catch (Exception exception) when (exception is not RpcException and not InvalidOperationException)
            {
                throw WriteFailure(exception);
            }
        }
        finally
        {
            lock (_lock)
            {
                _writing = false;
            }
        }
    }

    public Task CompleteAsync()
    {
        var content = _requestContent ?? throw new InvalidOperationException("This call has no request stream.");
        lock (_lock)
        {
            if (_writing)
            {
                throw new InvalidOperationException("A write is still in progress; await it before completing the request stream.");
            }

            _requestCompleted = true;
        }

        content.Complete();
        return Task.CompletedTask;
    }

    /// <summary>Ends the call: cancels it (resetting the stream) if it is still running.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        Finish(new Status(StatusCode.Cancelled, "The call was disposed before it completed."), [], reset: true);
        _lifetimeRegistration.Dispose();
        _lifetime.Dispose();
    }

    private async Task StartAsync(TRequest? request)
    {
        // The deadline, the caller's token and the served call's cancellation end the call even while
        // nobody is reading or writing: the server sees the stream reset at once.
        _lifetimeRegistration = _lifetime.Token.Register(
            static state => ((ClientCall<TRequest, TResponse>)state!).Fail(new RpcException(((ClientCall<TRequest, TResponse>)state!)._lifetime.CancellationStatus())),
            this);
        try
        {
            ResponseStart start;
            if (request is not null)
            {
                var frame = RequestFrame.Create(request, _options.MaxSendMessageSize, _options.CompressRequests);
                start = await ExecuteAsync(
                    static (call, context, requestFrame) => call.StartAttemptAsync(context, new SingleMessageContent(requestFrame)), frame, _method.IsIdempotent);
            }
            else
            {
                // A request stream cannot be replayed, so client and bidirectional streams are never retried.
                start = await ExecuteAsync(static (call, context, content) => call.StartAttemptAsync(context, content), _requestContent!, retryable: false);
            }

            OnStarted(start);
        }
        catch (Exception exception)
        {
            Fail(ToRpcException(exception));
        }
    }

    private async Task<TResult> ExecuteAsync<TState, TResult>(
        Func<ClientCall<TRequest, TResponse>, ResilienceContext, TState, ValueTask<TResult>> attempt, TState state, bool retryable)
    {
        var context = ResilienceContextPool.Shared.Get(_method.Path, _lifetime.Token);
        context.Properties.Set(CallProperties.Retryable, retryable);
        try
        {
            return await _client.Pipeline.ExecuteAsync(
                static (attemptContext, arguments) => arguments.attempt(arguments.call, attemptContext, arguments.state), context, (call: this, attempt, state));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<RpcResponse<TResponse>> UnaryAttemptAsync(ResilienceContext context, byte[] frame)
    {
        try
        {
            var start = await StartAttemptAsync(context, new SingleMessageContent(frame));
            using var request = start.Request;
            using var response = start.Response;
            if (start.Reader is null || response is null)
            {
                throw new RpcException(new Status(StatusCode.Internal, "The server ended the call with OK but sent no response message."), start.Trailers);
            }

            var message = await start.Reader.ReadNextAsync(_lifetime.Token);
            if (message is not null)
            {
                context.Properties.Set(CallProperties.ResponseReceived, true);
            }

            var extra = message is null ? null : await start.Reader.ReadNextAsync(_lifetime.Token);
            var status = ResponseStatusReader.ReadStatus(response.TrailingHeaders, MissingStatus);
            var trailers = ResponseStatusReader.ReadMetadata(response.TrailingHeaders);
            if (status.Code != StatusCode.OK)
            {
                throw new RpcException(status, trailers);
            }

            if (message is null)
            {
                throw new RpcException(new Status(StatusCode.Internal, "The server ended the call with OK but sent no response message."), trailers);
            }

            if (extra is not null)
            {
                throw new RpcException(new Status(StatusCode.Internal, "The server sent more than one response message to a unary call."), trailers);
            }

            return new RpcResponse<TResponse>(message, start.Headers, trailers);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            // Converted here, inside the attempt, so that retry and circuit breaker judge the status.
            throw ToRpcException(exception);
        }
    }

    /// <summary>Sends the request and waits for response headers; a status that ends the call already is thrown.</summary>
    private async ValueTask<ResponseStart> StartAttemptAsync(ResilienceContext context, HttpContent content)
    {
        var request = CreateRequest(content);
        HttpResponseMessage response;
        try
        {
            response = await _client.Channel.Invoker.SendAsync(request, _lifetime.Token);
        }
        catch (Exception exception)
        {
            request.Dispose();
            if (_lifetime.IsDeadlineExpired)
            {
                context.Properties.Set(CallProperties.NoAnswer, true);
            }

            throw ToRpcException(exception);
        }

        if (ResponseStatusReader.TryReadEarlyStatus(response, out var status, out var trailers))
        {
            response.Dispose();
            request.Dispose();
            return status.Code == StatusCode.OK
                ? new ResponseStart(null, null, null, [], trailers)
                : throw new RpcException(status, trailers);
        }

        try
        {
            var body = await response.Content.ReadAsStreamAsync(_lifetime.Token);
            string? encoding = response.Headers.NonValidated.TryGetValues(GrpcProtocol.EncodingHeader, out var values) ? values.ToString() : null;
            var reader = new ClientMessageReader<TResponse>(body, _method.ResponseParser, encoding, _options.MaxReceiveMessageSize);
            return new ResponseStart(request, response, reader, ResponseStatusReader.ReadMetadata(response.Headers), []);
        }
        catch (Exception exception)
        {
            response.Dispose();
            request.Dispose();
            throw ToRpcException(exception);
        }
    }

    private HttpRequestMessage CreateRequest(HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _uri)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        var headers = request.Headers;
        headers.TryAddWithoutValidation(GrpcProtocol.TeHeader, "trailers");
        headers.TryAddWithoutValidation("user-agent", UserAgent);
        headers.TryAddWithoutValidation(GrpcProtocol.AcceptEncodingHeader, GrpcProtocol.SupportedEncodings);
        if (_options.CompressRequests)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.EncodingHeader, GrpcProtocol.GzipEncoding);
        }

        // Computed per attempt, so a retry tells the server the time that is really left.
        if (_lifetime.Remaining is { } remaining)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.TimeoutHeader, GrpcTimeout.Format(remaining));
        }

        if (_requestHeaders is not null)
        {
            foreach (var entry in _requestHeaders)
            {
                headers.TryAddWithoutValidation(entry.Key, entry.WireValue);
            }
        }

        return request;
    }

    private void OnStarted(ResponseStart start)
    {
        if (start.Response is null)
        {
            // Trailers-only with OK: no messages, no headers of its own.
            lock (_lock)
            {
                _responseHeaders ??= [];
            }

            Finish(Status.Ok, start.Trailers, reset: false);
            return;
        }

        lock (_lock)
        {
            if (_status is null)
            {
                _request = start.Request;
                _response = start.Response;
                _reader = start.Reader;
                _responseHeaders = start.Headers;
                return;
            }
        }

        // The call ended (cancelled, deadline) while the response was on its way.
        start.Response.Dispose();
        start.Request?.Dispose();
    }

    private void CompleteFromTrailers()
    {
        HttpResponseMessage? response;
        lock (_lock)
        {
            response = _response;
        }

        if (response is null)
        {
            return;
        }

        var status = ResponseStatusReader.ReadStatus(response.TrailingHeaders, MissingStatus);
        Finish(status, ResponseStatusReader.ReadMetadata(response.TrailingHeaders), reset: false);
    }

    /// <summary>Records the final status once and releases the HTTP exchange; later calls change nothing.</summary>
    private void Finish(Status status, Metadata trailers, bool reset)
    {
        HttpResponseMessage? response;
        HttpRequestMessage? request;
        lock (_lock)
        {
            if (_status is not null)
            {
                return;
            }

            _status = status;
            _trailers = trailers;
            response = _response;
            request = _request;
            _response = null;
            _request = null;
            _reader = null;
        }

        _requestContent?.Abort(status.Code == StatusCode.OK
            ? new InvalidOperationException("The call is complete; no more messages can be written.")
            : new RpcException(status, trailers));
        if (reset)
        {
            // Cancelling the lifetime resets the HTTP/2 stream, so the server's handler is cancelled too.
            _lifetime.Cancel();
        }

        response?.Dispose();
        request?.Dispose();
    }

    /// <summary>Ends the call with this error (unless it already ended) and returns the exception for its final status.</summary>
    private RpcException Fail(RpcException exception)
    {
        Finish(exception.Status, exception.Trailers, reset: true);
        lock (_lock)
        {
            return _status == exception.Status ? exception : new RpcException(_status!.Value, _trailers, exception);
        }
    }

    /// <summary>Replaces an OK status with a protocol error found after the stream ended.</summary>
    private RpcException Override(Status status)
    {
        lock (_lock)
        {
            _status = status;
            return new RpcException(status, _trailers);
        }
    }

    private bool EndOfStream()
    {
        lock (_lock)
        {
            var status = _status!.Value;
            return status.Code == StatusCode.OK ? false : throw new RpcException(status, _trailers);
        }
    }

    private void ThrowIfFinished()
    {
        lock (_lock)
        {
            if (_status is { } status)
            {
                throw status.Code == StatusCode.OK
                    ? new InvalidOperationException("The call is complete; no more messages can be written.")
                    : new RpcException(status, _trailers);
            }
        }
    }

    private RpcException WriteFailure(Exception exception)
    {
        if (_lifetime.IsCancellationRequested)
        {
            return Fail(new RpcException(_lifetime.CancellationStatus(), [], exception));
        }

        lock (_lock)
        {
            if (_status is { Code: not StatusCode.OK } status)
            {
                return new RpcException(status, _trailers, exception);
            }
        }

        // The server may have ended the call while we wrote; its status is on the response stream.
        return ToRpcException(exception);
    }

    private RpcException ToRpcException(Exception exception)
    {
        if (exception is RpcException rpc)
        {
            return rpc;
        }

        if (exception is BrokenCircuitException broken)
        {
            var retryAfter = broken.RetryAfter is { } after ? $" for another {Math.Ceiling(after.TotalSeconds)} s" : string.Empty;
            return new RpcException(
                new Status(StatusCode.Unavailable, $"{_client.Channel.Address} failed repeatedly; calls to it fail fast{retryAfter} (circuit open)."),
                [],
                exception);
        }

        if (_lifetime.IsCancellationRequested)
        {
            return new RpcException(_lifetime.CancellationStatus(), [], exception);
        }

        if ((exception as HttpProtocolException ?? exception.InnerException as HttpProtocolException) is { } protocolError)
        {
            return new RpcException(FromHttp2ErrorCode(protocolError.ErrorCode), [], exception);
        }

        return exception switch
        {
            HttpRequestException or IOException => new RpcException(
                new Status(StatusCode.Unavailable, $"The connection to {_client.Channel.Address} failed: {exception.Message}"), [], exception),
            OperationCanceledException => new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled."), [], exception),
            _ => new RpcException(new Status(StatusCode.Unknown, $"The call failed: {exception.GetType().Name}: {exception.Message}"), [], exception),
        };
    }

    /// <summary>The gRPC spec's mapping of an HTTP/2 RST_STREAM error code to a status.</summary>
    private static Status FromHttp2ErrorCode(long errorCode)
    {
        var code = errorCode switch
        {
            0x7 => StatusCode.Unavailable, // REFUSED_STREAM: the server did not process it
            0x8 => StatusCode.Cancelled, // CANCEL
            0xb => StatusCode.ResourceExhausted, // ENHANCE_YOUR_CALM
            0xc => StatusCode.PermissionDenied, // INADEQUATE_SECURITY
            _ => StatusCode.Internal,
        };
        return new Status(code, $"The server reset the stream (HTTP/2 error code 0x{errorCode:x}).");
    }

    private static void ValidateHeaders(Metadata? headers)
    {
        if (headers is null)
        {
            return;
        }

        foreach (var entry in headers)
        {
            if (GrpcProtocol.IsReservedHeader(entry.Key))
            {
                throw new ArgumentException($"Metadata key '{entry.Key}' is reserved by HTTP/2 or gRPC and cannot be sent as metadata.", nameof(headers));
            }
        }
    }

    /// <summary>The outcome of a successful attempt: a response to read, or a trailers-only OK.</summary>
    private sealed record ResponseStart(
        HttpRequestMessage? Request, HttpResponseMessage? Response, ClientMessageReader<TResponse>? Reader, Metadata Headers, Metadata Trailers);
}
