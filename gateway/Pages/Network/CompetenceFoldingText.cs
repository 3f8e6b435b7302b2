using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Pages.Network;

/// <summary>The administrators' page for folding "other" competences into the taxonomy.</summary>
public static class CompetenceFoldingText
{
    public static readonly LocalText Title = new("Andre kompetencer", "Other competences");
    public static readonly LocalText Lead = new(
        "Kompetencer, som ressourcepersoner selv har skrevet, fordi de ikke er på listen. Læg en ind på listen som synonym for en kompetence eller som en ny kompetence; profilerne flyttes til den, og søgningen finder dem.",
        "Competences that resource persons wrote themselves because they are not on the list. Add one to the list as a synonym of a competence or as a new competence; the profiles are moved to it, and the search finds them.");
    public static readonly LocalText InUseHeading = new("I brug", "In use");
    public static readonly LocalText TextColumn = new("Kompetence", "Competence");
    public static readonly LocalText CountColumn = new("Profiler", "Profiles");
    public static readonly LocalText NoneInUse = new("Ingen profiler har andre kompetencer.", "No profiles have other competences.");
    public static readonly LocalText FoldHeading = new("Læg en kompetence ind på listen", "Add a competence to the list");
    public static readonly LocalText TextLabel = new("Anden kompetence", "Other competence");
    public static readonly LocalText TextOption = new("{0} ({1} profiler)", "{0} ({1} profiles)");
    public static readonly LocalText SynonymOfLabel = new("Synonym for", "Synonym of");
    public static readonly LocalText SynonymOfHint = new(
        "Vælg den kompetence, teksten betyder det samme som. Vælg ingen, hvis den skal være en ny kompetence.",
        "Choose the competence the text means the same as. Choose none if it is to be a new competence.");
    public static readonly LocalText NoSynonym = new("Ingen: en ny kompetence", "None: a new competence");
    public static readonly LocalText NewNameLabel = new("Navn på den nye kompetence", "Name of the new competence");
    public static readonly LocalText NewNameHint = new("Kun hvis den ikke er synonym for en kompetence. På dansk, fx Tegnsprog.", "Only if it is not a synonym of a competence. In Danish, for example Tegnsprog.");
    public static readonly LocalText FoldButton = new("Læg ind på listen", "Add to the list");
    public static readonly LocalText Done = new("'{0}' er lagt ind under '{1}'. {2} profiler er flyttet.", "'{0}' is added under '{1}'. {2} profiles were moved.");
    public static readonly LocalText Link = new("Andre kompetencer i Ressourcenetværket", "Other competences in the Resource Network");
}
