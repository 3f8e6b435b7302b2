using Civic.Contracts.Network.V1;
using Civic.Gateway.Network;
using Civic.Gateway.Ui.Access;
using Civic.Gateway.Ui.Forms;
using Civic.Gateway.Ui.Navigation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Network;

/// <summary>The open reports on the signed-in employee's profiles (a coordinator's: all), each resolved with a plain form.</summary>
[RoleAreaPage(RoleAreaId.NetworkRequests, RoleAreaId.NetworkPartner)]
public sealed class ReportsModel(NetworkFormCalls formCalls, ProfileUpkeepService.ProfileUpkeepServiceClient upkeep) : PageModel
{
    public const string ResolutionId = "resolution";

    [BindProperty]
    public string? ReportId { get; set; }

    [BindProperty]
    public string? Resolution { get; set; }

    [TempData]
    public bool JustResolved { get; set; }

    public IReadOnlyList<ProfileReport>? Reports { get; private set; }

    public string? LoadError { get; private set; }

    public FormErrors Errors { get; } = new();

    /// <summary>The field id of one report's resolution, so each form's label and error belong to it.</summary>
    public static string ResolutionFieldId(string reportId) => $"{ResolutionId}-{reportId}";

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await formCalls.CallAsync(HttpContext, nameof(upkeep.ResolveProfileReport),
            options => upkeep.ResolveProfileReportAsync(new() { Id = ReportId ?? string.Empty, Resolution = Resolution ?? string.Empty }, options), ProfileText.Unavailable);
        if (result.Response is not null)
        {
            JustResolved = true;
            return RedirectToPage();
        }

        Errors.Add(ResolutionFieldId(ReportId ?? string.Empty), result.Violations.Count > 0 ? result.Violations[0].Message : result.Error ?? ProfileText.Unavailable.Current);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var result = await formCalls.CallAsync(HttpContext, nameof(upkeep.ListProfileReports),
            options => upkeep.ListProfileReportsAsync(new(), options), ProfileText.Unavailable);
        Reports = result.Response?.Reports;
        LoadError = result.Response is null ? result.Error : null;
    }
}
