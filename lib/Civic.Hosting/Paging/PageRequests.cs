using Civic.Contracts.Common.V1;
using Civic.Hosting.Errors;

namespace Civic.Hosting.Paging;

/// <summary>
/// Reads a civic.common.v1.PageRequest: page size 0 means <see cref="DefaultPageSize"/>, larger than
/// <see cref="MaxPageSize"/> is reduced to it, negative is refused; a page token must be one this
/// list handed out. Wrong values become a <see cref="ValidationException"/> (INVALID_ARGUMENT).
/// </summary>
public static class PageRequests
{
    /// <summary>The page size when the request gives none.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The largest page a list returns.</summary>
    public const int MaxPageSize = 500;

    /// <summary>Reads <paramref name="request"/> (the request's <c>page</c> field) for the list named <paramref name="scope"/>.</summary>
    /// <param name="request">The request's page field; null asks for the first page of the default size.</param>
    /// <param name="scope">Names the list and its filter, e.g. "hotline.departments" or "network.search:" + query.</param>
    /// <param name="field">The page field's name in the request, for error messages.</param>
    public static PageQuery Read(PageRequest? request, string scope, string field = "page")
    {
        var violations = new FieldViolations();
        var size = request?.PageSize ?? 0;
        if (size < 0)
        {
            violations.Add($"{field}.page_size", $"The page size must be between 0 and {MaxPageSize}; 0 means {DefaultPageSize}.",
                $"Sidestørrelsen skal være mellem 0 og {MaxPageSize}; 0 betyder {DefaultPageSize}.");
        }

        var offset = 0;
        var token = request?.PageToken ?? string.Empty;
        if (token.Length > 0 && !PageToken.TryDecode(token, scope, out offset))
        {
            violations.Add($"{field}.page_token",
                "The page token is not valid for this list. Pass the next_page_token of the previous page unchanged, or leave it empty for the first page.",
                "Sidemarkøren passer ikke til denne liste. Brug next_page_token fra den forrige side uændret, eller lad feltet være tomt for at få den første side.");
        }

        violations.ThrowIfAny();
        var resolved = size == 0 ? DefaultPageSize : Math.Min(size, MaxPageSize);
        return new PageQuery(offset, resolved, scope);
    }
}
