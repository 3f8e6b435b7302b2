using Civic.Contracts.Network.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using CompetenceMessage = Civic.Contracts.Network.V1.Competence;

namespace Civic.Network.Taxonomy;

/// <summary>civic.network.v1.TaxonomyService: the vocabularies are public, like the toolbox.</summary>
public sealed class TaxonomyGrpcService : TaxonomyService.TaxonomyServiceBase
{
    private static readonly GetTaxonomyResponse Response = BuildResponse();

    [AllowAnonymous]
    public override Task<GetTaxonomyResponse> GetTaxonomy(GetTaxonomyRequest request, ServerCallContext context) => Task.FromResult(Response);

    private static GetTaxonomyResponse BuildResponse()
    {
        var response = new GetTaxonomyResponse { ChallengeAreas = { CompetenceTaxonomy.ChallengeAreas } };
        response.Competences.AddRange(CompetenceTaxonomy.All.Select(c => new CompetenceMessage
        {
            Id = c.Id, Name = c.Name, Synonyms = { c.Synonyms }, ParentId = c.ParentId ?? string.Empty,
        }));
        return response;
    }
}
