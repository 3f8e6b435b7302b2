using Civic.Bench.Rpc;
using Civic.Bench.Rpc.CivicServer;
using Civic.Bench.Rpc.V1;

var builder = BenchHost.CreateBuilder(args, defaultPort: 50152);
builder.Services.AddCivicRpc();
builder.Services.AddRpcService<BenchServiceHandler>(BenchReflection.Descriptor.Services[0]);

var app = builder.Build();
app.UseCivicRpc();
app.Run();
