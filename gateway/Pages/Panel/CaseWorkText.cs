using Civic.Contracts.Panel.V1;
using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Pages.Panel;

/// <summary>Texts of a case's work page (coordinators): sessions, contributions, synthesis, feedback, evaluation.</summary>
public static class CaseWorkText
{
    public static readonly LocalText Title = new("Panelets arbejde", "The panel's work");
    public static readonly LocalText Lead = new(
        "Møder, bidrag, syntese, tilbagemeldinger og evaluering. Alle medlemmers bidrag vejer lige meget: de vises i den rækkefølge, de blev givet, og rangeres aldrig.",
        "Sessions, contributions, synthesis, feedback and evaluation. Every member's contribution weighs the same: they are shown in the order given and never ranked.");
    public static readonly LocalText ToCaseWork = new("Panelets arbejde: møder, syntese, tilbagemeldinger og evaluering", "The panel's work: sessions, synthesis, feedback and evaluation");
    public static readonly LocalText SessionsHeading = new("Møder", "Sessions");
    public static readonly LocalText NoSessions = new("Der er ikke planlagt møder endnu.", "No sessions have been planned yet.");
    public static readonly LocalText Agenda = new("Dagsorden", "Agenda");
    public static readonly LocalText Contributions = new("Bidrag (i den rækkefølge, de blev givet)", "Contributions (in the order given)");
    public static readonly LocalText NoContributions = new("Ingen bidrag endnu.", "No contributions yet.");
    public static readonly LocalText ByMember = new("skrevet af medlemmet", "written by the member");
    public static readonly LocalText ByCoordinator = new("noteret af koordinatoren", "noted by the coordinator");
    public static readonly LocalText Erased = new("(slettet sammen med medlemmets persondata)", "(erased with the member's personal data)");

    /// <summary>A member's words, or a note that they were erased with the member (the erasure empties them).</summary>
    public static string OrErased(string text) => text.Length == 0 ? Erased.Current : text;
    public static readonly LocalText PlanHeading = new("Planlæg et møde", "Plan a session");
    public static readonly LocalText StartsAt = new("Tidspunkt", "Time");
    public static readonly LocalText StartsAtHint = new("Dansk tid.", "Danish time.");
    public static readonly LocalText PlaceType = new("Hvor holdes mødet?", "Where is the session held?");
    public static readonly LocalText Place = new("Sted", "Place");
    public static readonly LocalText PlaceHint = new("Adresse eller mødelink.", "Address or meeting link.");
    public static readonly LocalText Plan = new("Planlæg mødet", "Plan the session");
    public static readonly LocalText RecordHeading = new("Notér et bidrag", "Note a contribution");
    public static readonly LocalText Member = new("Medlem", "Member");
    public static readonly LocalText Text = new("Bidrag", "Contribution");
    public static readonly LocalText Record = new("Notér bidraget", "Note the contribution");
    public static readonly LocalText NoMembers = new("Ingen medlemmer har takket ja endnu.", "No members have accepted yet.");
    public static readonly LocalText SynthesisHeading = new("Syntese", "Synthesis");
    public static readonly LocalText SynthesisText = new("Syntesen", "The synthesis");
    public static readonly LocalText SaveDraft = new("Gem udkastet", "Save the draft");
    public static readonly LocalText Note = new("Besked til medlemmerne", "Note to the members");
    public static readonly LocalText NoteHint = new("Hvad skal de især se på?", "What should they look at in particular?");
    public static readonly LocalText OpenReview = new("Send til medlemmernes kommentering", "Send to the members for review");
    public static readonly LocalText Comments = new("Medlemmernes kommentarer", "The members' comments");
    public static readonly LocalText NoComments = new("Ingen kommentarer endnu.", "No comments yet.");
    public static readonly LocalText Response = new("Sådan er kommentarerne brugt", "How the comments were used");
    public static readonly LocalText Finalise = new("Gør syntesen endelig", "Make the synthesis final");
    public static readonly LocalText FeedbackHeading = new("Tilbagemeldinger", "Feedback");
    public static readonly LocalText FeedbackLead = new("Hvert medlem skal have at vide, hvad deres input blev til, senest 30 dage efter den endelige syntese.", "Every member must be told what became of their input within 30 days of the final synthesis.");
    public static readonly LocalText FeedbackText = new("Tilbagemelding til {0}", "Feedback to {0}");
    public static readonly LocalText Give = new("Send tilbagemeldingen", "Send the feedback");
    public static readonly LocalText Due = new("Frist: {0}", "Due: {0}");
    public static readonly LocalText FeedbackAfterFinal = new("Tilbagemeldinger gives, når syntesen er endelig.", "Feedback is given once the synthesis is final.");
    public static readonly LocalText Escalations = new("Eskaleringer", "Escalations");
    public static readonly LocalText EscalationLine = new("{0}: niveau {1} til {2} ({3} mangler)", "{0}: level {1} to {2} ({3} missing)");
    public static readonly LocalText EvaluationHeading = new("Evaluering (erkendelse)", "Evaluation (realisation)");
    public static readonly LocalText EvaluationOnlyInRealisation = new("Evalueringen skrives i erkendelsesfasen.", "The evaluation is written in the realisation phase.");
    public static readonly LocalText GoalFulfilment = new("Blev målene nået?", "Were the goals met?");
    public static readonly LocalText GoalAssessment = new("Vurdering i forhold til succeskriterierne", "Assessment against the success criteria");
    public static readonly LocalText Involvement = new("Inddragelse", "Involvement");
    public static readonly LocalText Process = new("Proces", "Process");
    public static readonly LocalText Learning = new("Læring", "Learning");
    public static readonly LocalText SaveEvaluation = new("Gem evalueringen", "Save the evaluation");
    public static readonly LocalText BadTime = new("Angiv tidspunktet som dato og klokkeslæt.", "Enter the time as a date and time.");

    public static readonly LocalText AtHome = new("Hjemme hos et medlem", "At a member's home");
    public static readonly LocalText CultureHouse = new("Kulturhus eller bibliotek", "Culture house or library");
    public static readonly LocalText Online = new("Online", "Online");
    public static readonly LocalText NeutralPlace = new("Et neutralt sted", "A neutral place");

    public static readonly LocalText Draft = new("Udkast", "Draft");
    public static readonly LocalText InReview = new("Til kommentering hos medlemmerne", "In review with the members");
    public static readonly LocalText Final = new("Endelig", "Final");
    public static readonly LocalText NoSynthesis = new("Ingen syntese endnu", "No synthesis yet");

    public static readonly LocalText NotMet = new("Ikke nået", "Not met");
    public static readonly LocalText PartlyMet = new("Delvist nået", "Partly met");
    public static readonly LocalText Met = new("Nået", "Met");

    public static LocalText Name(PlaceType type) => type switch
    {
        Contracts.Panel.V1.PlaceType.AtHome => AtHome,
        Contracts.Panel.V1.PlaceType.CultureHouse => CultureHouse,
        Contracts.Panel.V1.PlaceType.Online => Online,
        _ => NeutralPlace,
    };

    public static LocalText Name(SynthesisStage stage) => stage switch
    {
        SynthesisStage.Draft => Draft,
        SynthesisStage.InReview => InReview,
        SynthesisStage.Final => Final,
        _ => NoSynthesis,
    };

    public static LocalText Name(GoalFulfilment fulfilment) => fulfilment switch
    {
        Contracts.Panel.V1.GoalFulfilment.NotMet => NotMet,
        Contracts.Panel.V1.GoalFulfilment.PartlyMet => PartlyMet,
        _ => Met,
    };
}
