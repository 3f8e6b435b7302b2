using Civic.Contracts.Panel.V1;
using Civic.Gateway.Tests.Infrastructure;
using Grpc.Core;

namespace Civic.Gateway.Tests.Authorization;

/// <summary>
/// Panel cases the role matrix starts from: one helper, so every case that is convened or moved through its
/// phases meets the checklists (scope of influence and a complete brief) the same way.
/// </summary>
public static class PanelTestCases
{
    /// <summary>A brief with every part the next-phase and convening checklists ask for.</summary>
    public static UpdateCaseBriefRequest CompleteBrief(string caseId) => new()
    {
        CaseId = caseId,
        Purpose = "Færre unge føler sig ensomme efter skoletid.",
        SuccessCriteria = { "Mindst to nye fællesskaber er afprøvet inden for et år." },
        Stakeholders = { new Stakeholder { Name = "Unge i bydelen", Interest = "Steder, hvor de har lyst til at komme." } },
        PanelQuestions = { "Hvilke fællesskaber mangler der efter skoletid?" },
    };

    /// <summary>A new case of the staff department, with its scope of influence and a complete brief; returns its id.</summary>
    public static async Task<string> ReadyAsync(CallInvoker client, string title, CallOptions options)
    {
        var cases = new CaseService.CaseServiceClient(client);
        var created = await cases.CreateCaseAsync(new()
        {
            Title = title,
            Summary = "En pseudonymiseret sag til rolletesten.",
            OwningDepartment = CivicCluster.StaffDepartment,
        }, options);
        await cases.SetScopeOfInfluenceAsync(new() { Id = created.Case.Id, ScopeOfInfluence = "Panelet høres om tidsplanen." }, options);
        await cases.UpdateCaseBriefAsync(CompleteBrief(created.Case.Id), options);
        return created.Case.Id;
    }
}
