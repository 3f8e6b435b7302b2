using System.Globalization;
using Civic.Contracts.Common.V1;
using Civic.Contracts.Network.V1;
using Civic.Gateway.Network;
using Civic.Gateway.Ui.Access;
using Civic.Gateway.Ui.Data;
using Civic.Gateway.Ui.Forms;
using Civic.Gateway.Ui.Navigation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Network;

/// <summary>The request form: of a named person (from the search) or to the coordinators' queue.</summary>
[RoleAreaPage(RoleAreaId.NetworkRequests, RoleAreaId.NetworkPartner)]
public sealed class RequestModel(
    PageServiceCalls calls,
    NetworkFormCalls formCalls,
    ResourcePersonService.ResourcePersonServiceClient persons,
    HelpRequestService.HelpRequestServiceClient requests,
    TaxonomyService.TaxonomyServiceClient taxonomy) : PageModel
{
    public const string NeedId = "need";
    public const string CompetenceId = "competence";
    public const string StartId = "start-date";
    public const string EndId = "end-date";
    public const string HoursId = "hours";

    [BindProperty(SupportsGet = true)]
    public string? Person { get; set; }

    [BindProperty]
    public string? Need { get; set; }

    [BindProperty]
    public string? Competence { get; set; }

    [BindProperty]
    public string? Start { get; set; }

    [BindProperty]
    public string? End { get; set; }

    [BindProperty]
    public string? Hours { get; set; }

    [BindProperty]
    public string? Language { get; set; }

    public FormErrors Errors { get; } = new();

    public string? PersonName { get; private set; }

    public IReadOnlyList<Competence> Competences { get; private set; } = [];

    public string? ServiceError { get; private set; }

    public TextField StartField => new(StartId, nameof(Start), NetworkRequestText.StartLabel.Current, NetworkRequestText.DateHint.Current, Start, Errors.For(StartId));

    public TextField EndField => new(EndId, nameof(End), NetworkRequestText.EndLabel.Current, NetworkRequestText.DateHint.Current, End, Errors.For(EndId));

    public TextField HoursField => new(HoursId, nameof(Hours), NetworkRequestText.HoursLabel.Current, null, Hours, Errors.For(HoursId));

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var request = new CreateHelpRequestRequest { Need = Need?.Trim() ?? string.Empty, PersonId = Person ?? string.Empty };
        if (request.Need.Length == 0)
        {
            Errors.Add(NeedId, NetworkRequestText.NeedMissing.Current);
        }

        if (!string.IsNullOrEmpty(Competence))
        {
            request.CompetenceIds.Add(Competence);
        }

        request.StartDate = ParseDate(Start, StartId);
        request.EndDate = string.IsNullOrWhiteSpace(End) ? request.StartDate : ParseDate(End, EndId);
        if (int.TryParse(Hours, NumberStyles.Integer, CultureInfo.InvariantCulture, out var hours))
        {
            request.Hours = hours;
        }
        else
        {
            Errors.Add(HoursId, NetworkRequestText.HoursInvalid.Current);
        }

        request.Language = Language switch
        {
            "en" => Civic.Contracts.Common.V1.Language.English,
            "other" => Civic.Contracts.Common.V1.Language.Other,
            _ => Civic.Contracts.Common.V1.Language.Danish,
        };
        if (Errors.Any)
        {
            return Page();
        }

        var result = await formCalls.CallAsync(HttpContext, nameof(requests.CreateHelpRequest), options => requests.CreateHelpRequestAsync(request, options), NetworkRequestText.Unavailable);
        if (result.Response is not null)
        {
            return Redirect("/ressourcenetvaerket/anmodninger?besked=oprettet");
        }

        foreach (var (field, message) in result.Violations)
        {
            Errors.Add(FieldId(field), message);
        }

        if (result.Violations.Count == 0)
        {
            ServiceError = result.Error;
        }

        return Page();
    }

    private static string FieldId(string field) => field switch
    {
        "start_date" => StartId,
        "end_date" => EndId,
        "hours" => HoursId,
        _ when field.StartsWith("competence_ids", StringComparison.Ordinal) => CompetenceId,
        _ => NeedId,
    };

    private LocalDate? ParseDate(string? text, string fieldId)
    {
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new LocalDate { Year = date.Year, Month = date.Month, Day = date.Day };
        }

        Errors.Add(fieldId, NetworkRequestText.DateInvalid.Current);
        return null;
    }

    private async Task LoadAsync()
    {
        var vocabulary = await calls.CallAsync(HttpContext, nameof(taxonomy.GetTaxonomy), options => taxonomy.GetTaxonomyAsync(new(), options));
        Competences = vocabulary?.Competences.Where(c => c.ParentId.Length == 0).OrderBy(c => c.Name, StringComparer.Create(CultureInfo.GetCultureInfo("da-DK"), true)).ToList() ?? [];
        if (!string.IsNullOrEmpty(Person))
        {
            var found = await calls.CallAsync(HttpContext, nameof(persons.GetResourcePerson), options => persons.GetResourcePersonAsync(new() { Id = Person }, options));
            PersonName = found?.ResourcePerson.DisplayName;
            if (PersonName is null)
            {
                Person = null;
            }
        }
    }
}
