using Civic.Bench.Rpc.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Civic.Bench.Rpc.CivicServer;

/// <summary>Serves civic.bench.v1.BenchService on the generated base, created per call from DI, like every Civic handler.</summary>
[AllowAnonymous]
public sealed class BenchServiceHandler : BenchService.BenchServiceBase
{
    public override Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context) =>
        Task.FromResult(EchoResponder.Respond(request));
}
