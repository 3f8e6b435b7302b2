using Civic.Hosting.Errors;

namespace Civic.Panel.Cases;

/// <summary>
/// The phase model: Afklaring → Planlægning → Udførelse → Erkendelse → closed, one step at a time, with
/// the <see cref="CaseChecklist"/> of each step done before a case moves on or a panel is convened.
/// </summary>
public static class CasePhaseRules
{
    public const int MaxScopeLength = 4000;
    public const int MaxReasonLength = 1000;

    /// <summary>The google.rpc.PreconditionFailure type of a missing checklist item.</summary>
    public const string ChecklistType = "CASE_CHECKLIST";

    /// <summary>Throws unless <paramref name="to"/> is the phase right after the case's, with a reason, and the checklist is done.</summary>
    public static string ValidateTransition(Case @case, CasePhase to, string reason)
    {
        new FieldViolations()
            .Required("reason", reason, "the reason for the change", "begrundelsen for skiftet")
            .MaxLength("reason", reason.Trim(), MaxReasonLength, "the reason", "begrundelsen")
            .ThrowIfAny();
        if (@case.Phase == CasePhase.Closed || to != @case.Phase + 1)
        {
            throw new FailedPreconditionException(
                $"The case is in phase {@case.Phase} and can only move to the next phase{(@case.Phase == CasePhase.Closed ? " (none: it is closed)" : $", {@case.Phase + 1}")}; phases cannot be skipped or undone.",
                $"Sagen er i fasen {Danish(@case.Phase)} og kan kun gå videre til næste fase{(@case.Phase == CasePhase.Closed ? " (ingen: den er lukket)" : $", {Danish(@case.Phase + 1)}")}; faser kan ikke springes over eller gøres om.");
        }

        RequireDone(CaseChecklist.ForNextPhase(@case),
            $"The case cannot move on to {to} yet",
            $"Sagen kan ikke gå videre til {Danish(to)} endnu");
        return reason.Trim();
    }

    /// <summary>Throws unless the case may have a panel convened: its convening checklist done, not yet executing.</summary>
    public static void EnsureCanConvene(Case @case)
    {
        RequireDone(CaseChecklist.ForConvening(@case), "A panel cannot be convened for the case yet", "Der kan ikke indkaldes et panel til sagen endnu");
        if (@case.Phase is not (CasePhase.Clarification or CasePhase.Planning))
        {
            throw new FailedPreconditionException(
                $"A panel is convened in Afklaring or Planlægning; this case is in {@case.Phase}.",
                $"Et panel indkaldes i afklarings- eller planlægningsfasen; denne sag er i fasen {Danish(@case.Phase)}.");
        }
    }

    public static string ValidateScope(string scope)
    {
        new FieldViolations()
            .Required("scope_of_influence", scope, "the scope of influence", "indflydelsesrummet")
            .MaxLength("scope_of_influence", scope.Trim(), MaxScopeLength, "the scope of influence", "indflydelsesrummet")
            .ThrowIfAny();
        return scope.Trim();
    }

    /// <summary>Refuses with every missing item named, in the message and as a PreconditionFailure (type CASE_CHECKLIST, subject the item's key).</summary>
    private static void RequireDone(IReadOnlyList<ChecklistItem> checklist, string english, string danish)
    {
        var missing = checklist.Where(i => !i.Done).ToList();
        if (missing.Count > 0)
        {
            throw new FailedPreconditionException(
                $"{english}; it still needs: {string.Join("; ", missing.Select(i => Lower(i.LabelEn)))}. Complete the case's brief first.",
                $"{danish}; den mangler: {string.Join("; ", missing.Select(i => Lower(i.LabelDa)))}. Udfyld først sagens grundlag.",
                missing.Select(i => new PreconditionViolation(ChecklistType, i.Key, $"The case needs: {Lower(i.LabelEn)}.")));
        }
    }

    private static string Lower(string label) => string.Concat(char.ToLowerInvariant(label[0]).ToString(), label.AsSpan(1));

    private static string Danish(CasePhase phase) => phase switch
    {
        CasePhase.Clarification => "afklaring",
        CasePhase.Planning => "planlægning",
        CasePhase.Execution => "udførelse",
        CasePhase.Realisation => "erkendelse",
        _ => "lukket",
    };
}
