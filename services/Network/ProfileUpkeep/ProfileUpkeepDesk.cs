using Civic.Hosting.Errors;
using Civic.Hosting.Paging;
using Civic.Hosting.Storage;
using Civic.Network.Notifications;
using Civic.Network.ResourcePersons;
using Microsoft.EntityFrameworkCore;

namespace Civic.Network.ProfileUpkeep;

/// <summary>Keeps profiles accurate: confirmations, the job's requests for them, and reports of inaccurate profiles.</summary>
public sealed class ProfileUpkeepDesk(NetworkDbContext db, NetworkMessages messages, TimeProvider timeProvider)
{
    /// <summary>Marks the profile as confirmed now; only its owner, their manager, a coordinator or an administrator may.</summary>
    public async Task<ResourcePerson> ConfirmAsync(string id, NetworkCaller caller, CancellationToken cancellationToken)
    {
        var person = await FindAsync(id, "id", cancellationToken);
        if (!caller.IsCoordinatorOrAdmin && caller.UserId != person.OwnerId && caller.UserId != person.ManagerId)
        {
            throw new PermissionDeniedException(
                "Only the person, their manager, a network coordinator or an administrator may confirm this profile.",
                "Kun personen selv, personens leder, en netværkskoordinator eller en administrator må bekræfte profilen.");
        }

        person.ConfirmedAt = timeProvider.GetStoredUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return person;
    }

    /// <summary>
    /// Asks the owners of profiles not confirmed for <see cref="ProfileUpkeepRules.ConfirmEveryMonths"/> months
    /// to confirm them, once per lapse, by e-mail to the profile's contact address: a conditional update per profile with
    /// its message in the same transaction, so a second run the same day asks no one again.
    /// </summary>
    /// <returns>How many profiles were asked.</returns>
    public async Task<int> RequestConfirmationsAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetStoredUtcNow();
        var dueBefore = ProfileUpkeepRules.DueBefore(now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.ResourcePersons.AsNoTracking()
            .Where(p => p.ConfirmedAt < dueBefore && (p.ConfirmationRequestedAt == null || p.ConfirmationRequestedAt < p.ConfirmedAt))
            .ToListAsync(cancellationToken);
        var asked = 0;
        foreach (var person in due)
        {
            // Only if still unconfirmed: an owner who confirmed meanwhile is not asked.
            var changed = await db.ResourcePersons
                .Where(p => p.Id == person.Id && p.ConfirmedAt == person.ConfirmedAt && p.ConfirmationRequestedAt == person.ConfirmationRequestedAt)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.ConfirmationRequestedAt, now), cancellationToken);
            if (changed == 1)
            {
                messages.ConfirmProfile(person, now);
                asked++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return asked;
    }

    /// <summary>
    /// Stores a report that a profile is inaccurate. Anyone who can see the profile may report it; a profile the caller
    /// may not see (<see cref="ResourcePersonDirectory.SeenByAsync"/>) is NOT_FOUND, as for GetResourcePerson.
    /// </summary>
    public async Task<ProfileReport> ReportAsync(string personId, string reason, NetworkCaller caller, CancellationToken cancellationToken)
    {
        var valid = ProfileUpkeepRules.ValidReason(reason);
        var person = await FindAsync(personId, "person_id", cancellationToken);
        if (await ResourcePersonDirectory.SeenByAsync(db, person, caller, cancellationToken) is null)
        {
            throw NotFound(personId);
        }

        var now = timeProvider.GetStoredUtcNow();
        var report = new ProfileReport
        {
            Id = Guid.CreateVersion7(now).ToString(),
            PersonId = person.Id,
            PersonName = person.DisplayName,
            OwnerId = person.OwnerId,
            Reason = valid,
            ReporterId = caller.UserId,
            ReporterName = caller.Name,
            Status = ProfileReportStatus.Open,
            CreatedAt = now,
        };
        db.ProfileReports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }

    /// <summary>The reports the caller resolves, open first, newest first: on their own profiles, or every report for a coordinator or an administrator.</summary>
    public async Task<Page<ProfileReport>> ListAsync(NetworkCaller caller, bool includeResolved, PageQuery page, CancellationToken cancellationToken)
    {
        var reports = Visible(caller);
        if (!includeResolved)
        {
            reports = reports.Where(r => r.Status == ProfileReportStatus.Open);
        }

        var fetched = await reports
            .OrderBy(r => r.Status == ProfileReportStatus.Open ? 0 : 1)
            .ThenByDescending(r => r.CreatedAt)
            .ThenBy(r => r.Id)
            .Skip(page.Offset).Take(page.FetchCount)
            .ToListAsync(cancellationToken);
        return page.ToPage(fetched);
    }

    /// <summary>Resolves an open report with what was done.</summary>
    /// <exception cref="FailedPreconditionException">The report is resolved already.</exception>
    public async Task<ProfileReport> ResolveAsync(string id, string resolution, NetworkCaller caller, CancellationToken cancellationToken)
    {
        var valid = ProfileUpkeepRules.ValidResolution(resolution);
        new FieldViolations().Required("id", id, "the report's id", "indberetningens id").ThrowIfAny();

        var report = await db.ProfileReports.SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new NotFoundException($"No report has id '{id}'. List the profile reports to find the right id.",
                $"Der findes ingen indberetning med id '{id}'. Se listen over indberetninger for at finde det rigtige id.");
        if (!caller.IsCoordinatorOrAdmin && (caller.UserId.Length == 0 || caller.UserId != report.OwnerId))
        {
            throw new PermissionDeniedException("Only the profile's owner, a network coordinator or an administrator may resolve this report.",
                "Kun profilens ejer, en netværkskoordinator eller en administrator må afslutte indberetningen.");
        }

        if (report.Status == ProfileReportStatus.Resolved)
        {
            throw new FailedPreconditionException($"The report was resolved already: {report.Resolution}",
                $"Indberetningen er allerede afsluttet: {report.Resolution}");
        }

        report.Status = ProfileReportStatus.Resolved;
        report.Resolution = valid;
        report.ResolvedBy = caller.UserId;
        report.ResolvedAt = timeProvider.GetStoredUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }

    private IQueryable<ProfileReport> Visible(NetworkCaller caller)
    {
        var reports = db.ProfileReports.AsNoTracking();
        if (caller.IsCoordinatorOrAdmin)
        {
            return reports;
        }

        var owner = caller.UserId;
        return owner.Length == 0 ? reports.Where(_ => false) : reports.Where(r => r.OwnerId == owner);
    }

    private async Task<ResourcePerson> FindAsync(string id, string field, CancellationToken cancellationToken)
    {
        new FieldViolations().Required(field, id, "the resource person's id", "ressourcepersonens id").ThrowIfAny();
        return await db.ResourcePersons.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw NotFound(id);
    }

    private static NotFoundException NotFound(string id) => new(
        $"No resource person has id '{id}'. Search the resource persons to find the right id.",
        $"Der findes ingen ressourceperson med id '{id}'. Søg blandt ressourcepersonerne for at finde det rigtige id.");
}
