using Civic.Contracts.Panel.V1;
using Civic.Defaults.Auth;
using Civic.Hosting.Grpc;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Civic.Panel.Fairness;

/// <summary>civic.panel.v1.FairnessService: the pool's participation distribution for coordinators, directors and administrators.</summary>
public sealed class FairnessGrpcService(FairnessReporter reporter) : FairnessService.FairnessServiceBase
{
    [AllowRoles(CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<GetFairnessReportResponse> GetFairnessReport(GetFairnessReportRequest request, ServerCallContext context)
    {
        var (current, history) = await reporter.ReportAsync(context.CancellationToken);
        var response = new GetFairnessReportResponse { Current = ToMessage(current) };
        response.History.AddRange(history.Select(ToMessage));
        return response;
    }

    private static FairnessPoint ToMessage(ParticipationDistribution d) => new()
    {
        AsOf = Timestamp.FromDateTimeOffset(d.AsOf),
        Members = d.Members,
        Draws = d.Draws,
        Seats = d.Seats,
        Gini = d.Gini,
        ShareNeverInvited = d.ShareNeverInvited,
        ShareNeverDrawn = d.ShareNeverDrawn,
        TopDecileMembers = d.TopDecileMembers,
        TopDecileShareOfSeats = d.TopDecileShareOfSeats,
    };
}
