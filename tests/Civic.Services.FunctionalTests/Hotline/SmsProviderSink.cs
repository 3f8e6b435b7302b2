using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Civic.Services.FunctionalTests.Hotline;

/// <summary>
/// A stand-in SMS provider over real HTTP on a port of its own: it keeps every request it gets and answers
/// with <see cref="AnswerWith"/>, so a test can make the provider fail and then recover.
/// </summary>
public sealed class SmsProviderSink : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SmsProviderSink(WebApplication app) => _app = app;

    /// <summary>One request as the provider received it.</summary>
    public sealed record Received(string? Authorization, JsonElement Body);

    public ConcurrentQueue<Received> Requests { get; } = new();

    public HttpStatusCode AnswerWith { get; set; } = HttpStatusCode.OK;

    /// <summary>The send URL to configure.</summary>
    public Uri Endpoint => new(new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()), "/rest/mtsms");

    public static async Task<SmsProviderSink> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sink = new SmsProviderSink(app);
        app.MapPost("/rest/mtsms", async (HttpRequest request) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            sink.Requests.Enqueue(new Received(request.Headers.Authorization.ToString(), body));
            return Results.StatusCode((int)sink.AnswerWith);
        });
        await app.StartAsync(cancellationToken);
        return sink;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
