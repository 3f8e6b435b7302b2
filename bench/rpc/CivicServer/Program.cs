using Civic.Bench.Rpc;
using Civic.Bench.Rpc.CivicServer;
using Civic.Defaults.Auth;
using Civic.Hosting.Grpc;

var builder = BenchHost.CreateBuilder(args, defaultPort: 50152);
// "--mode defaults": Grpc.AspNetCore exactly as its template sets it up, the reference for what Civic's
// own additions (interceptors, transcoding, health, reflection, token validation) cost per call.
var defaults = builder.Configuration["mode"] == "defaults";
if (defaults)
{
    builder.Services.AddGrpc();
}
else
{
    builder.Services.AddCivicAuthentication(builder.Environment, asDefaultScheme: false);
    builder.Services.AddCivicGrpcServer();
    builder.Services.AddGrpcService<BenchServiceHandler>();
}

var app = builder.Build();
if (defaults)
{
    app.MapGrpcService<BenchServiceHandler>();
}
else
{
    app.MapCivicGrpc();
}

app.Run();
