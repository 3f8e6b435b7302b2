using Civic.Bench.Rpc.V1;
using Civic.Rpc.Server;

namespace Civic.Bench.Rpc.CivicServer;

/// <summary>Serves civic.bench.v1.BenchService; created per call from DI, like every Civic handler.</summary>
public sealed class BenchServiceHandler
{
    public Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context) =>
        Task.FromResult(EchoResponder.Respond(request));
}
