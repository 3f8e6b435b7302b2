using Civic.Hosting.Errors;

namespace Civic.Panel.Cases;

/// <summary>Which cases a caller may see and open: those of one department (staff), or all (null).</summary>
public sealed record CaseScope(string? Department)
{
    /// <summary>The paging scope of the case list as this caller sees it: a page token only continues the same view.</summary>
    public string PagingScope => Department is null ? CaseRegistry.ListScope : $"{CaseRegistry.ListScope}:{Department}";

    /// <summary>Refuses a case of another department.</summary>
    /// <exception cref="PermissionDeniedException">The case belongs to a department outside the scope.</exception>
    public void Demand(string owningDepartment)
    {
        if (Department is not null && !string.Equals(Department, owningDepartment, StringComparison.Ordinal))
        {
            throw new PermissionDeniedException(
                $"Staff work with the cases of their own department ('{Department}') only; this case belongs to '{owningDepartment}'. Ask a coordinator.",
                $"Som medarbejder kan du kun arbejde med din egen forvaltnings sager ('{Department}'); denne sag hører til '{owningDepartment}'. Spørg en koordinator.");
        }
    }
}
