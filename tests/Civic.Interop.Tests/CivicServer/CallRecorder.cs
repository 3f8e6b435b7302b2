using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Civic.Interop.Tests.CivicServer;

/// <summary>
/// What arrived on the wire at the Civic server for each call, and which response headers went back,
/// so tests can check what an independent client really sent (te, user-agent, grpc-encoding, grpc-timeout…).
/// Peers name each call's case in an <c>x-case</c> header.
/// </summary>
public sealed class CallRecorder
{
    private readonly ConcurrentQueue<RecordedCall> _calls = new();

    /// <summary>Records every call to a server built with these services, before Civic's middleware sees it.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.AddSingleton(this);
        services.AddSingleton<IStartupFilter, CallRecordingStartupFilter>();
    }

    /// <summary>The first call a peer made for a case.</summary>
    public RecordedCall For(string caseName) =>
        _calls.FirstOrDefault(c => c.Case == caseName)
        ?? throw new Xunit.Sdk.XunitException($"The server saw no call for case '{caseName}'; it saw: {string.Join(", ", _calls.Select(c => c.Case))}");

    private void Add(RecordedCall call) => _calls.Enqueue(call);

    private static Dictionary<string, string> Snapshot(IHeaderDictionary headers) =>
        headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);

    private sealed class CallRecordingStartupFilter(CallRecorder recorder) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                var requestHeaders = Snapshot(context.Request.Headers);
                var call = new RecordedCall(context.Request.Path.Value ?? string.Empty, requestHeaders.GetValueOrDefault("x-case"), requestHeaders);
                recorder.Add(call);
                await nextMiddleware(context);
                call.ResponseHeaders = Snapshot(context.Response.Headers);
            });
            next(app);
        };
    }
}

/// <summary>One call as the server saw it; header names lower-case, repeated values joined with ", ".</summary>
public sealed record RecordedCall(string Path, string? Case, IReadOnlyDictionary<string, string> RequestHeaders)
{
    /// <summary>The response headers (not trailers) once the call finished; empty before.</summary>
    public IReadOnlyDictionary<string, string> ResponseHeaders { get; set; } = new Dictionary<string, string>();
}
