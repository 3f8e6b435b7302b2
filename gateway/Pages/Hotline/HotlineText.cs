using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Pages.Hotline;

/// <summary>Direktørlinjen's pages: how it works, the departments, and a director's call list.</summary>
public static class HotlineText
{
    public static readonly LocalText Lead = new(
        "Én gang om måneden har hver direktør en fast telefontid, hvor borgere kan ringe med spørgsmål og idéer til, hvordan kommunen kan gøre noget bedre.",
        "Once a month every director has fixed telephone hours when citizens can call with questions and ideas for how the municipality could do something better.");
    public static readonly LocalText HowItWorks = new("Sådan foregår det", "How it works");
    public static readonly LocalText Step1 = new("Du vælger den forvaltning, dit spørgsmål eller din idé handler om.", "You choose the department your question or idea is about.");
    public static readonly LocalText Step2 = new(
        "Du booker en tid i direktørens telefontid. Du skal ikke logge ind – vi skal kun bruge dit navn og dit telefonnummer.",
        "You book a time in the director's telephone hours. You do not need to log in – we only need your name and telephone number.");
    public static readonly LocalText Step3 = new("Direktøren ringer dig op på det aftalte tidspunkt.", "The director calls you at the agreed time.");
    public static readonly LocalText Step4 = new(
        "Har du en idé, skriver vi den ned, og du får besked, hver gang der sker noget med den.",
        "If you have an idea, we write it down, and you are told every time something happens to it.");
    public static readonly LocalText NotYet = new(
        "Booking er ikke åben endnu. Indtil da kan du her se forvaltningerne og deres direktører. Når booking åbner, kan du booke en tid på denne side.",
        "Booking is not open yet. Until then you can see the departments and their directors here. When booking opens, you can book a time on this page.");
    public static readonly LocalText DepartmentsHeading = new("Forvaltninger og direktører", "Departments and directors");
    public static readonly LocalText DepartmentColumn = new("Forvaltning", "Department");
    public static readonly LocalText DirectorColumn = new("Direktør", "Director");
    public static readonly LocalText DeputiesColumn = new("Stedfortrædere", "Deputies");
    public static readonly LocalText TopicsColumn = new("Typiske emner", "Typical topics");
    public static readonly LocalText DepartmentsEmpty = new("Der er ingen forvaltninger endnu.", "There are no departments yet.");
    public static readonly LocalText CallListLead = new(
        "Din liste over borgere, du skal ringe til i din telefontid på Direktørlinjen.",
        "Your list of citizens to call during your Director Line telephone hours.");
    public static readonly LocalText CallListComing = new(
        "Siden er ikke færdig. Opkaldslisten kommer sammen med booking: så ser du her dagens opkald med tidspunkt, emne og særlige behov, og du registrerer, hvordan hvert opkald gik. Lige nu er der ingen opkald at vise.",
        "This page is not finished. The call list comes with booking: you will then see the day's calls here with time, topic and special needs, and record how each call went. Right now there are no calls to show.");
}
