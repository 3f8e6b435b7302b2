using Civic.Bench.Rpc;
using Civic.Bench.Rpc.CivicServer;
using Civic.Bench.Rpc.V1;

var builder = BenchHost.CreateBuilder(args, defaultPort: 50152);
builder.Services.AddCivicRpc();
// Scoped, as services register their handlers; "--handlerLifetime Singleton" measures what the
// per-call DI scope costs.
var handlerLifetime = builder.Configuration.GetValue("handlerLifetime", ServiceLifetime.Scoped);
builder.Services.AddRpcService<BenchServiceHandler>(BenchReflection.Descriptor.Services[0], handlerLifetime);

var app = builder.Build();
app.UseCivicRpc();
app.Run();
