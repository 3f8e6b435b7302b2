using Civic.Contracts.Common.V1;
using Civic.Contracts.Hotline.V1;
using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Ui.Data;

/// <summary>The Hotline's departments as pages need them: the list by name, and names for department codes.</summary>
public sealed class DepartmentLookup(PageServiceCalls calls, DepartmentService.DepartmentServiceClient hotline)
{
    // Municipalities have a handful of departments; one page of the largest size holds them all.
    private const int AllDepartments = 500;

    /// <summary>Every department by name; null when the Hotline service could not be reached.</summary>
    public async Task<IReadOnlyList<Department>?> ListAsync(HttpContext context)
    {
        var request = new ListDepartmentsRequest { Page = new PageRequest { PageSize = AllDepartments } };
        var response = await calls.CallAsync(context, nameof(hotline.ListDepartments), options => hotline.ListDepartmentsAsync(request, options));
        return response?.Departments;
    }

    /// <summary>
    /// A function from department code to the department's name in the reader's language; a code it
    /// does not know (or every code, when the service is down) is shown as it is.
    /// </summary>
    public async Task<Func<string, string>> NamesAsync(HttpContext context) => NamesOf(await ListAsync(context) ?? []);

    /// <summary>The same function over departments a page has already fetched.</summary>
    public static Func<string, string> NamesOf(IEnumerable<Department> departments)
    {
        var names = departments.ToDictionary(d => d.Code, d => ContractTexts.Pick(d.Name), StringComparer.Ordinal);
        return code => names.TryGetValue(code, out var name) ? name : code;
    }
}
