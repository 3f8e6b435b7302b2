using Civic.Contracts.Network.V1;
using Civic.Defaults.Auth;
using Civic.Gateway.Network;
using Civic.Gateway.Ui.Data;
using Civic.Gateway.Ui.Forms;
using Civic.Gateway.Ui.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Network;

/// <summary>
/// One resource person's profile, as the Network service shows it to the caller (outsiders see public
/// profiles' shared fields only). Anyone may report it as inaccurate; its owner, manager or a
/// coordinator may confirm it. Both are plain forms, so they work without JavaScript.
/// </summary>
public sealed class ProfileModel(
    NetworkFormCalls formCalls,
    ResourcePersonService.ResourcePersonServiceClient persons,
    ProfileUpkeepService.ProfileUpkeepServiceClient upkeep,
    DepartmentLookup departments) : PageModel
{
    public const string ReasonId = "reason";

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    [BindProperty]
    public string? Reason { get; set; }

    [TempData]
    public string? Done { get; set; }

    public ResourcePerson? Person { get; private set; }

    public string? LoadError { get; private set; }

    public FormErrors Errors { get; } = new();

    public Func<string, string> OrganisationName { get; private set; } = organisation => organisation;

    /// <summary>Confirming and editing are shown to whoever the service lets do them: the owner, the manager, a coordinator or an administrator.</summary>
    public bool CanMaintain
    {
        get
        {
            var user = User.FindFirst(CivicClaims.Subject)?.Value;
            return Person is { } person && !string.IsNullOrEmpty(user)
                && (user == person.OwnerId || user == person.ManagerId || User.IsInRole(CivicRoles.Coordinator) || User.IsInRole(CivicRoles.Admin));
        }
    }

    /// <summary>What the last form did, after its redirect.</summary>
    public LocalText? DoneText => Done switch
    {
        nameof(ProfileText.Reported) => ProfileText.Reported,
        nameof(ProfileText.Confirmed) => ProfileText.Confirmed,
        nameof(ProfileText.Saved) => ProfileText.Saved,
        _ => null,
    };

    public async Task<IActionResult> OnGetAsync() => await PageOrNotFoundAsync();

    public async Task<IActionResult> OnPostReportAsync()
    {
        var result = await formCalls.CallAsync(HttpContext, nameof(upkeep.ReportResourcePerson),
            options => upkeep.ReportResourcePersonAsync(new() { PersonId = Id, Reason = Reason ?? string.Empty }, options), ProfileText.Unavailable);
        if (result.Response is not null)
        {
            Done = nameof(ProfileText.Reported);
            return RedirectToPage(new { Id });
        }

        Errors.Add(ReasonId, result.Violations.Count > 0 ? result.Violations[0].Message : result.Error ?? ProfileText.Unavailable.Current);
        return await PageOrNotFoundAsync();
    }

    public async Task<IActionResult> OnPostConfirmAsync()
    {
        var result = await formCalls.CallAsync(HttpContext, nameof(upkeep.ConfirmResourcePerson),
            options => upkeep.ConfirmResourcePersonAsync(new() { Id = Id }, options), ProfileText.Unavailable);
        if (result.Response is not null)
        {
            Done = nameof(ProfileText.Confirmed);
            return RedirectToPage(new { Id });
        }

        LoadError = result.Error;
        return await PageOrNotFoundAsync();
    }

    private async Task<IActionResult> PageOrNotFoundAsync()
    {
        var result = await formCalls.CallAsync(HttpContext, nameof(persons.GetResourcePerson),
            options => persons.GetResourcePersonAsync(new() { Id = Id }, options), ProfileText.Unavailable);
        Person = result.Response?.ResourcePerson;
        if (Person is null)
        {
            if (result.Error != ProfileText.Unavailable.Current)
            {
                return NotFound();
            }

            LoadError = result.Error;
        }
        else
        {
            OrganisationName = await departments.NamesAsync(HttpContext);
        }

        return Page();
    }
}
