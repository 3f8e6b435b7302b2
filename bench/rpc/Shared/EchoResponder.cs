using Civic.Bench.Rpc.V1;

namespace Civic.Bench.Rpc;

/// <summary>The work every benchmarked server does per call, so they differ only in transport.</summary>
public static class EchoResponder
{
    public const string Path = "/civic.bench.v1.BenchService/Echo";

    public static EchoResponse Respond(EchoRequest request) => new()
    {
        DepartmentId = request.DepartmentId,
        Text = request.Text,
        Sequence = request.Sequence,
        RequestedAtUnixMs = request.RequestedAtUnixMs,
        TextLength = request.Text.Length,
    };
}
