using System.Globalization;
using Civic.Contracts.Panel.V1;
using Civic.Defaults.Auth;
using Civic.Hosting.Grpc;
using Civic.Panel.Cases;
using Civic.Panel.Lottery;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Civic.Panel.Convening;

/// <summary>civic.panel.v1.ConveningService: coordinators convene, see and verify draws.</summary>
public sealed class ConveningGrpcService(PanelConvener convener) : ConveningService.ConveningServiceBase
{
    [AllowRoles(CivicRoles.Coordinator, CivicRoles.Admin)]
    public override async Task<ConveneResponse> Convene(ConveneRequest request, ServerCallContext context)
    {
        var command = new ConveneCommand(request.CaseId, request.PanelSize,
            request.Quotas.Select(q => new FeatureQuota(q.Category, q.Value, q.Min, q.Max)).ToList(), request.ExcludedMemberIds.ToList(), request.RequiredLivedExperience.ToList());
        var (row, draw) = await convener.ConveneAsync(command, CaseGrpcService.SubjectOf(context), CaseGrpcService.ScopeOf(context), context.CancellationToken);
        return new() { Draw = ToMessage(row, draw) };
    }

    [AllowRoles(CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<GetDrawResponse> GetDraw(GetDrawRequest request, ServerCallContext context)
    {
        var (row, draw) = await convener.GetAsync(request.Id, CaseGrpcService.ScopeOf(context), context.CancellationToken);
        return new() { Draw = ToMessage(row, draw) };
    }

    [AllowRoles(CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<ListDrawsResponse> ListDraws(ListDrawsRequest request, ServerCallContext context)
    {
        var response = new ListDrawsResponse();
        response.Draws.AddRange((await convener.ListAsync(request.CaseId, CaseGrpcService.ScopeOf(context), context.CancellationToken)).Select(d => ToMessage(d.Row, d.Draw)));
        return response;
    }

    [AllowRoles(CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<VerifyDrawResponse> VerifyDraw(VerifyDrawRequest request, ServerCallContext context)
    {
        var (_, draw) = await convener.GetAsync(request.Id, CaseGrpcService.ScopeOf(context), context.CancellationToken);
        var verification = draw.Verify();
        var response = new VerifyDrawResponse
        {
            Reproduced = verification.Reproduced,
            SnapshotMatches = verification.SnapshotMatches,
            PanelMatches = verification.PanelMatches,
            ReservesMatch = verification.ReservesMatch,
            AlgorithmVersion = verification.Rerun.AlgorithmVersion,
        };
        response.RerunPanelMemberIds.AddRange(verification.Rerun.Panel);
        return response;
    }

    private static Draw ToMessage(PanelDrawRecord row, StoredDraw stored)
    {
        var result = stored.Result;
        var message = new Draw
        {
            Id = row.Id,
            CaseId = row.CaseId,
            PanelSize = stored.PanelSize,
            Seed = result.Seed.ToString(CultureInfo.InvariantCulture),
            PoolSnapshotHash = result.PoolSnapshotHash,
            AlgorithmVersion = result.AlgorithmVersion,
            MinimumProbability = result.MinimumProbability,
            CertifiedUpperBound = result.CertifiedUpperBound,
            DrawnBy = row.DrawnBy,
            DrawnAt = Timestamp.FromDateTimeOffset(row.DrawnAt),
            RecordJson = row.Record,
        };
        message.Quotas.AddRange(stored.Quotas.Select(q => new Quota { Category = q.Category, Value = q.Value, Min = q.Min, Max = q.Max }));
        message.ExcludedMemberIds.AddRange(stored.Exclusions);
        message.PanelMemberIds.AddRange(result.Panel);
        message.ReserveMemberIds.AddRange(result.Reserves);
        message.Probabilities.AddRange(result.MemberProbabilities.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new MemberProbability { MemberId = p.Key, Probability = p.Value }));
        message.UnselectableMemberIds.AddRange(result.Unselectable);
        return message;
    }
}
