using Civic.Hosting.Errors;
using Civic.Hosting.Storage;
using Civic.Panel.Audit;
using Civic.Panel.Cases;
using Microsoft.EntityFrameworkCore;

namespace Civic.Panel.Evaluation;

/// <summary>What a coordinator records as the evaluation.</summary>
public sealed record EvaluationInput(GoalFulfilment? GoalFulfilment, string GoalAssessment, string Involvement, string Process, string Learning);

/// <summary>Records and reads the evaluation of a case's Erkendelse phase.</summary>
public sealed class EvaluationDesk(PanelDbContext db, CaseRegistry cases, AuditLog audit, TimeProvider timeProvider)
{
    public async Task<CaseEvaluation> RecordAsync(string caseId, EvaluationInput input, string recordedBy, CaseScope scope, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations()
            .Required("goal_assessment", input.GoalAssessment, "the assessment against the success criteria", "vurderingen i forhold til succeskriterierne")
            .Required("involvement", input.Involvement, "how the panel was involved", "hvordan panelet blev inddraget")
            .Required("process", input.Process, "how the process went", "hvordan processen gik")
            .Required("learning", input.Learning, "what was learned", "hvad der blev lært");
        foreach (var (field, text) in new[] { ("goal_assessment", input.GoalAssessment), ("involvement", input.Involvement), ("process", input.Process), ("learning", input.Learning) })
        {
            violations.MaxLength(field, text.Trim(), 4000, "the text", "teksten");
        }

        if (input.GoalFulfilment is null)
        {
            violations.Add("goal_fulfilment", "Say whether the goals were met, partly met or not met.", "Angiv, om målene blev nået, delvist nået eller ikke nået.");
        }

        violations.ThrowIfAny();
        var @case = await cases.GetAsync(caseId, scope, cancellationToken);
        if (@case.Phase != CasePhase.Realisation)
        {
            throw new FailedPreconditionException(
                $"The evaluation belongs to the Erkendelse phase; this case is in {@case.Phase}. Move the case on to Erkendelse first.",
                "Evalueringen hører til erkendelsesfasen; sagen er ikke i den fase. Før sagen videre til erkendelse først.");
        }

        var evaluation = await db.Evaluations.SingleOrDefaultAsync(e => e.CaseId == @case.Id, cancellationToken);
        var first = evaluation is null;
        if (evaluation is null)
        {
            evaluation = new CaseEvaluation { CaseId = @case.Id, GoalAssessment = "", Involvement = "", Process = "", Learning = "", RecordedBy = recordedBy };
            db.Evaluations.Add(evaluation);
        }

        evaluation.GoalFulfilment = input.GoalFulfilment!.Value;
        evaluation.GoalAssessment = input.GoalAssessment.Trim();
        evaluation.Involvement = input.Involvement.Trim();
        evaluation.Process = input.Process.Trim();
        evaluation.Learning = input.Learning.Trim();
        evaluation.RecordedBy = recordedBy;
        evaluation.RecordedAt = timeProvider.GetStoredUtcNow();
        audit.Changed(AuditActions.CaseEvaluation, "case", @case.Id, $"The evaluation was {(first ? "recorded" : "revised")}: goals {evaluation.GoalFulfilment}");
        await db.SaveChangesAsync(cancellationToken);
        return evaluation;
    }

    /// <summary>The evaluation, or null before one is recorded.</summary>
    public async Task<CaseEvaluation?> GetAsync(string caseId, CaseScope scope, CancellationToken cancellationToken)
    {
        var @case = await cases.GetAsync(caseId, scope, cancellationToken);
        return await db.Evaluations.AsNoTracking().SingleOrDefaultAsync(e => e.CaseId == @case.Id, cancellationToken);
    }
}
