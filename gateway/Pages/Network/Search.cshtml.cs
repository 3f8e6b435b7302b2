using Civic.Contracts.Common.V1;
using Civic.Contracts.Network.V1;
using Civic.Gateway.Ui.Data;
using Civic.Gateway.Ui.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Network;

/// <summary>
/// Search for resource persons. Everyone may search; the Network service shows employees every
/// profile and others only the public ones.
/// </summary>
public sealed class SearchModel(PageServiceCalls calls, ResourcePersonService.ResourcePersonServiceClient network, DepartmentLookup departments) : PageModel
{
    public const string QueryFieldId = "query";
    public const int MinimumQueryLength = 2;
    public const int MaximumQueryLength = 100;
    private const int PageSize = 50;

    [BindProperty]
    public string? Query { get; set; }

    public FormErrors Errors { get; } = new();

    public bool Searched { get; private set; }

    /// <summary>The best matches; null when the Network service could not be reached.</summary>
    public IReadOnlyList<ResourcePerson>? Results { get; private set; }

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
        var request = new SearchResourcePersonsRequest { Query = query, Page = new PageRequest { PageSize = PageSize } };
        var response = await calls.CallAsync(HttpContext, nameof(network.SearchResourcePersons), options => network.SearchResourcePersonsAsync(request, options));
        Results = response?.ResourcePersons;
        if (Results is { Count: > 0 })
        {
            OrganisationName = await departments.NamesAsync(HttpContext);
        }
    }
}
