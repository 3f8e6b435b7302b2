using System.Security.Claims;
using Civic.Defaults.Auth;
using Civic.Hosting.Errors;
using Microsoft.EntityFrameworkCore;

namespace Civic.Hotline.Calls;

/// <summary>Which department a caller may work on: a director their own (the token's department code), an administrator any.</summary>
public sealed class DepartmentScope(HotlineDbContext db)
{
    /// <summary>The department id to work on; <paramref name="requested"/> may be empty for a director.</summary>
    public async Task<string> ResolveAsync(ClaimsPrincipal caller, string requested, CancellationToken cancellationToken)
    {
        var requestedId = requested.Trim();
        if (caller.IsInRole(CivicRoles.Admin))
        {
            if (requestedId.Length == 0)
            {
                throw new ValidationException("department_id", "Give the department.", "Angiv forvaltningen.");
            }

            return await db.Departments.AsNoTracking().AnyAsync(d => d.Id == requestedId, cancellationToken)
                ? requestedId
                : throw new NotFoundException($"No department has id '{requestedId}'.", $"Der findes ingen forvaltning med id '{requestedId}'.");
        }

        var own = await OwnAsync(caller, cancellationToken);
        if (own is null)
        {
            throw new PermissionDeniedException("Your sign-in names no department whose director you are.", "Dit login angiver ingen forvaltning, som du er direktør for.");
        }

        if (requestedId.Length > 0 && requestedId != own)
        {
            throw new PermissionDeniedException("You can work only on your own department's calls and ideas.", "Du kan kun arbejde med din egen forvaltnings opkald og idéer.");
        }

        return own;
    }

    /// <summary>
    /// Whose ideas' follow-up flags the caller sees: an administrator every department's, a director (or deputy, who
    /// signs in as the department's director) their own department's, anyone else none.
    /// </summary>
    public async Task<Func<string, bool>> FlagsSeenByAsync(ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        if (caller.IsInRole(CivicRoles.Admin))
        {
            return _ => true;
        }

        var own = caller.IsInRole(CivicRoles.Director) ? await OwnAsync(caller, cancellationToken) : null;
        return departmentId => departmentId == own;
    }

    /// <summary>The id of the department the caller's sign-in names, if any.</summary>
    private async Task<string?> OwnAsync(ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        caller.Department() is { } code
            ? await db.Departments.AsNoTracking().Where(d => d.Code == code).Select(d => d.Id).SingleOrDefaultAsync(cancellationToken)
            : null;
}
