using System.Globalization;
using Civic.Contracts.Common.V1;

namespace Civic.Gateway.Ui.Localization;

/// <summary>The services' texts in the reader's language.</summary>
public static class ContractTexts
{
    /// <summary>The English text when the reader chose English and there is one; else the Danish.</summary>
    public static string Pick(LocalizedText? text) =>
        text is null ? string.Empty
        : UiCultures.IsEnglish(CultureInfo.CurrentUICulture) && text.En.Length > 0 ? text.En
        : text.Da;
}
