using Civic.Defaults.Auth;
using Civic.Testing;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Civic.Services.FunctionalTests.Infrastructure;

/// <summary>
/// One service, started for real by its own Program on Kestrel (an h2c port the system chooses),
/// called over gRPC with Grpc.Net.Client. Logs are captured so tests can fail on unexpected errors.
/// </summary>
/// <typeparam name="TEntryPoint">Any type of the service's assembly; its entry point is what runs.</typeparam>
public sealed class ServiceHost<TEntryPoint> : IAsyncDisposable
    where TEntryPoint : class
{
    private readonly Factory _factory;
    private readonly GrpcChannel _channel;

    /// <summary>Starts the service with <paramref name="settings"/> on top of its appsettings.json.</summary>
    public ServiceHost(IReadOnlyDictionary<string, string> settings)
    {
        _factory = new Factory(settings);
        _factory.UseKestrel();
        _factory.StartServer();
        Address = new Uri(_factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        _channel = GrpcChannel.ForAddress(Address);
        Invoker = _channel.CreateCallInvoker();
    }

    public Uri Address { get; }

    public CallInvoker Invoker { get; }

    public GrpcChannel Channel => _channel;

    public CapturingLoggerProvider Logs => _factory.Logs;

    public IServiceProvider Services => _factory.Services;

    /// <summary>
    /// Calls the unary RPC <paramref name="method"/> of <paramref name="service"/> with a token for
    /// <paramref name="role"/> (an administrator unless said otherwise; null calls anonymously).
    /// </summary>
    public Task<TResponse> CallAsync<TRequest, TResponse>(ServiceDescriptor service, string method, TRequest request, string? role = CivicRoles.Admin)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        CallWithTokenAsync<TRequest, TResponse>(service, method, request, role is null ? null : TestTokens.For(role));

    /// <summary>Calls the unary RPC <paramref name="method"/> with exactly this bearer token (null: none).</summary>
    public Task<TResponse> CallWithTokenAsync<TRequest, TResponse>(ServiceDescriptor service, string method, TRequest request, string? token)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var headers = new Metadata();
        if (token is not null)
        {
            headers.Add("authorization", $"Bearer {token}");
        }

        ArgumentNullException.ThrowIfNull(service);
        var rpc = new Method<TRequest, TResponse>(MethodType.Unary, service.FullName, service.FindMethodByName(method).Name, MarshallerOf<TRequest>(), MarshallerOf<TResponse>());
        return Invoker.AsyncUnaryCall(rpc, null, new CallOptions(headers, cancellationToken: TestContext.Current.CancellationToken), request).ResponseAsync;
    }

    private static Marshaller<T> MarshallerOf<T>()
        where T : class, IMessage<T>, new()
    {
        var parser = new MessageParser<T>(() => new T());
        return Marshallers.Create(message => message.ToByteArray(), parser.ParseFrom);
    }

    /// <summary>Errors the service logged; a passing call should leave none.</summary>
    public IReadOnlyList<CapturingLoggerProvider.LogEntry> ErrorLogs() =>
        Logs.Entries.Where(e => e.Level >= LogLevel.Error).ToList();

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _factory.DisposeAsync();
    }

    private sealed class Factory(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<TEntryPoint>
    {
        public CapturingLoggerProvider Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Civic:Grpc:Port", "0");
            builder.UseSetting("Civic:SeedDemoData", "false");
            builder.UseSetting("Auth:SigningKey", TestTokens.SigningKey);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }
    }
}
