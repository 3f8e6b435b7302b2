using System.Globalization;

namespace Civic.Gateway.Ui.Localization;

/// <summary>
/// One piece of user-interface text in both languages, Danish first. Razor writes it through
/// <see cref="ToString"/>, which picks the language of the request (set by the culture cookie).
/// </summary>
public sealed record LocalText(string Da, string En)
{
    /// <summary>The text in the current UI culture's language.</summary>
    public string Current => UiCultures.IsEnglish(CultureInfo.CurrentUICulture) ? En : Da;

    /// <summary>The text with <paramref name="arguments"/> put into its {0}, {1} … placeholders.</summary>
    public string Format(params object?[] arguments) => string.Format(CultureInfo.CurrentCulture, Current, arguments);

    public override string ToString() => Current;
}
