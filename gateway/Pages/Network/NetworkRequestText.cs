using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Pages.Network;

/// <summary>Requests for help in the Resource Network: the form and the overview.</summary>
public static class NetworkRequestText
{
    public static readonly LocalText FormTitle = new("Anmod om hjælp", "Ask for help");
    public static readonly LocalText FormLead = new(
        "Beskriv, hvad I har brug for. Uden en bestemt person går anmodningen til netværkskoordinatorernes kø, som finder den bedste.",
        "Describe what you need. Without a particular person, the request goes to the network coordinators' queue, who find the best match.");
    public static readonly LocalText AskingPerson = new("Du anmoder {0} om hjælp.", "You are asking {0} for help.");
    public static readonly LocalText NeedLabel = new("Hvad skal hjælpen bruges til?", "What is the help for?");
    public static readonly LocalText NeedHint = new("Skriv ikke personoplysninger om borgere.", "Do not write personal data about citizens.");
    public static readonly LocalText CompetenceLabel = new("Kompetence", "Competence");
    public static readonly LocalText AnyCompetence = new("Ingen bestemt", "None in particular");
    public static readonly LocalText StartLabel = new("Startdato", "Start date");
    public static readonly LocalText EndLabel = new("Slutdato", "End date");
    public static readonly LocalText DateHint = new("Fx 2026-12-24.", "For example 2026-12-24.");
    public static readonly LocalText HoursLabel = new("Timer i alt", "Hours in all");
    public static readonly LocalText LanguageLabel = new("Sprog", "Language");
    public static readonly LocalText Danish = new("Dansk", "Danish");
    public static readonly LocalText English = new("Engelsk", "English");
    public static readonly LocalText OtherLanguage = new("Andet sprog", "Another language");
    public static readonly LocalText SendButton = new("Send anmodningen", "Send the request");
    public static readonly LocalText NeedMissing = new("Skriv, hvad hjælpen skal bruges til.", "Write what the help is for.");
    public static readonly LocalText DateInvalid = new("Skriv datoen som år-måned-dag, fx 2026-12-24.", "Write the date as year-month-day, for example 2026-12-24.");
    public static readonly LocalText HoursInvalid = new("Skriv antallet af timer som et helt tal, fx 4.", "Write the number of hours as a whole number, for example 4.");
    public static readonly LocalText ServiceError = new("Netværket kunne ikke tage imod anmodningen: {0}", "The network could not take the request: {0}");
    public static readonly LocalText Unavailable = new(
        "Ressourcenetværket svarer ikke lige nu. Prøv igen om lidt.",
        "The Resource Network is not answering right now. Try again in a moment.");

    public static readonly LocalText OverviewTitle = new("Anmodninger i netværket", "Network requests");
    public static readonly LocalText NewRequestLink = new("Anmod om hjælp", "Ask for help");
    public static readonly LocalText AskedOfMeHeading = new("Anmodninger til mig", "Requests to me");
    public static readonly LocalText AwaitingApprovalHeading = new("Afventer min godkendelse som leder", "Waiting for my approval as manager");
    public static readonly LocalText RequestedByMeHeading = new("Mine anmodninger", "My requests");
    public static readonly LocalText QueueHeading = new("Koordinatorernes kø", "The coordinators' queue");
    public static readonly LocalText None = new("Ingen lige nu.", "None right now.");
    public static readonly LocalText NeedColumn = new("Behov", "Need");
    public static readonly LocalText StatusColumn = new("Status", "Status");
    public static readonly LocalText PersonColumn = new("Ressourceperson", "Resource person");
    public static readonly LocalText RequesterColumn = new("Anmodet af", "Requested by");
    public static readonly LocalText PeriodColumn = new("Periode", "Period");
    public static readonly LocalText HoursColumn = new("Timer", "Hours");
    public static readonly LocalText Accept = new("Acceptér", "Accept");
    public static readonly LocalText Decline = new("Afslå", "Decline");
    public static readonly LocalText Unavailable2 = new("Jeg er ikke tilgængelig", "I am not available");
    public static readonly LocalText Approve = new("Godkend {0} timer", "Approve {0} hours");
    public static readonly LocalText RatingLabel = new("Hvordan gik det?", "How did it go?");
    public static readonly LocalText FeedbackLabel = new("Tilbagemelding", "Feedback");
    public static readonly LocalText Complete = new("Afslut med tilbagemelding", "Complete with feedback");
    public static readonly LocalText Rating1 = new("1 – dårligt", "1 – poor");
    public static readonly LocalText Rating3 = new("3 – godt", "3 – good");
    public static readonly LocalText Rating5 = new("5 – fremragende", "5 – excellent");
    public static readonly LocalText DoneHeading = new("Gemt", "Saved");
    public static readonly LocalText Created = new("Anmodningen er sendt.", "The request has been sent.");
    public static readonly LocalText Responded = new("Dit svar er gemt.", "Your answer has been saved.");
    public static readonly LocalText Approved = new("Timerne er godkendt og booket.", "The hours have been approved and booked.");
    public static readonly LocalText Completed = new("Anmodningen er afsluttet. Tak for tilbagemeldingen.", "The request has been completed. Thank you for the feedback.");
    public static readonly LocalText ErrorHeading = new("Det lykkedes ikke", "That did not work");
    public static readonly LocalText Queued = new("I kø hos koordinatorerne", "In the coordinators' queue");
    public static readonly LocalText Proposed = new("Sendt til personen", "Sent to the person");
    public static readonly LocalText AcceptedStatus = new("Accepteret – afventer leder", "Accepted – waiting for the manager");
    public static readonly LocalText ApprovedStatus = new("Godkendt", "Approved");
    public static readonly LocalText CompletedStatus = new("Afsluttet", "Completed");
    public static readonly LocalText RequestLink = new("Anmod {0} om hjælp", "Ask {0} for help");
    public static readonly LocalText EscalatedColumn = new("Sendt videre", "Passed on");
    public static readonly LocalText EscalatedFrom = new(
        "Til koordinatorerne, fordi {0} ikke svarede i tide",
        "To the coordinators, because {0} did not answer in time");
    public static readonly LocalText RemindedColumn = new("Påmindelse sendt", "Reminder sent");
}
