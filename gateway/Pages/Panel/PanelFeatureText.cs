using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Pages.Panel;

/// <summary>The questions for the feature schema's categories; a category the UI does not know is shown by its code.</summary>
public static class PanelFeatureText
{
    private static readonly Dictionary<string, LocalText> Categories = new(StringComparer.Ordinal)
    {
        ["age_band"] = new("Hvor gammel er du?", "How old are you?"),
        ["district"] = new("Hvilken bydel bor du i?", "Which district do you live in?"),
        ["household_type"] = new("Hvordan bor du?", "How do you live?"),
        ["lived_experience"] = new("Har du en særlig erfaring, du vil bringe ind?", "Do you have a particular experience to bring?"),
    };

    // Staff filter and table headings: the category's name rather than the question put to the citizen.
    private static readonly Dictionary<string, LocalText> StaffLabels = new(StringComparer.Ordinal)
    {
        ["age_band"] = new("Aldersgruppe", "Age band"),
        ["district"] = new("Bydel", "District"),
        ["household_type"] = new("Husstand", "Household"),
        ["lived_experience"] = new("Særlig erfaring", "Lived experience"),
    };

    public static string Category(string category) => Categories.TryGetValue(category, out var text) ? text.Current : category;

    public static string StaffLabel(string category) => StaffLabels.TryGetValue(category, out var text) ? text.Current : category;
}
