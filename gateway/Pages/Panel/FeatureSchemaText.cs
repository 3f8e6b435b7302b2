using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Pages.Panel;

/// <summary>Texts of the feature schema administration page.</summary>
public static class FeatureSchemaText
{
    public static readonly LocalText Title = new("Borgerpanelets egenskabsskema", "The Citizens' Panel's feature schema");
    public static readonly LocalText Link = new("Borgerpanelets egenskabsskema (kategorier og værdier ved tilmelding)", "The Citizens' Panel's feature schema (categories and values at sign-up)");
    public static readonly LocalText Lead = new(
        "De kategorier og værdier, frivillige beskriver sig selv med ved tilmelding, og som kvoter og lodtrækninger bygger på. En nøgle ændres aldrig; en værdi, medlemmer har, fjernes aldrig, men kan udgå: den tilbydes ikke længere ved tilmelding og står fortsat på medlemmerne og i tidligere lodtrækninger.",
        "The categories and values volunteers describe themselves by at sign-up, which quotas and draws build on. A key never changes; a value members hold is never removed, but it can be retired: no longer offered at sign-up, still shown on the members and in earlier draws.");
    public static readonly LocalText Added = new("Ændringen er gemt og skrevet i revisionsloggen.", "The change is saved and written to the audit log.");
    public static readonly LocalText Unavailable = new("Borgerpanelet svarer ikke lige nu. Prøv igen om lidt.", "The Citizens' Panel is not answering right now. Try again shortly.");
    public static readonly LocalText Key = new("Nøgle", "Key");
    public static readonly LocalText KeyHint = new("Små bogstaver a–z, cifre, _, - eller +, fx \"havn\". Gemmes på medlemmerne og kan ikke ændres bagefter.", "Lower-case letters a–z, digits, _, - or +, e.g. \"harbour\". Stored on the members and cannot be changed afterwards.");
    public static readonly LocalText Label = new("Dansk betegnelse", "Danish label");
    public static readonly LocalText LabelEn = new("Engelsk betegnelse", "English label");
    public static readonly LocalText Members = new("Medlemmer", "Members");
    public static readonly LocalText Status = new("Status", "Status");
    public static readonly LocalText Actions = new("Handlinger", "Actions");
    public static readonly LocalText Offered = new("Tilbydes", "Offered");
    public static readonly LocalText Retired = new("Udgået", "Retired");
    public static readonly LocalText LivedExperience = new("Kategorien for særlig erfaring (kan kræves ved lodtrækning)", "The lived-experience category (can be required when convening)");
    public static readonly LocalText LivedExperienceBadge = new("særlig erfaring", "lived experience");
    public static readonly LocalText CategoryKey = new("Nøgle: {0}", "Key: {0}");
    public static readonly LocalText Rename = new("Omdøb", "Rename");
    public static readonly LocalText RenameLabel = new("Omdøb: {0}", "Rename: {0}");
    public static readonly LocalText Retire = new("Lad udgå", "Retire");
    public static readonly LocalText RetireLabel = new("Lad udgå: {0}", "Retire: {0}");
    public static readonly LocalText MoveUp = new("Flyt op", "Move up");
    public static readonly LocalText MoveUpLabel = new("Flyt op: {0}", "Move up: {0}");
    public static readonly LocalText MovedReason = new("Flyttet op på siden for egenskabsskemaet", "Moved up on the feature schema page");
    public static readonly LocalText AddValueLink = new("Tilføj en værdi til {0}", "Add a value to {0}");
    public static readonly LocalText AddValueHeading = new("Tilføj en værdi til {0}", "Add a value to {0}");
    public static readonly LocalText RenameHeading = new("Omdøb {0}", "Rename {0}");
    public static readonly LocalText RetireHeading = new("Lad {0} udgå", "Retire {0}");
    public static readonly LocalText RetirePreview = new(
        "{0} medlemmer har den i dag, og {1} lodtrækninger nævner den. Den tilbydes ikke længere ved tilmelding, men står fortsat på medlemmerne, kan bruges i filtre og kvoter, og tidligere lodtrækninger kan stadig efterprøves.",
        "{0} members hold it today, and {1} draws name it. It is no longer offered at sign-up, but stays on the members, can be used in filters and quotas, and earlier draws can still be verified.");
    public static readonly LocalText Reason = new("Begrundelse", "Reason");
    public static readonly LocalText ReasonHint = new("Skrives i revisionsloggen sammen med dit navn.", "Written to the audit log with your name.");
    public static readonly LocalText Save = new("Gem", "Save");
    public static readonly LocalText ConfirmRetire = new("Lad den udgå", "Retire it");
    public static readonly LocalText Cancel = new("Fortryd", "Cancel");
    public static readonly LocalText AddCategoryHeading = new("Tilføj en kategori", "Add a category");
    public static readonly LocalText Values = new("Værdier", "Values");
    public static readonly LocalText ValuesHint = new(
        "Én værdi pr. linje: nøgle; dansk betegnelse; engelsk betegnelse – fx \"havn; Havnen; Harbour\". Mindst 2.",
        "One value per line: key; Danish label; English label – e.g. \"harbour; Havnen; Harbour\". At least 2.");
    public static readonly LocalText AddCategory = new("Tilføj kategorien", "Add the category");
}
