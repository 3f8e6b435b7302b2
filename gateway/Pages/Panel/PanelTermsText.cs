using Civic.Contracts.Panel.V1;
using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Pages.Panel;

/// <summary>The co-creation types and case phases (Væksthus for Ledelse's model) in the UI's words.</summary>
public static class PanelTermsText
{
    public static readonly LocalText Equal = new("Ligeværdig", "Equal");
    public static readonly LocalText Steered = new("Styret", "Steered");
    public static readonly LocalText Facilitating = new("Faciliterende", "Facilitating");
    public static readonly LocalText Empowering = new("Ansvarliggørende", "Empowering");

    public static readonly LocalText Clarification = new("Afklaring", "Clarification");
    public static readonly LocalText Planning = new("Samskabelse: planlægning", "Co-creation: planning");
    public static readonly LocalText Execution = new("Samskabelse: udførelse", "Co-creation: execution");
    public static readonly LocalText Realisation = new("Erkendelse", "Realisation");
    public static readonly LocalText Closed = new("Afsluttet", "Closed");

    public static readonly LocalText NotDecided = new("Ikke fastlagt", "Not decided");

    public static LocalText Name(CoCreationType type) => type switch
    {
        CoCreationType.Equal => Equal,
        CoCreationType.Steered => Steered,
        CoCreationType.Facilitating => Facilitating,
        CoCreationType.Empowering => Empowering,
        _ => NotDecided,
    };

    public static LocalText Name(CasePhase phase) => phase switch
    {
        CasePhase.Clarification => Clarification,
        CasePhase.Planning => Planning,
        CasePhase.Execution => Execution,
        CasePhase.Realisation => Realisation,
        CasePhase.Closed => Closed,
        _ => NotDecided,
    };
}
