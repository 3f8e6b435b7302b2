using System.Globalization;
using Civic.Contracts.Panel.V1;
using Civic.Gateway.Ui.Access;
using Civic.Gateway.Ui.Data;
using Civic.Gateway.Ui.Navigation;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Panel;

/// <summary>The pool's fairness report for coordinators: Gini of participation, share never drawn, "the usual ones", over time.</summary>
[RoleAreaPage(RoleAreaId.PanelCases)]
public sealed class FairnessModel(PageServiceCalls calls, FairnessService.FairnessServiceClient fairness) : PageModel
{
    public GetFairnessReportResponse? Report { get; private set; }

    public async Task OnGetAsync() =>
        Report = await calls.CallAsync(HttpContext, nameof(fairness.GetFairnessReport), options => fairness.GetFairnessReportAsync(new(), options));

    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.CurrentCulture) + " %";

    public static string Number(double value) => value.ToString("0.000", CultureInfo.CurrentCulture);
}
