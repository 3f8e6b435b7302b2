using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Pages;

/// <summary>The front page: the three offers in plain language.</summary>
public static class FrontPageText
{
    public static readonly LocalText Title = new("Borgere og kommune skaber løsninger sammen", "Citizens and the municipality creating solutions together");
    public static readonly LocalText Lead = new(
        "Her finder du tre måder at tale med kommunen på og være med til at gøre tingene bedre. Du behøver ikke logge ind for at læse om dem.",
        "Here are three ways to talk to the municipality and help make things better. You do not need to log in to read about them.");
    public static readonly LocalText OffersHeading = new("Tre tilbud", "Three offers");

    public static readonly LocalText HotlineSummary = new(
        "Én gang om måneden kan du tale direkte med direktøren for en forvaltning. Du kan stille et spørgsmål eller komme med en idé til, hvordan kommunen kan gøre noget bedre. Du booker en tid, og direktøren ringer dig op. Du hører altid, hvad der sker med din idé.",
        "Once a month you can talk directly to the director of a department. You can ask a question or suggest how the municipality could do something better. You book a time and the director calls you. You always hear what happens to your idea.");
    public static readonly LocalText HotlineLink = new("Læs om Direktørlinjen", "Read about the Director Line");

    public static readonly LocalText PanelSummary = new(
        "En fast gruppe af frivillige borgere, som kommunen spørger, når en sag er særlig svær. Hvem der kommer med i et panel, afgøres ved lodtrækning, så mange forskellige mennesker bliver hørt – ikke kun dem, der plejer. Alle stemmer vejer lige meget, og du får at vide, hvad dit input blev til.",
        "A standing group of volunteer citizens whom the municipality asks when a case is particularly difficult. Who joins a panel is decided by lottery, so many different people are heard – not only the usual ones. Every voice weighs the same, and you are told what became of your input.");
    public static readonly LocalText PanelLink = new("Læs om Borgerpanelet", "Read about the Citizens' Panel");

    public static readonly LocalText NetworkSummary = new(
        "Medarbejdere og frivillige, som er gode til at få folk til at arbejde sammen, og som kender vej i kommunens tilbud. De hjælper på tværs af forvaltninger, og en familie kan vælge én af dem som sin faste navigatør.",
        "Staff and volunteers who are good at getting people to work together and who know their way around the municipality's services. They help across departments, and a family can choose one of them as its regular navigator.");
    public static readonly LocalText NetworkLink = new("Læs om Ressourcenetværket", "Read about the Resource Network");

    public static readonly LocalText PromisesHeading = new("Det kan du regne med", "What you can count on");
    public static readonly LocalText PromiseEasy = new("Det skal være let at være med, også hvis du ikke plejer at blande dig.", "Taking part should be easy, even if you do not usually get involved.");
    public static readonly LocalText PromiseWhereYouAre = new("Vi kommer gerne derhen, hvor du er – ikke kun på rådhuset.", "We are happy to come to where you are – not only to the town hall.");
    public static readonly LocalText PromiseInfluence = new("Vi siger tydeligt, hvad du får indflydelse på, og hvad vi kun spørger dig om.", "We say clearly what you can influence and what we are only asking your opinion on.");
    public static readonly LocalText PromiseFeedback = new("Du hører altid tilbage, hvad dit bidrag blev til.", "You always hear back what became of your contribution.");
}
