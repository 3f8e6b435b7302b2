using Civic.Contracts.Network.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using CompetenceMessage = Civic.Contracts.Network.V1.Competence;
using MunicipalServiceMessage = Civic.Contracts.Network.V1.MunicipalService;

namespace Civic.Network.Taxonomy;

/// <summary>civic.network.v1.TaxonomyService: the vocabularies (competences, challenge areas, municipal services) are public, like the toolbox.</summary>
public sealed class TaxonomyGrpcService(NetworkDbContext db) : TaxonomyService.TaxonomyServiceBase
{
    [AllowAnonymous]
    public override async Task<GetTaxonomyResponse> GetTaxonomy(GetTaxonomyRequest request, ServerCallContext context)
    {
        var taxonomy = await FoldedTaxonomy.LoadAsync(db, context.CancellationToken);
        return new GetTaxonomyResponse
        {
            ChallengeAreas = { CompetenceTaxonomy.ChallengeAreas },
            Competences = { taxonomy.All.Select(ToMessage) },
            Services = { ServiceTaxonomy.All.Select(s => new MunicipalServiceMessage { Code = s.Code, Name = s.Name, EnglishName = s.EnglishName, Synonyms = { s.Synonyms } }) },
        };
    }

    public static CompetenceMessage ToMessage(Competence competence) => new()
    {
        Id = competence.Id, Name = competence.Name, Synonyms = { competence.Synonyms }, ParentId = competence.ParentId ?? string.Empty,
    };
}
