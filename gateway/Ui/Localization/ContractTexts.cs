using System.Globalization;
using Civic.Contracts.Common.V1;
using Civic.Contracts.Panel.V1;
using Civic.Gateway.Ui.Text;

namespace Civic.Gateway.Ui.Localization;

/// <summary>The services' texts and codes in the reader's language.</summary>
public static class ContractTexts
{
    /// <summary>The English text when the reader chose English and there is one; else the Danish.</summary>
    public static string Pick(LocalizedText? text) =>
        text is null ? string.Empty
        : UiCultures.IsEnglish(CultureInfo.CurrentUICulture) && text.En.Length > 0 ? text.En
        : text.Da;

    public static LocalText Name(CoCreationType type) => type switch
    {
        CoCreationType.Equal => PanelTermsText.Equal,
        CoCreationType.Steered => PanelTermsText.Steered,
        CoCreationType.Facilitating => PanelTermsText.Facilitating,
        CoCreationType.Empowering => PanelTermsText.Empowering,
        _ => PanelTermsText.NotDecided,
    };

    public static LocalText Name(CasePhase phase) => phase switch
    {
        CasePhase.Clarification => PanelTermsText.Clarification,
        CasePhase.Planning => PanelTermsText.Planning,
        CasePhase.Execution => PanelTermsText.Execution,
        CasePhase.Realisation => PanelTermsText.Realisation,
        CasePhase.Closed => PanelTermsText.Closed,
        _ => PanelTermsText.NotDecided,
    };
}
