using Civic.Hosting.Errors;
using Civic.Hosting.Storage;
using Civic.Panel.Audit;
using Civic.Panel.Cases;
using Civic.Panel.Invitations;
using Civic.Panel.Synthesis;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civic.Panel.Feedback;

/// <summary>One panel member's line in the feedback overview: their feedback (or null) and when it is due.</summary>
public sealed record FeedbackLine(string MemberId, MemberFeedback? Feedback, DateTimeOffset? DueAt);

/// <summary>Feedback to every member of a case's panel on what became of their input, and its escalation when overdue.</summary>
public sealed class FeedbackDesk(PanelDbContext db, CaseRegistry cases, CasePanel panel, EscalationMessages messages, AuditLog audit, IOptions<FeedbackOptions> options, TimeProvider timeProvider)
{
    public async Task<FeedbackLine> GiveAsync(string caseId, string memberId, string text, string givenBy, CaseScope scope, CancellationToken cancellationToken)
    {
        new FieldViolations()
            .Required("member_id", memberId, "the member's id", "medlemmets id")
            .Required("text", text, "the feedback", "tilbagemeldingen")
            .MaxLength("text", text.Trim(), 4000, "the feedback", "tilbagemeldingen")
            .ThrowIfAny();
        var @case = await cases.GetAsync(caseId, scope, cancellationToken);
        var synthesis = await FinalSynthesisAsync(@case.Id, cancellationToken)
            ?? throw new FailedPreconditionException(
                "Feedback tells members what became of their input, so it follows the final synthesis; make the synthesis final first.",
                "Tilbagemeldingen fortæller medlemmerne, hvad deres input blev til, så den kommer efter den endelige syntese; gør syntesen endelig først.");
        if (!(await panel.MemberIdsAsync(@case.Id, cancellationToken)).Contains(memberId.Trim(), StringComparer.Ordinal))
        {
            throw new FailedPreconditionException($"'{memberId}' is not a member of this case's panel.", $"'{memberId}' er ikke medlem af sagens panel.");
        }

        if (await db.Feedback.AnyAsync(f => f.CaseId == @case.Id && f.MemberId == memberId.Trim(), cancellationToken))
        {
            throw new AlreadyExistsException("This member has had feedback on the case already.", "Medlemmet har allerede fået en tilbagemelding i sagen.");
        }

        var feedback = new MemberFeedback { CaseId = @case.Id, MemberId = memberId.Trim(), Text = text.Trim(), GivenAt = timeProvider.GetStoredUtcNow(), GivenBy = givenBy };
        db.Feedback.Add(feedback);
        audit.Changed(AuditActions.CaseFeedback, "case", @case.Id, $"Feedback given to member {feedback.MemberId}");
        await db.SaveChangesAsync(cancellationToken);
        return new FeedbackLine(feedback.MemberId, feedback, synthesis.FinalisedAt + options.Value.DueAfter);
    }

    /// <summary>Every panel member of the case with their feedback, and the escalations so far.</summary>
    public async Task<(IReadOnlyList<FeedbackLine> Lines, IReadOnlyList<FeedbackEscalation> Escalations)> ListAsync(string caseId, CaseScope scope, CancellationToken cancellationToken)
    {
        var @case = await cases.GetAsync(caseId, scope, cancellationToken);
        var due = (await FinalSynthesisAsync(@case.Id, cancellationToken))?.FinalisedAt + options.Value.DueAfter;
        var given = await db.Feedback.AsNoTracking().Where(f => f.CaseId == @case.Id).ToListAsync(cancellationToken);
        var lines = (await panel.MemberIdsAsync(@case.Id, cancellationToken))
            .Select(member => new FeedbackLine(member, given.SingleOrDefault(f => f.MemberId == member), due)).ToList();
        var escalations = (await db.FeedbackEscalations.AsNoTracking().Where(e => e.CaseId == @case.Id).ToListAsync(cancellationToken))
            .OrderBy(e => e.EscalatedAt).ThenBy(e => e.Level).ToList();
        return (lines, escalations);
    }

    /// <summary>The member's own feedback, or null.</summary>
    public async Task<MemberFeedback?> ForMemberAsync(PanelInvitation member, CancellationToken cancellationToken) =>
        await db.Feedback.AsNoTracking().SingleOrDefaultAsync(f => f.CaseId == member.CaseId && f.MemberId == member.MemberId, cancellationToken);

    /// <summary>
    /// Escalates cases with members still without feedback: to the coordinator who made the synthesis final
    /// once the feedback is due, then to the head of the owning department, each by e-mail through the outbox in
    /// the same save. Each level once per case (unique per case and level), so a second run (or a retry) adds
    /// nothing. Returns the escalations made.
    /// </summary>
    public async Task<IReadOnlyList<FeedbackEscalation>> EscalateOverdueAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetStoredUtcNow();
        var dueBefore = now - options.Value.DueAfter;
        var finals = await db.Syntheses.AsNoTracking().Where(s => s.Stage == SynthesisStage.Final).ToListAsync(cancellationToken);
        var made = new List<FeedbackEscalation>();
        foreach (var synthesis in finals.Where(s => s.FinalisedAt <= dueBefore))
        {
            var members = await panel.MemberIdsAsync(synthesis.CaseId, cancellationToken);
            var given = await db.Feedback.AsNoTracking().Where(f => f.CaseId == synthesis.CaseId).Select(f => f.MemberId).ToListAsync(cancellationToken);
            var missing = members.Count(m => !given.Contains(m));
            if (missing == 0)
            {
                continue;
            }

            var levels = await db.FeedbackEscalations.AsNoTracking().Where(e => e.CaseId == synthesis.CaseId).Select(e => e.Level).ToListAsync(cancellationToken);
            var @case = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == synthesis.CaseId, cancellationToken);
            var coordinator = synthesis.FinalisedBy ?? string.Empty;
            var due = new List<FeedbackEscalation>();
            if (!levels.Contains(1))
            {
                due.Add(Escalation(synthesis.CaseId, 1, $"coordinator:{coordinator}", missing, now));
            }

            if (!levels.Contains(2) && synthesis.FinalisedAt <= dueBefore - options.Value.DepartmentHeadAfter)
            {
                due.Add(Escalation(synthesis.CaseId, 2, $"department-head:{@case.OwningDepartment}", missing, now));
            }

            foreach (var escalation in due)
            {
                messages.Queue(escalation, @case, coordinator, synthesis.FinalisedAt!.Value);
                audit.Changed(AuditActions.CaseFeedbackEscalate, "case", @case.Id,
                    $"Feedback missing for {MemberCount.Of(missing, "panel member", "panel members")} escalated to {escalation.Recipient} (level {escalation.Level})", AuditActors.System);
            }

            made.AddRange(due);
        }

        db.FeedbackEscalations.AddRange(made);
        await db.SaveChangesAsync(cancellationToken);
        return made;
    }

    private static FeedbackEscalation Escalation(string caseId, int level, string recipient, int missing, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now).ToString(), CaseId = caseId, Level = level, Recipient = recipient, MissingCount = missing, EscalatedAt = now };

    private Task<CaseSynthesis?> FinalSynthesisAsync(string caseId, CancellationToken cancellationToken) =>
        db.Syntheses.AsNoTracking().SingleOrDefaultAsync(s => s.CaseId == caseId && s.Stage == SynthesisStage.Final, cancellationToken);
}
