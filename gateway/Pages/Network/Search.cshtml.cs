using Civic.Contracts.Common.V1;
using Civic.Contracts.Network.V1;
using Civic.Gateway.Ui.Data;
using Civic.Gateway.Ui.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Network;

/// <summary>
/// Search for resource persons. Everyone may search; the Network service shows employees every
/// profile and others only the public ones. The results come with facet counts to narrow them by
/// (ticked boxes, applied filters each with a remove button) and a button to the next page; all of
/// it one posted form, so it works without JavaScript and keeps the words out of the address.
/// </summary>
public sealed class SearchModel(PageServiceCalls calls, ResourcePersonService.ResourcePersonServiceClient network, DepartmentLookup departments) : PageModel
{
    public const string QueryFieldId = "query";
    public const int MinimumQueryLength = 2;
    public const int MaximumQueryLength = 100;
    private const int PageSize = 50;

    [BindProperty]
    public string? Query { get; set; }

    [BindProperty]
    public SearchFilterForm Filters { get; set; } = new();

    /// <summary>The page to show: the token of the page after the last one shown; empty for the first.</summary>
    [BindProperty]
    public string? PageToken { get; set; }

    /// <summary>The <see cref="AppliedFilter.Key"/> of a filter whose remove button was pressed.</summary>
    [BindProperty]
    public string? Remove { get; set; }

    public FormErrors Errors { get; } = new();

    public bool Searched { get; private set; }

    /// <summary>The best matches; null when the Network service could not be reached.</summary>
    public IReadOnlyList<ResourcePerson>? Results { get; private set; }

    /// <summary>How many people match in all (every page).</summary>
    public int TotalSize { get; private set; }

    public string NextPageToken { get; private set; } = string.Empty;

    /// <summary>The facets of the matches, by name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets { get; private set; } = new Dictionary<string, IReadOnlyList<FacetValue>>();

    public IReadOnlyList<AppliedFilter> AppliedFilters => Filters.Applied(Label);

    /// <summary>A department's name for its code; an organisation's name stays as it is.</summary>
    public Func<string, string> OrganisationName { get; private set; } = organisation => organisation;

    /// <summary>Employees may ask a person for help from the results.</summary>
    public bool CanRequest => Civic.Defaults.Auth.CivicRoles.Employees.Any(User.IsInRole);

    public TextField QueryField => new(QueryFieldId, nameof(Query), NetworkSearchText.QueryLabel.Current, NetworkSearchText.QueryHint.Current, Query, Errors.For(QueryFieldId));

    public void OnGet()
    {
    }

    public async Task OnPostAsync()
    {
        var query = Query?.Trim() ?? string.Empty;
        if (query.Length < MinimumQueryLength)
        {
            Errors.Add(QueryFieldId, NetworkSearchText.QueryTooShort.Current);
            return;
        }

        if (query.Length > MaximumQueryLength)
        {
            Errors.Add(QueryFieldId, NetworkSearchText.QueryTooLong.Current);
            return;
        }

        Searched = true;
        if (Remove is not null)
        {
            // A changed filter starts the results over: a page token only continues the search it came from.
            Filters.Remove(Remove);
            PageToken = null;
        }

        var request = new SearchResourcePersonsRequest { Query = query, Page = new PageRequest { PageSize = PageSize, PageToken = PageToken ?? string.Empty } };
        Filters.ApplyTo(request);
        var response = await calls.CallAsync(HttpContext, nameof(network.SearchResourcePersons), options => network.SearchResourcePersonsAsync(request, options));
        Results = response?.ResourcePersons;
        if (response is null)
        {
            return;
        }

        TotalSize = response.Page.TotalSize;
        NextPageToken = response.Page.NextPageToken;
        Facets = response.Facets.ToDictionary(f => f.Name, f => (IReadOnlyList<FacetValue>)f.Values, StringComparer.Ordinal);
        if (response.ResourcePersons.Count > 0 || Filters.Organisations.Count > 0)
        {
            OrganisationName = await departments.NamesAsync(HttpContext);
        }
    }

    /// <summary>A facet value in the reader's language: a department's name, a language's name, the service's Danish label otherwise.</summary>
    public string Label(string facet, string value) => facet switch
    {
        SearchFilterForm.Organisation => OrganisationName(value),
        SearchFilterForm.Language => NetworkSearchText.LanguageName(value).Current,
        SearchFilterForm.AvailableHours => NetworkSearchText.MinHoursValue.Format(value),
        _ => Facets.GetValueOrDefault(facet)?.FirstOrDefault(v => v.Value == value)?.Label ?? value,
    };
}
