using Civic.Contracts.Common.V1;
using Civic.Contracts.Hotline.V1;
using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Pages.Hotline;

/// <summary>Direktørlinjen's pages: how it works, the departments, booking, the manage link and a director's call list.</summary>
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
    public static readonly LocalText DepartmentsHeading = new("Forvaltninger og direktører", "Departments and directors");
    public static readonly LocalText DepartmentColumn = new("Forvaltning", "Department");
    public static readonly LocalText DirectorColumn = new("Direktør", "Director");
    public static readonly LocalText DeputiesColumn = new("Stedfortrædere", "Deputies");
    public static readonly LocalText TopicsColumn = new("Typiske emner", "Typical topics");
    public static readonly LocalText DepartmentsEmpty = new("Der er ingen forvaltninger endnu.", "There are no departments yet.");
    public static readonly LocalText CallListLead = new(
        "Din liste over borgere, du skal ringe til i din telefontid på Direktørlinjen.",
        "Your list of citizens to call during your Director Line telephone hours.");
    public static readonly LocalText BookLink = new("Book en tid", "Book a time");
    public static readonly LocalText DayFormat = new("dddd 'den' d. MMMM yyyy", "dddd d MMMM yyyy");
    public static readonly LocalText BookTitle = new("Book en tid hos en direktør", "Book a time with a director");
    public static readonly LocalText BookLead = new(
        "Vælg den forvaltning, dit spørgsmål eller din idé handler om. Ved du ikke hvilken, kan du skrive emnet eller sætte kryds i \"Jeg ved ikke\".",
        "Choose the department your question or idea is about. If you do not know which, write the topic or tick \"I do not know\".");
    public static readonly LocalText RouteFound = new("Forvaltninger, der tager sig af emnet", "Departments that deal with the topic");
    public static readonly LocalText RouteUnsure = new(
        "Vi sender dig til en forvaltning, der hjælper dig videre", "We send you to a department that helps you on");
    public static readonly LocalText ChooseDepartment = new("Book hos {0} ({1})", "Book with {0} ({1})");
    public static readonly LocalText DepartmentQuestion = new("Hvilken forvaltning vil du tale med?", "Which department do you want to talk to?");
    public static readonly LocalText DepartmentHint = new("Direktørens navn står i parentes.", "The director's name is in brackets.");
    public static readonly LocalText TopicLabel = new("Eller skriv, hvad det handler om", "Or write what it is about");
    public static readonly LocalText TopicHint = new("Fx \"skole\", \"affald\" eller \"hjemmepleje\".", "E.g. \"skole\", \"affald\" or \"hjemmepleje\".");
    public static readonly LocalText UnsureLabel = new("Jeg ved ikke, hvilken forvaltning jeg skal tale med", "I do not know which department to talk to");
    public static readonly LocalText FindTimes = new("Find ledige tider", "Find free times");
    public static readonly LocalText BookFor = new("Du booker en tid hos {0}. Direktør: {1}.", "You are booking a time with {0}. Director: {1}.");
    public static readonly LocalText OtherDepartment = new("Vælg en anden forvaltning", "Choose another department");
    public static readonly LocalText SlotQuestion = new("Vælg en tid", "Choose a time");
    public static readonly LocalText SlotHint = new("Direktøren ringer dig op på tidspunktet. En samtale varer højst en samtaletid.", "The director calls you at the time. A call lasts at most one slot.");
    public static readonly LocalText NoFreeSlots = new("Der er ingen ledige tider lige nu. Prøv igen senere.", "There are no free times right now. Try again later.");
    public static readonly LocalText SessionCancelled = new("Telefontiden er aflyst.", "The telephone hours are cancelled.");
    public static readonly LocalText OpensAt = new("Booking åbner {0} kl. {1}.", "Booking opens {0} at {1}.");
    public static readonly LocalText SessionFull = new("Alle tider er booket.", "All times are booked.");
    public static readonly LocalText SlotLabel = new("Kl. {0}, {1} ({2} ledig)", "{0}, {1} ({2} free)");
    public static readonly LocalText AboutYou = new("Om dig og din henvendelse", "About you and your enquiry");
    public static readonly LocalText NameLabel = new("Navn", "Name");
    public static readonly LocalText PhoneLabel = new("Telefonnummer", "Phone number");
    public static readonly LocalText PhoneHint = new("8 cifre, eller et udenlandsk nummer med landekode, fx +46 …", "8 digits, or a foreign number with its country code, e.g. +46 …");
    public static readonly LocalText EmailLabel = new("E-mail (frivilligt)", "E-mail (optional)");
    public static readonly LocalText EmailHint = new("Så sender vi bekræftelsen med en kalenderfil.", "Then we send the confirmation with a calendar file.");
    public static readonly LocalText KindQuestion = new("Hvad handler det om?", "What is it about?");
    public static readonly IReadOnlyList<(TopicKind Kind, LocalText Text)> Kinds =
    [
        (TopicKind.Question, new("Et spørgsmål", "A question")),
        (TopicKind.Idea, new("En idé til forbedring", "An idea for improvement")),
        (TopicKind.Complaint, new("En klage", "A complaint")),
        (TopicKind.Other, new("Noget andet", "Something else")),
    ];
    public static readonly LocalText DescriptionLabel = new("Kort beskrivelse", "Short description");
    public static readonly LocalText DescriptionHint = new("Højst 1.000 tegn. Skriv ikke dit CPR-nummer.", "At most 1,000 characters. Do not write your CPR number.");
    public static readonly LocalText LanguageLabel = new("Sprog", "Language");
    public static readonly IReadOnlyList<(Language Language, LocalText Text)> Languages =
    [
        (Language.Danish, new("Dansk", "Danish")),
        (Language.English, new("Engelsk", "English")),
        (Language.Other, new("Andet sprog (skriv hvilket under behov)", "Another language (write which under needs)")),
    ];
    public static readonly LocalText NeedsLabel = new("Tolk eller andre behov (frivilligt)", "Interpreter or other needs (optional)");
    public static readonly LocalText NeedsHint = new("Fx tolk på arabisk, eller at vi skal tale langsomt.", "E.g. an Arabic interpreter, or that we speak slowly.");
    public static readonly LocalText ConsentLabel = new(
        "Jeg accepterer, at kommunen gemmer mine kontaktoplysninger, indtil samtalen er afsluttet.",
        "I agree that the municipality keeps my contact data until the call is done.");
    public static readonly LocalText BookButton = new("Book tiden", "Book the time");
    public static readonly LocalText StatusWaitlisted = new("På venteliste", "On the waitlist");
    public static readonly LocalText StatusOffered = new("Tilbudt en tid", "Offered a time");
    public static readonly LocalText SessionCancelledLabel = new("Telefontiden er aflyst", "The session is cancelled");
    public static readonly LocalText OfferHeading = new("En tid er ledig til dig", "A time is free for you");
    public static readonly LocalText OfferText = new(
        "Du kan få tiden kl. {0}, {1}. Vi holder den til dig til {2} kl. {3}.", "You can have the time {0}, {1}. We keep it for you until {2} at {3}.");
    public static readonly LocalText AcceptOfferButton = new("Tag imod tiden", "Accept the time");
    public static readonly LocalText WaitlistText = new(
        "Du er på ventelisten. Bliver en tid ledig, får du besked og kan tage imod den her.",
        "You are on the waitlist. If a time frees up, you are told and can accept it here.");
    public static readonly LocalText LeaveWaitlistButton = new("Afmeld", "Withdraw");
    public static readonly LocalText PriorityHeading = new("Vælg en ny tid med fortrinsret", "Choose a new time with priority");
    public static readonly LocalText PriorityText = new(
        "Kommunen aflyste din telefontid. Indtil {0} kan du vælge en ny tid her – også i telefontider, hvor bookingen ikke er åbnet endnu.",
        "The municipality cancelled your session. Until {0} you can choose a new time here – also in sessions where booking has not opened yet.");
    public static readonly LocalText WaitlistLink = new("Alle tider er optaget – skriv dig på ventelisten", "Every time is taken – join the waitlist");
    public static readonly LocalText WaitlistFor = new(
        "Du skriver dig på ventelisten til telefontiden {0}. Bliver en tid ledig, får du et tilbud.",
        "You join the waitlist for the session on {0}. If a time frees up, you get an offer.");
    public static readonly LocalText JoinWaitlistButton = new("Skriv mig på ventelisten", "Put me on the waitlist");
    public static readonly LocalText IdeaFlagged = new(
        "Uden svar i 30 dage: giv borgeren besked ved at give idéen en ny status.", "No feedback for 30 days: tell the citizen by giving the idea a new status.");
    public static readonly LocalText LotteryExplanation = new(
        "Tiderne i denne telefontid fordeles ved lodtrækning. Indtil {0} kl. {1} kan du bede om de tider, du kan. Så trækker vi lod: anmodningerne kommer i tilfældig rækkefølge, "
        + "og hver får den første af sine tider, der stadig er ledig. Det giver ingen fordel at komme først. Alle får besked om resultatet; de, der ikke får en tid, kommer på ventelisten.",
        "The times in this session are given out by lottery. Until {0} at {1} you can ask for the times you can make. Then we draw lots: the requests come in a random order, "
        + "and each gets the first of its times that is still free. Being first gives no advantage. Everyone is told the result; those without a time go on the waitlist.");
    public static readonly LocalText LotteryLink = new("Bed om en tid i telefontiden {0}", "Ask for a time in the session on {0}");
    public static readonly LocalText LotteryDrawing = new("Der trækkes lod om tiderne; de resterende tider kan bookes om få minutter.", "Lots are being drawn for the times; the remaining times can be booked in a few minutes.");
    public static readonly LocalText LotteryFor = new("Du beder om en tid i telefontiden {0}.", "You ask for a time in the session on {0}.");
    public static readonly LocalText LotterySlotsQuestion = new("Hvilke tider kan du?", "Which times can you make?");
    public static readonly LocalText LotterySlotsHint = new("Vælg alle de tider, du kan. Jo flere, jo større chance for en tid.", "Choose every time you can make. The more, the better your chance of a time.");
    public static readonly LocalText LotterySlotLabel = new("Kl. {0}", "At {0}");
    public static readonly LocalText LotterySlotsRequired = new("Vælg mindst én tid, du kan.", "Choose at least one time you can make.");
    public static readonly LocalText RequestButton = new("Send anmodningen", "Send the request");
    public static readonly LocalText StatusRequested = new("Anmodet – venter på lodtrækningen", "Requested – awaiting the draw");
    public static readonly LocalText RequestedText = new(
        "Vi trækker lod om tiderne {0} kl. {1}. Du får besked om resultatet; får du ingen tid, kommer du på ventelisten.",
        "We draw lots for the times on {0} at {1}. You are told the result; if you get no time, you go on the waitlist.");
    public static readonly LocalText ComingSessionsHeading = new("Dine kommende telefontider", "Your coming sessions");
    public static readonly LocalText ComingSessionsLead = new(
        "Kan du ikke tage en telefontid (fx ved sygdom), kan du aflyse den. Alle bookede borgere får besked med din begrundelse og fortrinsret til en ny tid.",
        "If you cannot take a session (e.g. when ill), you can cancel it. Every booked citizen is told your reason and gets priority for a new time.");
    public static readonly LocalText BookedSeats = new("{0} bookede samtaler.", "{0} booked calls.");
    public static readonly LocalText CancelReasonLabel = new("Begrundelse til borgerne", "Reason for the citizens");
    public static readonly LocalText CancelReasonHint = new("Fx \"Direktøren er syg\". Borgerne får den at vide.", "E.g. \"The director is ill\". The citizens are told.");
    public static readonly LocalText CancelSessionButton = new("Aflys telefontiden", "Cancel the session");
    public static readonly LocalText SessionCancelledNotice = new(
        "Telefontiden er aflyst. De bookede borgere får besked og fortrinsret til en ny tid.", "The session is cancelled. The booked citizens are told and get priority for a new time.");
    public static readonly LocalText StatisticsTitle = new("Direktørlinjen i tal", "The Director Line in numbers");
    public static readonly LocalText StatisticsLead = new(
        "Direktørgruppens overblik pr. forvaltning og måned: udbudte og bookede tider, gennemførte opkald, udeblevne, emner og idéer.",
        "The directors' group's overview per department and month: times offered and booked, calls held, no-shows, topics and ideas.");
    public static readonly LocalText MonthLabel = new("Måned", "Month");
    public static readonly LocalText MonthHint = new("Skrives ÅÅÅÅ-MM, fx 2026-11.", "Written YYYY-MM, e.g. 2026-11.");
    public static readonly LocalText ShowButton = new("Vis", "Show");
    public static readonly LocalText StatisticsCaption = new("Tal for {0}", "Numbers for {0}");
    public static readonly LocalText CsvLink = new("Hent tallene som CSV", "Download the numbers as CSV");
    public static readonly LocalText StatisticsLink = new("Se Direktørlinjen i tal", "See the Director Line in numbers");
    public static readonly LocalText HoldButton = new("Vælg tiden", "Choose the time");
    public static readonly LocalText SlotRequired = new("Vælg en af de ledige tider.", "Choose one of the free times.");
    public static readonly LocalText ChosenSlot = new("Din tid: kl. {0}, {1}", "Your time: {0}, {1}");
    public static readonly LocalText HeldUntil = new(
        "Vi holder tiden til dig til kl. {0}, mens du udfylder resten. Book inden da, ellers kan andre få den.",
        "We keep the time for you until {0} while you fill in the rest. Book before then, or others may get it.");
    public static readonly LocalText OtherTime = new("Vælg en anden tid", "Choose another time");
    public static readonly LocalText BookingUnavailable = new(
        "Booking virker ikke lige nu. Prøv igen om lidt.", "Booking does not work right now. Try again in a moment.");
    public static readonly LocalText ManageTitle = new("Din booking", "Your booking");
    public static readonly LocalText BookedNotice = new(
        "Din tid er booket. Gem linket til denne side: med det kan du se, flytte og aflyse din booking.",
        "Your time is booked. Keep the link to this page: with it you can see, move and cancel your booking.");
    public static readonly LocalText CancelledNotice = new("Din booking er aflyst.", "Your booking is cancelled.");
    public static readonly LocalText MovedNotice = new("Din booking er flyttet.", "Your booking has been moved.");
    public static readonly LocalText ReferenceLabel = new("Bookingnummer", "Booking reference");
    public static readonly LocalText StatusLabel = new("Status", "Status");
    public static readonly LocalText StatusBooked = new("Booket", "Booked");

    public static LocalText StatusName(BookingStatus status) => status switch
    {
        BookingStatus.Booked => StatusBooked,
        BookingStatus.Waitlisted => StatusWaitlisted,
        BookingStatus.Offered => StatusOffered,
        BookingStatus.Requested => StatusRequested,
        _ => StatusCancelled,
    };
    public static readonly LocalText StatusCancelled = new("Aflyst", "Cancelled");
    public static readonly LocalText TimeLabel = new("Tidspunkt", "Time");
    public static readonly LocalText At = new("kl.", "at");
    public static readonly LocalText KeepLink = new(
        "Linket til siden er personligt. Del det ikke med andre.", "The link to this page is personal. Do not share it.");
    public static readonly LocalText CancelHeading = new("Aflys", "Cancel");
    public static readonly LocalText CancelButton = new("Aflys min booking", "Cancel my booking");
    public static readonly LocalText MoveHeading = new("Flyt til en anden tid", "Move to another time");
    public static readonly LocalText NewSlotQuestion = new("Vælg den nye tid", "Choose the new time");
    public static readonly LocalText MoveButton = new("Flyt min booking", "Move my booking");

    public static LocalText KindName(TopicKind kind) =>
        Kinds.FirstOrDefault(k => k.Kind == kind).Text ?? Kinds[^1].Text;

    public static readonly LocalText OutcomeRecorded = new("Udfaldet er gemt.", "The outcome is saved.");
    public static readonly LocalText IdeaRegistered = new("Idéen er registreret. Borgeren kan følge den via sit link.", "The idea is registered. The citizen can follow it through their link.");
    public static readonly LocalText CallsOn = new("Opkald {0}", "Calls on {0}");
    public static readonly LocalText ComingDays = new("Kommende dage med opkald:", "Coming days with calls:");
    public static readonly LocalText NoCalls = new("Der er ingen opkald denne dag.", "There are no calls this day.");
    public static readonly LocalText OutcomeLabel = new("Udfald", "Outcome");
    public static readonly LocalText NotRecorded = new("Ikke registreret", "Not recorded");
    public static readonly LocalText IdeaLabel = new("Idé", "Idea");
    public static readonly LocalText ResultQuestion = new("Hvordan gik opkaldet?", "How did the call go?");
    public static readonly LocalText SummaryLabel = new("Resumé (frivilligt)", "Summary (optional)");
    public static readonly LocalText FollowUpsLabel = new("Opfølgning (frivilligt)", "Follow-ups (optional)");
    public static readonly LocalText ReferralLabel = new("Henvisning", "Referral");
    public static readonly LocalText ReferralNone = new("Ingen", "None");
    public static readonly LocalText ReferralNavigator = new("Til en navigator", "To a navigator");
    public static readonly LocalText ReferralResourcePerson = new("Til en ressourceperson", "To a resource person");
    public static readonly LocalText EscalateLabel = new("Sagen skal videre til Borgerpanelet", "The matter goes on to the Citizens' Panel");
    public static readonly LocalText SaveOutcome = new("Gem udfald", "Save outcome");
    public static readonly LocalText IdeaTitleLabel = new("Ny idé fra opkaldet: titel", "New idea from the call: title");
    public static readonly LocalText IdeaDescriptionLabel = new("Idéen kort (uden personoplysninger)", "The idea in brief (no personal data)");
    public static readonly LocalText RegisterIdea = new("Registrér idé", "Register idea");
    public static readonly LocalText IdeasTitle = new("Idéer fra borgerne", "Ideas from citizens");
    public static readonly LocalText IdeasLead = new(
        "Idéer til forbedringer, som borgere har givet direktørerne på Direktørlinjen, og hvor langt de er nået. Uden personoplysninger.",
        "Ideas for improvement that citizens have given the directors on the Director Line, and how far they have come. Without personal data.");
    public static readonly LocalText NoIdeas = new("Der er ingen idéer endnu.", "There are no ideas yet.");
    public static readonly LocalText IdeasLink = new("Se idéerne fra borgerne", "See the ideas from citizens");
    public static readonly LocalText YourIdeas = new("Dine idéer", "Your ideas");
    public static readonly LocalText DeclinedBecause = new("Begrundelse: {0}", "Reason: {0}");

    public static LocalText ResultName(CallResult result) => result == CallResult.NoShow
        ? new("Borgeren tog ikke telefonen", "The citizen did not answer")
        : new("Besvaret", "Answered");

    public static LocalText IdeaStatusName(IdeaStatus status) => status switch
    {
        IdeaStatus.UnderConsideration => new("Under overvejelse", "Under consideration"),
        IdeaStatus.Planned => new("Planlagt", "Planned"),
        IdeaStatus.Implemented => new("Gennemført", "Implemented"),
        IdeaStatus.Declined => new("Afvist", "Declined"),
        _ => new("Modtaget", "Received"),
    };
}
