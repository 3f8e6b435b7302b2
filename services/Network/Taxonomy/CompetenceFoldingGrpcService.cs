using Civic.Contracts.Network.V1;
using Civic.Defaults.Auth;
using Civic.Hosting.Grpc;
using Grpc.Core;

namespace Civic.Network.Taxonomy;

/// <summary>civic.network.v1.CompetenceFoldingService: administrators keep the taxonomy.</summary>
public sealed class CompetenceFoldingGrpcService(CompetenceFoldingDesk desk) : CompetenceFoldingService.CompetenceFoldingServiceBase
{
    [AllowRoles(CivicRoles.Admin)]
    public override async Task<ListOtherCompetencesResponse> ListOtherCompetences(ListOtherCompetencesRequest request, ServerCallContext context) => new()
    {
        OtherCompetences = { (await desk.ListOtherAsync(context.CancellationToken)).Select(o => new OtherCompetence { Text = o.Text, ProfileCount = o.ProfileCount }) },
    };

    [AllowRoles(CivicRoles.Admin)]
    public override async Task<FoldOtherCompetenceResponse> FoldOtherCompetence(FoldOtherCompetenceRequest request, ServerCallContext context)
    {
        var result = await desk.FoldAsync(
            request.Text,
            request.TargetCase == FoldOtherCompetenceRequest.TargetOneofCase.SynonymOf ? request.SynonymOf : null,
            request.TargetCase == FoldOtherCompetenceRequest.TargetOneofCase.NewCompetenceName ? request.NewCompetenceName : null,
            NetworkCaller.From(context.User),
            context.CancellationToken);
        return new() { Competence = TaxonomyGrpcService.ToMessage(result.Competence), MovedProfiles = result.MovedProfiles };
    }
}
