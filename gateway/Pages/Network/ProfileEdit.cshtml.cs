using System.Globalization;
using Civic.Contracts.Network.V1;
using Civic.Gateway.Network;
using Civic.Gateway.Ui.Access;
using Civic.Gateway.Ui.Data;
using Civic.Gateway.Ui.Forms;
using Civic.Gateway.Ui.Navigation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Network;

/// <summary>
/// Editing a profile: its owner, their manager, a coordinator or an administrator (the service decides,
/// and says so when it refuses). One plain form, so it works without JavaScript; what the service
/// refuses is shown on the field it concerns.
/// </summary>
[RoleAreaPage(RoleAreaId.NetworkRequests, RoleAreaId.NetworkPartner)]
public sealed class ProfileEditModel(
    PageServiceCalls calls,
    NetworkFormCalls formCalls,
    ResourcePersonService.ResourcePersonServiceClient persons,
    TaxonomyService.TaxonomyServiceClient taxonomy) : PageModel
{
    private static readonly StringComparer DanishOrder = StringComparer.Create(CultureInfo.GetCultureInfo("da-DK"), true);

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    [BindProperty]
    public ProfileForm Input { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public ResourcePerson? Person { get; private set; }

    public string? LoadError { get; private set; }

    public FormErrors Errors { get; } = new();

    /// <summary>The taxonomy's broad competences, each with its specialisations (the broad one first), by Danish name.</summary>
    public IReadOnlyList<IReadOnlyList<Competence>> CompetenceGroups { get; private set; } = [];

    public IReadOnlyList<string> ChallengeAreas { get; private set; } = [];

    /// <summary>The municipal service areas (KL Emnesystematik main groups), by code.</summary>
    public IReadOnlyList<MunicipalService> ServiceAreas { get; private set; } = [];

    public TextField DisplayNameField => Field(ProfileForm.DisplayNameId, "Input.DisplayName", ProfileEditText.DisplayNameLabel, null, Input.DisplayName);

    public TextField OrganisationField => Field(ProfileForm.OrganisationId, "Input.Organisation", ProfileEditText.OrganisationLabel, ProfileEditText.OrganisationHint, Input.Organisation);

    public TextField RoleField => Field(ProfileForm.RoleId, "Input.Role", ProfileText.RoleLabel, null, Input.Role);

    public TextField CapacityField => Field(ProfileForm.CapacityId, "Input.Capacity", ProfileEditText.CapacityLabel, ProfileEditText.CapacityHint, Input.Capacity);

    public TextField ManagerField => Field(ProfileForm.ManagerId, "Input.Manager", ProfileEditText.ManagerLabel, ProfileEditText.ManagerHint, Input.Manager);

    public TextField ContactEmailField =>
        Field(ProfileForm.ContactEmailId, "Input.ContactEmail", ProfileEditText.ContactEmailLabel, ProfileEditText.ContactEmailHint, Input.ContactEmail) with { Autocomplete = "email" };

    public TextField ManagerEmailField =>
        Field(ProfileForm.ManagerEmailId, "Input.ManagerEmail", ProfileEditText.ManagerEmailLabel, ProfileEditText.ManagerEmailHint, Input.ManagerEmail);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (Person is not null && LoadError is null)
        {
            Input = ProfileForm.From(Person);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (Person is null || LoadError is not null)
        {
            return Page();
        }

        if (Input.Hours is not { } hours)
        {
            Errors.Add(ProfileForm.CapacityId, ProfileEditText.CapacityNotANumber.Current);
            return Page();
        }

        var request = new UpdateResourcePersonRequest { Id = Id, Profile = Input.ToRequest(Person.Kind, hours) };
        var result = await formCalls.CallAsync(HttpContext, nameof(persons.UpdateResourcePerson), options => persons.UpdateResourcePersonAsync(request, options), ProfileText.Unavailable);
        if (result.Response is not null)
        {
            Done = nameof(ProfileText.Saved);
            return Redirect($"/ressourcenetvaerket/profiler/{Uri.EscapeDataString(Id)}");
        }

        foreach (var (field, message) in result.Violations)
        {
            Errors.Add(ProfileForm.FieldId(field), message);
        }

        if (result.Violations.Count == 0)
        {
            Errors.Add(ProfileForm.DisplayNameId, result.Error ?? ProfileText.Unavailable.Current);
        }

        return Page();
    }

    /// <summary>The profile as it is stored and the vocabularies; false when there is no such profile.</summary>
    private async Task<bool> LoadAsync()
    {
        var result = await formCalls.CallAsync(HttpContext, nameof(persons.GetResourcePerson),
            options => persons.GetResourcePersonAsync(new() { Id = Id }, options), ProfileText.Unavailable);
        Person = result.Response?.ResourcePerson;
        if (Person is null)
        {
            if (result.Error != ProfileText.Unavailable.Current)
            {
                return false;
            }

            LoadError = result.Error;
            return true;
        }

        var vocabulary = await calls.CallAsync(HttpContext, nameof(taxonomy.GetTaxonomy), options => taxonomy.GetTaxonomyAsync(new(), options));
        if (vocabulary is null)
        {
            // Without the vocabularies the form cannot show the profile's competences and services, and saving would drop them.
            LoadError = ProfileText.Unavailable.Current;
            return true;
        }

        var competences = vocabulary.Competences;
        CompetenceGroups = competences.Where(c => c.ParentId.Length == 0)
            .OrderBy(c => c.Name, DanishOrder)
            .Select(broad => (IReadOnlyList<Competence>)[broad, .. competences.Where(c => c.ParentId == broad.Id)])
            .ToList();
        ChallengeAreas = vocabulary.ChallengeAreas;
        ServiceAreas = vocabulary.Services;
        return true;
    }

    private TextField Field(string id, string name, Civic.Gateway.Ui.Localization.LocalText label, Civic.Gateway.Ui.Localization.LocalText? hint, string value) =>
        new(id, name, label.Current, hint?.Current, value, Errors.For(id));
}
