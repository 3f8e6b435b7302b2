using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Ui.Text;

/// <summary>The pages about the three offers.</summary>
public static class OfferText
{
    public static readonly LocalText NotYetHeading = new("Det kan du ikke endnu", "What you cannot do yet");
    public static readonly LocalText HowItWorks = new("Sådan foregår det", "How it works");

    public static readonly LocalText HotlineLead = new(
        "Én gang om måneden har hver direktør en fast telefontid, hvor borgere kan ringe med spørgsmål og idéer til, hvordan kommunen kan gøre noget bedre.",
        "Once a month every director has fixed telephone hours when citizens can call with questions and ideas for how the municipality could do something better.");
    public static readonly LocalText HotlineStep1 = new("Du vælger den forvaltning, dit spørgsmål eller din idé handler om.", "You choose the department your question or idea is about.");
    public static readonly LocalText HotlineStep2 = new(
        "Du booker en tid i direktørens telefontid. Du skal ikke logge ind – vi skal kun bruge dit navn og dit telefonnummer.",
        "You book a time in the director's telephone hours. You do not need to log in – we only need your name and telephone number.");
    public static readonly LocalText HotlineStep3 = new("Direktøren ringer dig op på det aftalte tidspunkt.", "The director calls you at the agreed time.");
    public static readonly LocalText HotlineStep4 = new(
        "Har du en idé, skriver vi den ned, og du får besked, hver gang der sker noget med den.",
        "If you have an idea, we write it down, and you are told every time something happens to it.");
    public static readonly LocalText HotlineNotYet = new(
        "Booking er ikke åben endnu. Indtil da kan du her se forvaltningerne og deres direktører. Når booking åbner, kan du booke en tid på denne side.",
        "Booking is not open yet. Until then you can see the departments and their directors here. When booking opens, you can book a time on this page.");
    public static readonly LocalText DepartmentsHeading = new("Forvaltninger og direktører", "Departments and directors");
    public static readonly LocalText DepartmentColumn = new("Forvaltning", "Department");
    public static readonly LocalText DirectorColumn = new("Direktør", "Director");
    public static readonly LocalText TopicsColumn = new("Typiske emner", "Typical topics");
    public static readonly LocalText DepartmentsEmpty = new("Der er ingen forvaltninger endnu.", "There are no departments yet.");

    public static readonly LocalText PanelLead = new(
        "Borgerpanelet er en fast gruppe af frivillige borgere. Når kommunen står med en særlig svær sag, sætter vi et lille panel sammen, som er med fra starten.",
        "The Citizens' Panel is a standing group of volunteer citizens. When the municipality faces a particularly difficult case, we put together a small panel that takes part from the start.");
    public static readonly LocalText PanelDrawHeading = new("Sådan bliver et panel sat sammen", "How a panel is put together");
    public static readonly LocalText PanelDraw = new(
        "Panelet trækkes ved lodtrækning blandt dem, der har meldt sig. Lodtrækningen sørger for, at panelet bliver alsidigt – fx i alder, bydel og livserfaring – og at alle får så lige en chance som muligt for at komme med. Alle kan efterprøve lodtrækningen bagefter.",
        "The panel is drawn by lottery among those who have signed up. The lottery makes the panel varied – for example in age, district and life experience – and gives everyone as equal a chance as possible of being chosen. Anyone can check the draw afterwards.");
    public static readonly LocalText PanelForYouHeading = new("Det betyder det for dig", "What it means for you");
    public static readonly LocalText PanelEqualVoice = new("Din stemme vejer lige så meget som de professionelles.", "Your voice weighs as much as the professionals'.");
    public static readonly LocalText PanelInfluence = new(
        "Før vi går i gang, får du at vide, hvad panelet bestemmer eller former, og hvad vi kun spørger om.",
        "Before we start, you are told what the panel decides or shapes and what we are only asking about.");
    public static readonly LocalText PanelConfidentiality = new("Du har tavshedspligt om oplysningerne i sagen.", "You must keep the information in the case confidential.");
    public static readonly LocalText PanelFeedback = new("Du får at vide, hvad dit input blev til.", "You are told what became of your input.");
    public static readonly LocalText PanelNotYet = new(
        "Du kan ikke melde dig til Borgerpanelet her endnu. Tilmelding, invitationer og lodtrækning kommer i en senere version. Panelkoordinatorer kan allerede se sagerne, når de er logget ind.",
        "You cannot sign up for the Citizens' Panel here yet. Sign-up, invitations and the draw come in a later version. Panel coordinators can already see the cases when they are logged in.");

    public static readonly LocalText NetworkLead = new(
        "Ressourcenetværket samler medarbejdere og frivillige fra civilsamfundet, som er gode til at skabe løsninger sammen med borgerne, og som kender vej i kommunens tilbud.",
        "The Resource Network brings together staff and volunteers from civil society who are good at creating solutions together with citizens and who know their way around the municipality's services.");
    public static readonly LocalText NetworkWhatHeading = new("Hvad kan netværket?", "What can the network do?");
    public static readonly LocalText NetworkHelp = new(
        "En afdeling kan bede en ressourceperson om hjælp, fx til at lede et møde med borgere.",
        "A department can ask a resource person for help, for example to lead a meeting with citizens.");
    public static readonly LocalText NetworkManager = new(
        "Ressourcepersonens leder godkender den tid, der bruges, så opgaven er prioriteret.",
        "The resource person's manager approves the time spent, so the task is given priority.");
    public static readonly LocalText NetworkNavigator = new(
        "En familie kan vælge en medarbejder, den kender, som navigatør. Forvaltningen udpeger også en ekstra navigatør, så der altid er én at gå til.",
        "A family can choose a staff member it knows as its navigator. The department also appoints a second navigator, so there is always someone to turn to.");
    public static readonly LocalText NetworkNotYet = new(
        "Du kan søge i netværket nu. Medarbejdere, der er logget ind, ser også de profiler, der kun er for kommunens ansatte. Anmodninger om hjælp, netværksgrupper og navigatører kommer i en senere version.",
        "You can search the network now. Staff who are logged in also see the profiles meant only for the municipality's employees. Requests for help, network groups and navigators come in a later version.");
    public static readonly LocalText NetworkSearchLink = new("Søg efter en ressourceperson", "Search for a resource person");

    public static readonly LocalText ServiceUnavailable = new(
        "Oplysningerne kan ikke hentes lige nu. Prøv igen om lidt.",
        "The information cannot be fetched right now. Please try again in a moment.");
}
