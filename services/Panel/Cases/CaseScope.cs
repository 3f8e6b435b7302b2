using Civic.Hosting.Errors;

namespace Civic.Panel.Cases;

/// <summary>Which cases a caller may see and open: those of one department (staff), or all (null).</summary>
public sealed record CaseScope(string? Department)
{
    /// <summary>The paging scope of the case list as this caller sees it: a page token only continues the same view.</summary>
    public string PagingScope => Department is null ? CaseRegistry.ListScope : $"{CaseRegistry.ListScope}:{Department}";

    /// <summary>True when the caller may see cases of <paramref name="owningDepartment"/>.</summary>
    public bool Covers(string owningDepartment) =>
        Department is null || string.Equals(Department, owningDepartment, StringComparison.Ordinal);

    /// <summary>Refuses to open a case for another department (the caller named it, so naming it back reveals nothing).</summary>
    /// <exception cref="PermissionDeniedException">The department is outside the scope.</exception>
    public void Demand(string owningDepartment)
    {
        if (!Covers(owningDepartment))
        {
            throw new PermissionDeniedException(
                $"Staff work with the cases of their own department ('{Department}') only; this case belongs to '{owningDepartment}'. Ask a coordinator.",
                $"Som medarbejder kan du kun arbejde med din egen forvaltnings sager ('{Department}'); denne sag hører til '{owningDepartment}'. Spørg en koordinator.");
        }
    }
}
