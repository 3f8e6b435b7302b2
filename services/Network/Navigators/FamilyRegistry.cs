using Civic.Hosting.Errors;
using Civic.Hosting.Storage;
using Civic.Network.ResourcePersons;
using Microsoft.EntityFrameworkCore;

namespace Civic.Network.Navigators;

/// <summary>A family and its navigators' names, as shown.</summary>
public sealed record FamilyView(Family Family, string PrimaryName, string SecondaryName);

/// <summary>Registers families, hands them over between navigators, and finds those left without one.</summary>
public sealed class FamilyRegistry(NetworkDbContext db, TimeProvider timeProvider)
{
    public const int MaxDepartmentLength = 100;

    public async Task<FamilyView> RegisterAsync(string reference, string department, string primaryId, string secondaryId, CancellationToken cancellationToken)
    {
        var valid = FamilyRules.ValidReference(reference);
        var violations = new FieldViolations()
            .Required("department", department, "the responsible department", "den ansvarlige forvaltning")
            .MaxLength("department", department.Trim(), MaxDepartmentLength, "the department", "forvaltningen");
        violations.ThrowIfAny();
        var primary = await NavigatorAsync(primaryId, "primary_navigator_id", cancellationToken);
        var secondary = await NavigatorAsync(secondaryId, "secondary_navigator_id", cancellationToken);
        if (await db.Families.AnyAsync(f => f.Reference == valid, cancellationToken))
        {
            throw new AlreadyExistsException($"The family '{valid}' is registered already; hand it over instead.",
                $"Familien '{valid}' er allerede registreret; overdrag den i stedet.");
        }

        var family = new Family
        {
            Reference = valid,
            Department = department.Trim(),
            PrimaryNavigatorId = primary.Id,
            SecondaryNavigatorId = secondary.Id,
            CreatedAt = timeProvider.GetStoredUtcNow(),
        };
        db.Families.Add(family);
        await db.SaveChangesAsync(cancellationToken);
        return new FamilyView(family, primary.DisplayName, secondary.DisplayName);
    }

    public async Task<FamilyView> GetAsync(string reference, CancellationToken cancellationToken) =>
        await ViewAsync(await FindAsync(reference, cancellationToken), cancellationToken);

    /// <summary>Hands the family over to another navigator in the same role; the flag clears once it has two again.</summary>
    public async Task<FamilyView> HandOverAsync(string reference, NavigatorRole role, string newNavigatorId, CancellationToken cancellationToken)
    {
        var family = await FindAsync(reference, cancellationToken);
        var navigator = await NavigatorAsync(newNavigatorId, "new_navigator_id", cancellationToken);
        if (navigator.Id == (role == NavigatorRole.Primary ? family.SecondaryNavigatorId : family.PrimaryNavigatorId))
        {
            throw new FailedPreconditionException("The family's two navigators must be two different people.", "Familiens to navigatører skal være to forskellige personer.");
        }

        if (role == NavigatorRole.Primary)
        {
            family.PrimaryNavigatorId = navigator.Id;
        }
        else
        {
            family.SecondaryNavigatorId = navigator.Id;
        }

        var view = await ViewAsync(family, cancellationToken);
        if (view.PrimaryName.Length > 0 && view.SecondaryName.Length > 0)
        {
            family.FlaggedAt = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        return view;
    }

    public async Task<IReadOnlyList<FamilyView>> UnattendedAsync(CancellationToken cancellationToken)
    {
        var flagged = await db.Families.AsNoTracking().Where(f => f.FlaggedAt != null).OrderBy(f => f.Reference).ToListAsync(cancellationToken);
        var views = new List<FamilyView>();
        foreach (var family in flagged)
        {
            views.Add(await ViewAsync(family, cancellationToken));
        }

        return views;
    }

    /// <summary>
    /// Flags every family whose primary or secondary navigator is missing or has left the network
    /// (profile gone or no longer opted in), and clears the flag of families that have both again.
    /// Idempotent: a family already flagged keeps its first flag time.
    /// </summary>
    public async Task<int> FlagUnattendedAsync(CancellationToken cancellationToken)
    {
        var active = db.ResourcePersons.Where(p => p.OptedIn).Select(p => p.Id);
        var now = timeProvider.GetStoredUtcNow();
        var flagged = await db.Families
            .Where(f => f.FlaggedAt == null && (f.PrimaryNavigatorId == null || f.SecondaryNavigatorId == null
                || !active.Contains(f.PrimaryNavigatorId) || !active.Contains(f.SecondaryNavigatorId)))
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.FlaggedAt, now), cancellationToken);
        await db.Families
            .Where(f => f.FlaggedAt != null && f.PrimaryNavigatorId != null && f.SecondaryNavigatorId != null
                && active.Contains(f.PrimaryNavigatorId) && active.Contains(f.SecondaryNavigatorId))
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.FlaggedAt, (DateTimeOffset?)null), cancellationToken);
        return flagged;
    }

    private async Task<FamilyView> ViewAsync(Family family, CancellationToken cancellationToken)
    {
        var ids = new[] { family.PrimaryNavigatorId, family.SecondaryNavigatorId }.OfType<string>().ToList();
        var names = await db.ResourcePersons.AsNoTracking().Where(p => ids.Contains(p.Id) && p.OptedIn)
            .ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
        return new FamilyView(family,
            family.PrimaryNavigatorId is { } primary ? names.GetValueOrDefault(primary, string.Empty) : string.Empty,
            family.SecondaryNavigatorId is { } secondary ? names.GetValueOrDefault(secondary, string.Empty) : string.Empty);
    }

    private async Task<Family> FindAsync(string reference, CancellationToken cancellationToken)
    {
        var valid = FamilyRules.ValidReference(reference);
        return await db.Families.SingleOrDefaultAsync(f => f.Reference == valid, cancellationToken)
            ?? throw new NotFoundException($"No family has the reference '{valid}'.", $"Der findes ingen familie med referencen '{valid}'.");
    }

    private async Task<ResourcePerson> NavigatorAsync(string id, string field, CancellationToken cancellationToken) =>
        await db.ResourcePersons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.OptedIn, cancellationToken)
        ?? throw new ValidationException(field,
            $"'{id}' is not a resource person in the network. Search the network for the navigator's id.",
            $"'{id}' er ikke en ressourceperson i netværket. Søg i netværket efter navigatørens id.");
}
