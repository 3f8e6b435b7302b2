using Civic.Contracts.Network.V1;
using Civic.Gateway.Network;
using Civic.Gateway.Ui.Access;
using Civic.Gateway.Ui.Forms;
using Civic.Gateway.Ui.Navigation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Network;

/// <summary>A family's navigators, for the municipality's people. POST, so the reference stays out of addresses and logs.</summary>
[RoleAreaPage(RoleAreaId.NetworkRequests)]
public sealed class NavigatorsModel(NetworkFormCalls formCalls, NavigatorService.NavigatorServiceClient navigators) : PageModel
{
    public const string ReferenceId = "reference";

    [BindProperty]
    public string? Reference { get; set; }

    public FormErrors Errors { get; } = new();

    public Family? Family { get; private set; }

    public TextField ReferenceField => new(ReferenceId, nameof(Reference), NavigatorText.ReferenceLabel.Current, NavigatorText.ReferenceHint.Current, Reference, Errors.For(ReferenceId));

    public void OnGet()
    {
    }

    public async Task OnPostAsync()
    {
        var result = await formCalls.CallAsync(HttpContext, nameof(navigators.GetFamily),
            options => navigators.GetFamilyAsync(new() { Reference = Reference?.Trim() ?? string.Empty }, options), NetworkRequestText.Unavailable);
        Family = result.Response?.Family;
        if (Family is null)
        {
            Errors.Add(ReferenceId, result.Violations.Count > 0 ? result.Violations[0].Message : NavigatorText.NotFound.Current);
        }
    }
}
