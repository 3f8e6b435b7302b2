using Civic.Contracts.Common.V1;
using Civic.Contracts.Hotline.V1;
using Civic.Contracts.Panel.V1;
using Civic.Gateway.Pages.Hotline;
using Civic.Gateway.Ui.Access;
using Civic.Gateway.Ui.Data;
using Civic.Gateway.Ui.Forms;
using Civic.Gateway.Ui.Navigation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Panel;

/// <summary>
/// The panel cases the signed-in employee may see (the Panel service decides which), newest first, and the form that
/// opens a new case in Afklaring; the service checks the texts (no CPR numbers) and the department.
/// </summary>
[RoleAreaPage(RoleAreaId.PanelCases)]
public sealed class CasesModel(
    PageServiceCalls calls, CaseService.CaseServiceClient panel, DepartmentLookup departments, TimeProvider timeProvider) : PageModel
{
    public const string TitleId = "new-case-title";
    public const string SummaryId = "new-case-summary";
    public const string DepartmentId = "new-case-department";
    public const string TypeId = "new-case-type";

    private const int PageSize = 100;

    private static readonly Dictionary<string, string> FieldIds = new()
    {
        ["title"] = TitleId, ["summary"] = SummaryId, ["owning_department"] = DepartmentId, ["co_creation_type"] = TypeId,
    };

    /// <summary>The newest cases; null when the Panel service could not be reached or refused.</summary>
    public IReadOnlyList<Case>? Cases { get; private set; }

    /// <summary>The departments a case can belong to; null when the Hotline service (which keeps them) could not be reached.</summary>
    public IReadOnlyList<Department>? Departments { get; private set; }

    /// <summary>A department's name for its code.</summary>
    public Func<string, string> DepartmentName { get; private set; } = code => code;

    public FormErrors Errors { get; } = new();

    [BindProperty]
    public string? CaseTitle { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public string? Department { get; set; }

    [BindProperty]
    public CoCreationType Type { get; set; }

    public static IReadOnlyList<CoCreationType> Types { get; } =
        [CoCreationType.Equal, CoCreationType.Steered, CoCreationType.Facilitating, CoCreationType.Empowering];

    public TextField SummaryField => new(SummaryId, nameof(Summary), PanelText.NewCaseSummary.Current, PanelText.NewCaseSummaryHint.Current, Summary, Errors.For(SummaryId));

    public TextField TitleField => new(TitleId, nameof(CaseTitle), PanelText.NewCaseTitle.Current, PanelText.NewCaseTitleHint.Current, CaseTitle, Errors.For(TitleId));

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var request = new CreateCaseRequest { Title = CaseTitle ?? "", Summary = Summary ?? "", OwningDepartment = Department ?? "", CoCreationType = Type };
        var created = await RpcFormErrors.TryAsync(options => panel.CreateCaseAsync(request, options).ResponseAsync, timeProvider, Errors, FieldIds, TitleId,
            PanelText.NewCaseUnavailable.Current, HttpContext.RequestAborted);
        if (created is not null)
        {
            return Redirect($"/borgerpanelet/sager/{Uri.EscapeDataString(created.Case.Id)}");
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var request = new ListCasesRequest { Page = new PageRequest { PageSize = PageSize } };
        var response = await calls.CallAsync(HttpContext, nameof(panel.ListCases), options => panel.ListCasesAsync(request, options));
        Cases = response?.Cases;
        Departments = await departments.ListAsync(HttpContext);
        DepartmentName = DepartmentLookup.NamesOf(Departments ?? []);
    }
}
