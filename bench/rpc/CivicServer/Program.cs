using Civic.Bench.Rpc;
using Civic.Bench.Rpc.CivicServer;
using Civic.Defaults.Auth;
using Civic.Hosting.Grpc;

var builder = BenchHost.CreateBuilder(args, defaultPort: 50152);
builder.Services.AddCivicAuthentication(builder.Environment);
builder.Services.AddCivicGrpcServer();
builder.Services.AddGrpcService<BenchServiceHandler>();

var app = builder.Build();
app.MapCivicGrpc();
app.Run();
