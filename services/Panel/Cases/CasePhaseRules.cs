using Civic.Hosting.Errors;

namespace Civic.Panel.Cases;

/// <summary>
/// The phase model: Afklaring → Planlægning → Udførelse → Erkendelse → closed, one step at a time, with
/// the Afklaring checklist (a scope of influence) required before a case moves on or a panel is convened.
/// </summary>
public static class CasePhaseRules
{
    public const int MaxScopeLength = 4000;
    public const int MaxReasonLength = 1000;

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

        if (@case.Phase == CasePhase.Clarification)
        {
            RequireScope(@case);
        }

        return reason.Trim();
    }

    /// <summary>Throws unless the case may have a panel convened: scope of influence set, not yet executing.</summary>
    public static void EnsureCanConvene(Case @case)
    {
        RequireScope(@case);
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

    private static void RequireScope(Case @case)
    {
        if (string.IsNullOrWhiteSpace(@case.ScopeOfInfluence))
        {
            throw new FailedPreconditionException(
                "Set the case's scope of influence (what the panel decides or shapes, and what it is only consulted on) first.",
                "Angiv først sagens indflydelsesrum (hvad panelet bestemmer eller former, og hvad det kun høres om).");
        }
    }

    private static string Danish(CasePhase phase) => phase switch
    {
        CasePhase.Clarification => "afklaring",
        CasePhase.Planning => "planlægning",
        CasePhase.Execution => "udførelse",
        CasePhase.Realisation => "erkendelse",
        _ => "lukket",
    };
}
