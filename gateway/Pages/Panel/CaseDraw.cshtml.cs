using System.Globalization;
using Civic.Contracts.Panel.V1;
using Civic.Gateway.Pages.Hotline;
using Civic.Gateway.Ui.Access;
using Civic.Gateway.Ui.Data;
using Civic.Gateway.Ui.Forms;
using Civic.Gateway.Ui.Navigation;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Panel;

/// <summary>
/// A panel case for coordinators: its scope of influence, its brief (Sagens grundlag) with the checklists for the
/// next phase and for convening, the convening form, and the latest draw with the panel, the ordered reserves,
/// every member's probability, the minimum and the certified gap.
/// </summary>
[RoleAreaPage(RoleAreaId.PanelCases)]
public sealed class CaseDrawModel(
    PageServiceCalls calls, CaseService.CaseServiceClient cases, ConveningService.ConveningServiceClient convening, TimeProvider timeProvider) : PageModel
{
    private static readonly TimeSpan ConveneTimeout = TimeSpan.FromSeconds(60);

    public Case? Case { get; private set; }

    public Draw? LatestDraw { get; private set; }

    public FormErrors Errors { get; } = new();

    [BindProperty]
    public string PanelSize { get; set; } = "12";

    [BindProperty]
    public string Quotas { get; set; } = string.Empty;

    // The brief's fields bind as null when left empty (MVC's empty-string rule).
    [BindProperty]
    public string? Purpose { get; set; }

    [BindProperty]
    public string? SuccessCriteria { get; set; }

    [BindProperty]
    public string? Stakeholders { get; set; }

    [BindProperty]
    public string? PanelQuestions { get; set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        await LoadAsync(id);
        FillBriefFromCase();
        return Case is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostBriefAsync(string id)
    {
        var request = new UpdateCaseBriefRequest { CaseId = id, Purpose = Purpose ?? "" };
        request.SuccessCriteria.AddRange(Lines(SuccessCriteria));
        request.PanelQuestions.AddRange(Lines(PanelQuestions));
        var stakeholders = Lines(Stakeholders);
        for (var i = 0; i < stakeholders.Length; i++)
        {
            var colon = stakeholders[i].IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                request.Stakeholders.Add(new Stakeholder { Name = stakeholders[i][..colon].Trim(), Interest = stakeholders[i][(colon + 1)..].Trim() });
            }
            else
            {
                Errors.Add(BriefStakeholdersId, CaseBriefText.BadStakeholderLine.Format(i + 1));
            }
        }

        if (!Errors.Any && await RpcFormErrors.TryAsync(options => cases.UpdateCaseBriefAsync(request, options).ResponseAsync, timeProvider, Errors,
                BriefFieldIds(request), BriefPurposeId, CaseBriefText.Unavailable.Current, HttpContext.RequestAborted) is not null)
        {
            return Redirect($"/borgerpanelet/sager/{Uri.EscapeDataString(id)}#brief-title");
        }

        await LoadAsync(id);
        return Case is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        var request = new ConveneRequest { CaseId = id };
        if (int.TryParse(PanelSize, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            request.PanelSize = size;
        }
        else
        {
            Errors.Add("panel-size", CaseDrawText.BadPanelSize.Current);
        }

        var lines = Quotas.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length == 4 && int.TryParse(parts[2], CultureInfo.InvariantCulture, out var min) && int.TryParse(parts[3], CultureInfo.InvariantCulture, out var max))
            {
                request.Quotas.Add(new Quota { Category = parts[0], Value = parts[1], Min = min, Max = max });
            }
            else
            {
                Errors.Add("quotas", CaseDrawText.BadQuotaLine.Format(i + 1));
            }
        }

        if (!Errors.Any)
        {
            try
            {
                // Solving the lottery can take longer than a page's usual few seconds.
                var deadline = timeProvider.GetUtcNow().UtcDateTime + ConveneTimeout;
                await convening.ConveneAsync(request, new CallOptions(deadline: deadline, cancellationToken: HttpContext.RequestAborted));
                return RedirectToPage(new { id });
            }
            catch (RpcException exception) when (exception.StatusCode is Grpc.Core.StatusCode.InvalidArgument or Grpc.Core.StatusCode.FailedPrecondition)
            {
                // The service explains what is wrong with the quotas or the case, in the reader's language; show it beside the form.
                var refusal = new FormErrors();
                RpcFormErrors.AddTo(refusal, exception, new Dictionary<string, string> { ["panel_size"] = "panel-size" }, "quotas");
                foreach (var error in refusal.All)
                {
                    Errors.Add(error.FieldId, CaseDrawText.Refused.Format(error.Message));
                }
            }
        }

        await LoadAsync(id);
        FillBriefFromCase();
        return Case is null ? NotFound() : Page();
    }

    public TextField PanelSizeField => new("panel-size", nameof(PanelSize), CaseDrawText.PanelSize.Current, CaseDrawText.PanelSizeHint.Current, PanelSize, Errors.For("panel-size"));

    public const string BriefPurposeId = "brief-purpose";
    public const string BriefCriteriaId = "brief-criteria";
    public const string BriefStakeholdersId = "brief-stakeholders";
    public const string BriefQuestionsId = "brief-questions";

    public TextField PurposeField => new(BriefPurposeId, nameof(Purpose), CaseBriefText.Purpose.Current, CaseBriefText.PurposeHint.Current, Purpose, Errors.For(BriefPurposeId));

    public TextField SuccessCriteriaField => new(BriefCriteriaId, nameof(SuccessCriteria), CaseBriefText.SuccessCriteria.Current, CaseBriefText.SuccessCriteriaHint.Current, SuccessCriteria, Errors.For(BriefCriteriaId));

    public TextField StakeholdersField => new(BriefStakeholdersId, nameof(Stakeholders), CaseBriefText.Stakeholders.Current, CaseBriefText.StakeholdersHint.Current, Stakeholders, Errors.For(BriefStakeholdersId));

    public TextField PanelQuestionsField => new(BriefQuestionsId, nameof(PanelQuestions), CaseBriefText.PanelQuestions.Current, CaseBriefText.PanelQuestionsHint.Current, PanelQuestions, Errors.For(BriefQuestionsId));

    public static string Percent(double probability) => (probability * 100).ToString("0.00", CultureInfo.CurrentCulture) + " %";

    // An emptied textarea binds as null.
    private static string[] Lines(string? text) => (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Where each of the service's field violations belongs: every list item on its list's textarea.</summary>
    private static Dictionary<string, string> BriefFieldIds(UpdateCaseBriefRequest request)
    {
        var ids = new Dictionary<string, string>
        {
            ["purpose"] = BriefPurposeId, ["success_criteria"] = BriefCriteriaId, ["stakeholders"] = BriefStakeholdersId, ["panel_questions"] = BriefQuestionsId,
        };
        for (var i = 0; i < request.SuccessCriteria.Count; i++)
        {
            ids[$"success_criteria[{i}]"] = BriefCriteriaId;
        }

        for (var i = 0; i < request.Stakeholders.Count; i++)
        {
            ids[$"stakeholders[{i}].name"] = BriefStakeholdersId;
            ids[$"stakeholders[{i}].interest"] = BriefStakeholdersId;
        }

        for (var i = 0; i < request.PanelQuestions.Count; i++)
        {
            ids[$"panel_questions[{i}]"] = BriefQuestionsId;
        }

        return ids;
    }

    /// <summary>The brief form shows what is stored, except after a refused save, when it keeps what was typed.</summary>
    private void FillBriefFromCase()
    {
        if (Case is null)
        {
            return;
        }

        Purpose = Case.Purpose;
        SuccessCriteria = string.Join('\n', Case.SuccessCriteria);
        Stakeholders = string.Join('\n', Case.Stakeholders.Select(s => $"{s.Name}: {s.Interest}"));
        PanelQuestions = string.Join('\n', Case.PanelQuestions);
    }

    private async Task LoadAsync(string id)
    {
        Case = (await calls.CallAsync(HttpContext, nameof(cases.GetCase), options => cases.GetCaseAsync(new GetCaseRequest { Id = id }, options)))?.Case;
        if (Case is not null)
        {
            var draws = await calls.CallAsync(HttpContext, nameof(convening.ListDraws), options => convening.ListDrawsAsync(new ListDrawsRequest { CaseId = id }, options));
            LatestDraw = draws?.Draws.FirstOrDefault();
        }
    }
}
