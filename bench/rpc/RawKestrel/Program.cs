using Civic.Bench.Rpc;
using Civic.Bench.Rpc.RawKestrel;

var app = BenchHost.CreateBuilder(args, defaultPort: 50151).Build();
app.Run(RawEchoEndpoint.HandleAsync);
app.Run();
