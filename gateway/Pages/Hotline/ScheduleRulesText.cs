using Civic.Contracts.Hotline.V1;
using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Pages.Hotline;

/// <summary>The administrators' page of schedule rules: each department's rules in plain words, create, change and retire with a preview.</summary>
public static class ScheduleRulesText
{
    public static readonly LocalText Title = new("Regler for telefontider", "Rules for telephone hours");
    public static readonly LocalText Lead = new(
        "Hver forvaltnings faste telefontider på Direktørlinjen. Ændrer eller udfaser du en regel, ser du først, hvilke bookinger der berøres, og vælger, hvad der skal ske med dem.",
        "Each department's fixed telephone hours on the Director Line. When you change or retire a rule, you first see which bookings are affected and choose what happens to them.");
    public static readonly LocalText Link = new("Regler for telefontider på Direktørlinjen", "Rules for telephone hours on the Director Line");
    public static readonly LocalText NoRules = new("Ingen regler endnu.", "No rules yet.");
    public static readonly LocalText Retired = new("Udfaset {0}", "Retired {0}");
    public static readonly LocalText Edit = new("Ret", "Change");
    public static readonly LocalText EditLabel = new("Ret reglen: {0}", "Change the rule: {0}");
    public static readonly LocalText Retire = new("Udfas", "Retire");
    public static readonly LocalText RetireLabel = new("Udfas reglen: {0}", "Retire the rule: {0}");
    public static readonly LocalText NewRule = new("Ny regel for {0}", "New rule for {0}");
    public static readonly LocalText EditHeading = new("Ret regel for {0}", "Change a rule of {0}");
    public static readonly LocalText RetireHeading = new("Udfas regel for {0}", "Retire a rule of {0}");
    public static readonly LocalText WeekLabel = new("Hvilken uge i måneden", "Which week of the month");
    public static readonly LocalText WeekdayLabel = new("Ugedag", "Day of the week");
    public static readonly LocalText StartsLabel = new("Starter kl.", "Starts at");
    public static readonly LocalText EndsLabel = new("Slutter kl.", "Ends at");
    public static readonly LocalText TimeHint = new("Dansk tid, fx 16:00.", "Danish time, e.g. 16:00.");
    public static readonly LocalText SlotMinutesLabel = new("Minutter pr. samtale", "Minutes per call");
    public static readonly LocalText LinesLabel = new("Samtidige linjer", "Parallel lines");
    public static readonly LocalText LinesHint = new("Hvor mange borgere direktøren og stedfortræderne kan tale med på samme tid.", "How many citizens the director and deputies can talk to at the same time.");
    public static readonly LocalText OpensDaysLabel = new("Bookingen åbner antal dage før", "Booking opens this many days before");
    public static readonly LocalText OpensAtLabel = new("Bookingen åbner kl.", "Booking opens at");
    public static readonly LocalText ClosesHoursLabel = new("Bookingen lukker antal timer før", "Booking closes this many hours before");
    public static readonly LocalText HolidayLegend = new("Når dagen er en helligdag", "When the day is a public holiday");
    public static readonly LocalText HolidayNext = new("Flyt telefontiden til næste arbejdsdag", "Move the telephone hours to the next working day");
    public static readonly LocalText HolidaySkip = new("Spring telefontiden over den måned", "Skip the telephone hours that month");
    public static readonly LocalText ValidFromLabel = new("Gælder fra måned", "Applies from month");
    public static readonly LocalText ValidFromHint = new("Fx 2027-01.", "E.g. 2027-01.");
    public static readonly LocalText AllocationLegend = new("Fordeling af tiderne", "How the times are given out");
    public static readonly LocalText FirstCome = new("Først til mølle", "First come, first served");
    public static readonly LocalText Lottery = new("Anmodningsperiode og lodtrækning", "Request window and lottery");
    public static readonly LocalText WindowLabel = new("Anmodningsperiode i minutter (kun ved lodtrækning)", "Request window in minutes (lottery only)");
    public static readonly LocalText CreateButton = new("Opret reglen", "Create the rule");
    public static readonly LocalText PreviewButton = new("Se, hvad ændringen betyder", "See what the change means");
    public static readonly LocalText SaveButton = new("Gem ændringen", "Save the change");
    public static readonly LocalText RetireButton = new("Udfas reglen", "Retire the rule");
    public static readonly LocalText PreviewHeading = new("Det betyder ændringen", "What the change means");
    /// <summary>E.g. "3 telefontider med 11 bookinger berøres." (singular for one).</summary>
    public static string Affected(int sessions, int bookings) =>
        new LocalText(
            $"{sessions} {(sessions == 1 ? "telefontid" : "telefontider")} med {bookings} {(bookings == 1 ? "booking" : "bookinger")} berøres.",
            $"{sessions} telephone {(sessions == 1 ? "session" : "sessions")} with {bookings} {(bookings == 1 ? "booking" : "bookings")} affected.").Current;
    public static readonly LocalText NoneAffected = new("Ingen bookinger berøres.", "No bookings are affected.");
    public static readonly LocalText Replaced = new("{0} kommende telefontider uden bookinger laves om efter den nye regel (ved udfasning fjernes de).",
        "{0} coming telephone hours without bookings are remade by the new rule (removed when retiring).");
    public static readonly LocalText Adjusted = new("{0} telefontider med bookinger passer stadig og tilpasses, bookingerne bevares.",
        "{0} telephone hours with bookings still fit and are adjusted; their bookings are kept.");
    public static readonly LocalText DateColumn = new("Dag", "Day");
    public static readonly LocalText TimeColumn = new("Kl.", "Time");
    public static readonly LocalText BookingsColumn = new("Bookinger", "Bookings");
    public static readonly LocalText AffectedCaption = new("Telefontider med bookinger, der ikke passer til den nye regel", "Telephone hours with bookings that do not fit the new rule");
    public static readonly LocalText ChoiceLegend = new("Hvad skal der ske med de berørte telefontider?", "What should happen to the affected telephone hours?");
    public static readonly LocalText Keep = new("Behold dem, som de er", "Keep them as they are");
    public static readonly LocalText Cancel = new("Aflys dem – borgerne får besked og fortrinsret til en ny tid", "Cancel them – the citizens are told and may rebook with priority");
    public static readonly LocalText ReasonLabel = new("Besked til borgerne (frivilligt)", "Message to the citizens (optional)");
    public static readonly LocalText ReasonHint = new("Bruges, hvis du aflyser. Uden besked skriver vi, at telefontiden er ændret.", "Used if you cancel. Without one we write that the telephone hours have changed.");
    public static readonly LocalText Created = new("Reglen er oprettet.", "The rule is created.");
    public static readonly LocalText Changed = new("Ændringen er gemt.", "The change is saved.");
    public static readonly LocalText RetiredNotice = new("Reglen er udfaset.", "The rule is retired.");
    public static readonly LocalText ChangesHeading = new("Seneste ændringer", "Latest changes");
    public static readonly LocalText ChangeLine = new("{0}: {1} af {2}", "{0}: {1} by {2}");
    public static readonly LocalText KindCreated = new("oprettet", "created");
    public static readonly LocalText KindUpdated = new("ændret", "changed");
    public static readonly LocalText KindRetired = new("udfaset", "retired");
    public static readonly LocalText Unavailable = new("Reglerne kan ikke ændres lige nu. Prøv igen om lidt.", "The rules cannot be changed right now. Try again in a moment.");

    public static LocalText KindName(RuleChangeKind kind) => kind switch
    {
        RuleChangeKind.Created => KindCreated,
        RuleChangeKind.Retired => KindRetired,
        _ => KindUpdated,
    };

    public static readonly IReadOnlyList<(int Week, LocalText Text)> Weeks =
    [
        (1, new("Første", "First")), (2, new("Anden", "Second")), (3, new("Tredje", "Third")), (4, new("Fjerde", "Fourth")), (-1, new("Sidste", "Last")),
    ];

    public static readonly IReadOnlyList<(Weekday Day, LocalText Text)> Weekdays =
    [
        (Weekday.Monday, new("mandag", "Monday")), (Weekday.Tuesday, new("tirsdag", "Tuesday")), (Weekday.Wednesday, new("onsdag", "Wednesday")),
        (Weekday.Thursday, new("torsdag", "Thursday")), (Weekday.Friday, new("fredag", "Friday")), (Weekday.Saturday, new("lørdag", "Saturday")),
        (Weekday.Sunday, new("søndag", "Sunday")),
    ];
}
