using Civic.Hosting.Errors;
using Civic.Hosting.Paging;
using Civic.Hosting.Storage;
using Civic.Panel.Audit;
using Microsoft.EntityFrameworkCore;

namespace Civic.Panel.Cases;

/// <summary>Opens, finds and lists cases; every read and change goes to the audit log.</summary>
public sealed class CaseRegistry(PanelDbContext db, AuditLog audit, TimeProvider timeProvider)
{
    /// <summary>The paging scope of the case list.</summary>
    public const string ListScope = "panel.cases";

    /// <summary>Opens a case; every new case starts in the Afklaring (clarification) phase.</summary>
    public async Task<Case> CreateAsync(NewCase request, CaseEmployee openedBy, CaseScope scope, CancellationToken cancellationToken)
    {
        var valid = CaseRules.Validate(request);
        scope.Demand(valid.OwningDepartment);
        var now = timeProvider.GetStoredUtcNow();
        var @case = new Case
        {
            Id = Guid.CreateVersion7(now).ToString(),
            Title = valid.Title,
            Summary = valid.Summary,
            OwningDepartment = valid.OwningDepartment,
            CoCreationType = valid.CoCreationType,
            Phase = CasePhase.Clarification,
            CreatedAt = now,
            CoordinatorName = openedBy.Name,
            CoordinatorSubject = openedBy.Subject,
        };
        db.Cases.Add(@case);
        audit.Changed(AuditActions.CaseCreate, "case", @case.Id, "A case was opened");
        await db.SaveChangesAsync(cancellationToken);
        return @case;
    }

    public async Task<Case> GetAsync(string id, CaseScope scope, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ValidationException("id", "The case id is required.", "Sagens id skal udfyldes.");
        }

        var found = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

        // A case outside the caller's scope answers exactly as a case that does not exist: refusing
        // it would tell a staff member that the id is real, and naming its department, whose it is.
        if (found is not null && scope.Covers(found.OwningDepartment))
        {
            await audit.ReadAsync(AuditActions.CaseRead, "case", found.Id, "Case work", cancellationToken);
            return found;
        }

        throw new NotFoundException(
                $"No case has id '{id}'. List the cases to find the right id.",
                $"Der findes ingen sag med id '{id}'. Se listen over sager for at finde det rigtige id.");
    }

    public async Task<Case> SetScopeOfInfluenceAsync(string id, string scope, CaseScope callerScope, CancellationToken cancellationToken)
    {
        var valid = CasePhaseRules.ValidateScope(scope);
        var @case = await GetTrackedAsync(id, callerScope, cancellationToken);
        @case.ScopeOfInfluence = valid;
        audit.Changed(AuditActions.CaseScopeOfInfluence, "case", @case.Id, "The scope of influence was set");
        await db.SaveChangesAsync(cancellationToken);
        return @case;
    }

    /// <summary>Replaces the case's brief; the audit entry names the parts that changed.</summary>
    public async Task<Case> UpdateBriefAsync(string id, CaseBrief brief, CaseScope scope, CancellationToken cancellationToken)
    {
        var valid = CaseBriefRules.Validate(brief);
        var @case = await GetTrackedAsync(id, scope, cancellationToken);
        var changed = new[]
        {
            ("purpose", @case.Purpose != valid.Purpose),
            ("success criteria", !@case.SuccessCriteria.SequenceEqual(valid.SuccessCriteria)),
            ("stakeholders", !@case.Stakeholders.SequenceEqual(valid.Stakeholders)),
            ("panel questions", !@case.PanelQuestions.SequenceEqual(valid.PanelQuestions)),
        }.Where(part => part.Item2).Select(part => part.Item1).ToList();
        @case.Apply(valid);
        audit.Changed(AuditActions.CaseBrief, "case", @case.Id,
            changed.Count == 0 ? "The brief was saved unchanged" : $"The brief was changed: {string.Join(", ", changed)}");
        await db.SaveChangesAsync(cancellationToken);
        return @case;
    }

    /// <summary>Makes <paramref name="employee"/> the case's coordinator; the audit entry keeps from whom and why.</summary>
    public async Task<Case> TakeOverAsync(string id, string reason, CaseEmployee employee, CaseScope scope, CancellationToken cancellationToken)
    {
        var @case = await GetTrackedAsync(id, scope, cancellationToken);
        var validReason = CaseRules.ValidateTakeOver(@case, employee, reason);
        var previous = @case.CoordinatorName.Length == 0 ? "no coordinator" : $"{@case.CoordinatorName} ({@case.CoordinatorSubject})";
        @case.CoordinatorName = employee.Name;
        @case.CoordinatorSubject = employee.Subject;
        audit.Changed(AuditActions.CaseCoordinator, "case", @case.Id, $"Taken over from {previous}: {validReason}");
        await db.SaveChangesAsync(cancellationToken);
        return @case;
    }

    /// <summary>Moves the case one phase on and logs who did it and why.</summary>
    public async Task<Case> ChangePhaseAsync(string id, CasePhase to, string reason, CaseEmployee changedBy, CaseScope scope, CancellationToken cancellationToken)
    {
        var @case = await GetTrackedAsync(id, scope, cancellationToken);
        var validReason = CasePhaseRules.ValidateTransition(@case, to, reason);
        var now = timeProvider.GetStoredUtcNow();
        db.CasePhaseTransitions.Add(new CasePhaseTransition
        {
            Id = Guid.CreateVersion7(now).ToString(),
            CaseId = @case.Id,
            FromPhase = @case.Phase,
            ToPhase = to,
            ChangedBy = changedBy.Subject,
            ChangedByName = changedBy.Name,
            Reason = validReason,
            ChangedAt = now,
        });
        @case.Phase = to;
        audit.Changed(AuditActions.CasePhase, "case", @case.Id, $"{@case.Phase}: {validReason}");
        await db.SaveChangesAsync(cancellationToken);
        return @case;
    }

    public async Task<IReadOnlyList<CasePhaseTransition>> ListTransitionsAsync(string id, CaseScope scope, CancellationToken cancellationToken)
    {
        var @case = await GetAsync(id, scope, cancellationToken);
        return await db.CasePhaseTransitions.AsNoTracking().Where(t => t.CaseId == @case.Id)
            .OrderBy(t => t.ChangedAt).ThenBy(t => t.Id).ToListAsync(cancellationToken);
    }

    private async Task<Case> GetTrackedAsync(string id, CaseScope scope, CancellationToken cancellationToken)
    {
        var found = await GetAsync(id, scope, cancellationToken);
        return await db.Cases.SingleAsync(c => c.Id == found.Id, cancellationToken);
    }

    /// <summary>One page of the cases in <paramref name="scope"/>, newest first.</summary>
    public async Task<Page<Case>> ListAsync(PageQuery page, CaseScope scope, CancellationToken cancellationToken)
    {
        var visible = scope.Department is { } department
            ? db.Cases.AsNoTracking().Where(c => c.OwningDepartment == department)
            : db.Cases.AsNoTracking();
        var fetched = await visible
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Skip(page.Offset).Take(page.FetchCount)
            .ToListAsync(cancellationToken);
        var total = await visible.CountAsync(cancellationToken);
        await audit.ReadAsync(AuditActions.CaseList, "case", "*", "Case list", cancellationToken);
        return page.ToPage(fetched, total);
    }
}
