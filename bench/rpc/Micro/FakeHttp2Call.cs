using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace Civic.Bench.Rpc.Micro;

/// <summary>
/// An <see cref="HttpContext"/> as Kestrel hands one HTTP/2 gRPC request to the pipeline: the request
/// body as a pipe, a response pipe (discarded), trailers, and request services from a scope factory.
/// The network is left out so the benchmark sees only what the server code does per call.
/// </summary>
internal static class FakeHttp2Call
{
    public static DefaultHttpContext Create(ReadOnlySequence<byte> requestBody, IServiceScopeFactory scopeFactory, PipeWriter responseBody)
    {
        var context = new DefaultHttpContext { ServiceScopeFactory = scopeFactory };
        var request = context.Request;
        request.Protocol = "HTTP/2";
        request.Method = HttpMethods.Post;
        request.Scheme = "http";
        request.Path = EchoResponder.Path;
        request.ContentType = "application/grpc";
        request.Headers.TE = "trailers";
        context.Features.Set<IRequestBodyPipeFeature>(new RequestBody(PipeReader.Create(requestBody)));
        context.Features.Set<IHttpResponseBodyFeature>(new ResponseBody(responseBody));
        context.Features.Set<IHttpResponseTrailersFeature>(new ResponseTrailers());
        return context;
    }

    /// <summary>Disposes the request's service scope, as the host does when the request ends.</summary>
    public static ValueTask EndAsync(HttpContext context) =>
        context.Features.Get<IServiceProvidersFeature>() is IAsyncDisposable scope ? scope.DisposeAsync() : ValueTask.CompletedTask;

    private sealed class RequestBody(PipeReader reader) : IRequestBodyPipeFeature
    {
        public PipeReader Reader { get; } = reader;
    }

    private sealed class ResponseTrailers : IHttpResponseTrailersFeature
    {
        public IHeaderDictionary Trailers { get; set; } = new HeaderDictionary();
    }

    private sealed class ResponseBody(PipeWriter writer) : IHttpResponseBodyFeature
    {
        public Stream Stream => throw new NotSupportedException("gRPC writes through the pipe.");

        public PipeWriter Writer { get; } = writer;

        public Task CompleteAsync() => Task.CompletedTask;

        public void DisableBuffering()
        {
        }

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken) =>
            throw new NotSupportedException("gRPC sends no files.");

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>A response pipe that keeps nothing: one reusable buffer, no flushing work.</summary>
internal sealed class DiscardPipeWriter : PipeWriter
{
    private byte[] _buffer = new byte[4096];

    public long Written { get; private set; }

    public override void Advance(int bytes) => Written += bytes;

    public override Memory<byte> GetMemory(int sizeHint = 0)
    {
        if (sizeHint > _buffer.Length)
        {
            _buffer = new byte[sizeHint];
        }

        return _buffer;
    }

    public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

    public override void CancelPendingFlush()
    {
    }

    public override void Complete(Exception? exception = null)
    {
    }

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) =>
        new(new FlushResult(isCanceled: false, isCompleted: false));
}
