using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Pages.Network;

/// <summary>The toolbox (værktøjskassen): recipes and guides for co-creation.</summary>
public static class ToolboxText
{
    public static readonly LocalText Title = new("Værktøjskassen", "The toolbox");
    public static readonly LocalText Lead = new(
        "Opskrifter og guides til at skabe løsninger sammen – for borgere, foreninger og kommunens medarbejdere.",
        "Recipes and guides for creating solutions together – for citizens, associations and the municipality's staff. The articles are in Danish.");
    public static readonly LocalText QueryLabel = new("Søg i værktøjskassen", "Search the toolbox");
    public static readonly LocalText QueryHint = new("Fx \"borgermøde\" eller \"facilitering\".", "For example \"borgermøde\" (citizens' meeting) or \"facilitering\" (facilitation).");
    public static readonly LocalText SearchButton = new("Søg", "Search");
    public static readonly LocalText ResultsHeading = new("Artikler", "Articles");
    public static readonly LocalText NoResults = new("Ingen artikler passer til søgningen.", "No articles match the search.");
    public static readonly LocalText Count = new("{0} artikler", "{0} articles");
    public static readonly LocalText TagsLabel = new("Emneord", "Tags");
    public static readonly LocalText BackLink = new("Tilbage til værktøjskassen", "Back to the toolbox");
    public static readonly LocalText InternalNote = new("Kun for kommunens medarbejdere.", "For the municipality's staff only.");
    public static readonly LocalText ToolboxLink = new("Gå til værktøjskassen", "Go to the toolbox");
}
