using Civic.Contracts.Panel.V1;
using Civic.Defaults.Auth;
using Civic.Services.FunctionalTests.Infrastructure;
using CaseGrpcService = Civic.Panel.Cases.CaseGrpcService;

namespace Civic.Services.FunctionalTests.Panel;

/// <summary>
/// The cases the Panel tests start from, in one place: a case whose checklists are done can be convened and moved
/// through every phase, so tests about later steps do not each restate what the phase rules ask for.
/// </summary>
public static class PanelCases
{
    public static readonly Google.Protobuf.Reflection.ServiceDescriptor Rpc = CasesReflection.Descriptor.Services[0];

    public const string Scope = "Panelet former tilbuddene til unge; forvaltningen beslutter budgettet.";

    public static CreateCaseRequest New(string title = "Ensomhed blandt unge") => new()
    {
        Title = title,
        Summary = "Flere unge melder om ensomhed efter skoletid.",
        OwningDepartment = "boern-og-unge",
        CoCreationType = CoCreationType.Equal,
    };

    /// <summary>A brief with every part the checklists ask for.</summary>
    public static UpdateCaseBriefRequest CompleteBrief(string caseId) => new()
    {
        CaseId = caseId,
        Purpose = "Færre unge føler sig ensomme efter skoletid.",
        SuccessCriteria = { "Mindst to nye fællesskaber er afprøvet inden for et år." },
        Stakeholders = { new Stakeholder { Name = "Unge i bydelen", Interest = "Steder, hvor de har lyst til at komme." } },
        PanelQuestions = { "Hvilke fællesskaber mangler der efter skoletid?" },
    };

    public static async Task<string> CreateAsync(ServiceHost<CaseGrpcService> host, string title = "Ensomhed blandt unge") =>
        (await host.CallAsync<CreateCaseRequest, CreateCaseResponse>(Rpc, "CreateCase", New(title), CivicRoles.Coordinator)).Case.Id;

    public static Task<UpdateCaseBriefResponse> UpdateBriefAsync(ServiceHost<CaseGrpcService> host, UpdateCaseBriefRequest request, string? role = CivicRoles.Coordinator) =>
        host.CallAsync<UpdateCaseBriefRequest, UpdateCaseBriefResponse>(Rpc, "UpdateCaseBrief", request, role);

    public static Task<SetScopeOfInfluenceResponse> SetScopeAsync(ServiceHost<CaseGrpcService> host, string caseId) =>
        host.CallAsync<SetScopeOfInfluenceRequest, SetScopeOfInfluenceResponse>(Rpc, "SetScopeOfInfluence", new() { Id = caseId, ScopeOfInfluence = Scope }, CivicRoles.Coordinator);

    /// <summary>A new case with its scope of influence and a complete brief: ready to convene and to leave every phase.</summary>
    public static async Task<string> ReadyAsync(ServiceHost<CaseGrpcService> host, string title = "Ensomhed blandt unge")
    {
        var id = await CreateAsync(host, title);
        await SetScopeAsync(host, id);
        await UpdateBriefAsync(host, CompleteBrief(id));
        return id;
    }
}
