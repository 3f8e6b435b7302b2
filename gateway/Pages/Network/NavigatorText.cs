using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Pages.Network;

/// <summary>The navigator overview: a family's two navigators.</summary>
public static class NavigatorText
{
    public static readonly LocalText Title = new("Navigatører", "Navigators");
    public static readonly LocalText Lead = new(
        "Find en families navigatører ud fra familiens reference. Skriv aldrig et CPR-nummer.",
        "Find a family's navigators by the family's reference. Never write a CPR number.");
    public static readonly LocalText ReferenceLabel = new("Familiens reference", "The family's reference");
    public static readonly LocalText ReferenceHint = new("Fx FAM-2026-0001.", "For example FAM-2026-0001.");
    public static readonly LocalText ShowButton = new("Vis navigatører", "Show navigators");
    public static readonly LocalText FamilyHeading = new("Familie {0}", "Family {0}");
    public static readonly LocalText Primary = new("Primær navigatør (valgt af familien)", "Primary navigator (chosen by the family)");
    public static readonly LocalText Secondary = new("Sekundær navigatør (udpeget af forvaltningen)", "Secondary navigator (appointed by the department)");
    public static readonly LocalText Missing = new("Mangler – skal overdrages", "Missing – must be handed over");
    public static readonly LocalText NotFound = new("Vi kunne ikke finde familien. Tjek referencen.", "We could not find the family. Check the reference.");
    public static readonly LocalText Link = new("Find en families navigatører", "Find a family's navigators");
}
