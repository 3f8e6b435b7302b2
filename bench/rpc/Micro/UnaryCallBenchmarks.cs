using System.Buffers;
using BenchmarkDotNet.Attributes;
using Civic.Bench.Rpc.CivicServer;
using Civic.Bench.Rpc.RawKestrel;
using Civic.Bench.Rpc.V1;
using Google.Protobuf;

namespace Civic.Bench.Rpc.Micro;

/// <summary>
/// One unary Echo call through the server code, without the network: the raw endpoint of baseline
/// (a) against Civic.Rpc's middleware with a scoped handler (as services register it) and with a
/// singleton handler (to show what the per-call DI scope costs).
/// </summary>
[MemoryDiagnoser]
public class UnaryCallBenchmarks : IDisposable
{
    private readonly DiscardPipeWriter _responseBody = new();
    private ReadOnlySequence<byte> _requestBody;
    private ServiceProvider _rawServices = null!;
    private ServiceProvider _civicScopedServices = null!;
    private ServiceProvider _civicSingletonServices = null!;
    private RequestDelegate _civicScoped = null!;
    private RequestDelegate _civicSingleton = null!;

    [GlobalSetup]
    public void Setup()
    {
        var message = new EchoRequest
        {
            DepartmentId = "dept-social-services",
            Text = "Can the library open earlier on Saturdays?",
            Sequence = 42,
            RequestedAtUnixMs = 1767225600000,
        }.ToByteArray();
        var frame = new byte[5 + message.Length];
        frame[4] = (byte)message.Length;
        message.CopyTo(frame, 5);
        _requestBody = new ReadOnlySequence<byte>(frame);

        _rawServices = new ServiceCollection().BuildServiceProvider();
        (_civicScopedServices, _civicScoped) = BuildCivic(ServiceLifetime.Scoped);
        (_civicSingletonServices, _civicSingleton) = BuildCivic(ServiceLifetime.Singleton);
    }

    [Benchmark(Baseline = true)]
    public async Task RawEndpoint()
    {
        var context = FakeHttp2Call.Create(_requestBody, _rawServices.GetRequiredService<IServiceScopeFactory>(), _responseBody);
        await RawEchoEndpoint.HandleAsync(context);
        await FakeHttp2Call.EndAsync(context);
    }

    [Benchmark]
    public async Task CivicRpcScopedHandler()
    {
        var context = FakeHttp2Call.Create(_requestBody, _civicScopedServices.GetRequiredService<IServiceScopeFactory>(), _responseBody);
        await _civicScoped(context);
        await FakeHttp2Call.EndAsync(context);
    }

    [Benchmark]
    public async Task CivicRpcSingletonHandler()
    {
        var context = FakeHttp2Call.Create(_requestBody, _civicSingletonServices.GetRequiredService<IServiceScopeFactory>(), _responseBody);
        await _civicSingleton(context);
        await FakeHttp2Call.EndAsync(context);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _rawServices?.Dispose();
        _civicScopedServices?.Dispose();
        _civicSingletonServices?.Dispose();
        GC.SuppressFinalize(this);
    }

    private static (ServiceProvider Services, RequestDelegate Pipeline) BuildCivic(ServiceLifetime handlerLifetime)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOptions();
        services.AddCivicRpc();
        services.AddRpcService<BenchServiceHandler>(BenchReflection.Descriptor.Services[0], handlerLifetime);
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        var provider = services.BuildServiceProvider();
        var app = new ApplicationBuilder(provider);
        app.UseCivicRpc();
        app.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        return (provider, app.Build());
    }
}
