using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Ui.Text;

/// <summary>Texts that every form shares.</summary>
public static class FormText
{
    public static readonly LocalText ErrorSummaryHeading = new("Der er et problem", "There is a problem");
    public static readonly LocalText ErrorPrefix = new("Fejl:", "Error:");
    public static readonly LocalText TitleErrorPrefix = new("Fejl", "Error");
}
