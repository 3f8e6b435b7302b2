using Civic.Contracts.Panel.V1;
using Civic.Defaults.Auth;
using Civic.Gateway.Pages.Hotline;
using Civic.Gateway.Ui.Access;
using Civic.Gateway.Ui.Data;
using Civic.Gateway.Ui.Forms;
using Civic.Gateway.Ui.Navigation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Panel;

/// <summary>
/// A case's scope of influence and its phases: the scope form, the checklist and the form that moves the case to the
/// next phase with a reason, and the history of phase changes. The Panel service checks every rule.
/// </summary>
[RoleAreaPage(RoleAreaId.PanelCases)]
public sealed class CasePhasesModel(PageServiceCalls calls, CaseService.CaseServiceClient cases, TimeProvider timeProvider) : PageModel
{
    public const string ScopeId = "scope";
    public const string ReasonId = "phase-reason";
    public const string TakeOverReasonId = "take-over-reason";

    public Case? Case { get; private set; }

    public IReadOnlyList<PhaseTransition> Transitions { get; private set; } = [];

    public FormErrors Errors { get; } = new();

    // Bind as null when left empty (MVC's empty-string rule); the service names what is missing.
    [BindProperty]
    public string? Scope { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? TakeOverReason { get; set; }

    /// <summary>Whether the signed-in employee coordinates the case.</summary>
    public bool YouCoordinate => Case is { CoordinatorSubject.Length: > 0 } shown && shown.CoordinatorSubject == User.FindFirst(CivicClaims.Subject)?.Value;

    public static string PathOf(string caseId) => $"/borgerpanelet/sager/{Uri.EscapeDataString(caseId)}/fase";

    public CaseChecklistView NextPhaseChecklist => new("next-phase-checklist", Case?.NextPhaseChecklist ?? []);

    public TextField ScopeField => new(ScopeId, nameof(Scope), CasePhasesText.Scope.Current, CasePhasesText.ScopeHint.Current, Scope, Errors.For(ScopeId));

    public TextField TakeOverReasonField => new(TakeOverReasonId, nameof(TakeOverReason), CasePhasesText.TakeOverReason.Current, CasePhasesText.TakeOverReasonHint.Current,
        TakeOverReason, Errors.For(TakeOverReasonId));

    public TextField ReasonField => new(ReasonId, nameof(Reason), CasePhasesText.Reason.Current, CasePhasesText.ReasonHint.Current, Reason, Errors.For(ReasonId));

    public async Task<IActionResult> OnGetAsync(string id)
    {
        await LoadAsync(id);
        Scope = Case?.ScopeOfInfluence;
        return Case is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostScopeAsync(string id)
    {
        var request = new SetScopeOfInfluenceRequest { Id = id, ScopeOfInfluence = Scope ?? "" };
        var saved = await RpcFormErrors.TryAsync(options => cases.SetScopeOfInfluenceAsync(request, options).ResponseAsync, timeProvider, Errors,
            new Dictionary<string, string> { ["scope_of_influence"] = ScopeId }, ScopeId, CasePhasesText.Unavailable.Current, HttpContext.RequestAborted);
        return saved is not null ? Redirect(PathOf(id) + "#scope-title") : await ReloadAsync(id);
    }

    public async Task<IActionResult> OnPostPhaseAsync(string id)
    {
        // The form names the next phase it showed, so a second click (or a stale page) is refused rather than moving the
        // case twice; without it the service refuses the unspecified phase.
        var request = new ChangePhaseRequest { Id = id, Phase = PhaseShown ?? CasePhase.Unspecified, Reason = Reason ?? "" };
        var changed = await RpcFormErrors.TryAsync(options => cases.ChangePhaseAsync(request, options).ResponseAsync, timeProvider, Errors,
            new Dictionary<string, string> { ["reason"] = ReasonId, ["phase"] = ReasonId }, ReasonId, CasePhasesText.Unavailable.Current, HttpContext.RequestAborted);
        return changed is not null ? Redirect(PathOf(id) + "#history-title") : await ReloadAsync(id);
    }

    public async Task<IActionResult> OnPostTakeOverAsync(string id)
    {
        var request = new TakeOverCaseRequest { Id = id, Reason = TakeOverReason ?? "" };
        var taken = await RpcFormErrors.TryAsync(options => cases.TakeOverCaseAsync(request, options).ResponseAsync, timeProvider, Errors,
            new Dictionary<string, string> { ["reason"] = TakeOverReasonId }, TakeOverReasonId, CasePhasesText.Unavailable.Current, HttpContext.RequestAborted);
        return taken is not null ? Redirect(PathOf(id) + "#coordinator-title") : await ReloadAsync(id);
    }

    /// <summary>The phase the form offered (a hidden field), so the change asked for is the one the employee saw.</summary>
    [BindProperty]
    public CasePhase? PhaseShown { get; set; }

    private async Task<IActionResult> ReloadAsync(string id)
    {
        await LoadAsync(id);
        return Case is null ? NotFound() : Page();
    }

    private async Task LoadAsync(string id)
    {
        Case = (await calls.CallAsync(HttpContext, nameof(cases.GetCase), options => cases.GetCaseAsync(new GetCaseRequest { Id = id }, options)))?.Case;
        if (Case is not null)
        {
            var history = await calls.CallAsync(HttpContext, nameof(cases.ListPhaseTransitions),
                options => cases.ListPhaseTransitionsAsync(new ListPhaseTransitionsRequest { Id = id }, options));
            Transitions = history?.Transitions ?? [];
        }
    }
}
