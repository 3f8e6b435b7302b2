using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Pages.Panel;

/// <summary>Texts of the invited member's page (reached through the invitation link, no login).</summary>
public static class MemberText
{
    public static readonly LocalText Title = new("Din invitation til Borgerpanelet", "Your invitation to the Citizens' Panel");
    public static readonly LocalText Unavailable = new("Invitationen kan ikke hentes lige nu. Prøv igen om lidt.", "The invitation cannot be fetched right now. Try again shortly.");
    public static readonly LocalText Invited = new(
        "Du er trukket ud til et borgerpanel om en sag i {0}. Din stemme vejer lige så meget som de andre medlemmers. Sig ja eller nej senest {1}.",
        "You have been drawn for a citizens' panel on a case in {0}. Your voice weighs as much as every other member's. Say yes or no by {1}.");
    public static readonly LocalText Accept = new("Ja tak, jeg vil gerne være med", "Yes, I would like to take part");
    public static readonly LocalText Decline = new("Nej tak", "No, thank you");
    public static readonly LocalText StatusLabel = new("Din invitation", "Your invitation");
    public static readonly LocalText DeclinedText = new("Du har sagt nej tak. Tak for svaret – pladsen går til en reserve.", "You said no. Thank you for answering – the seat goes to a reserve.");
    public static readonly LocalText ExpiredText = new("Fristen for at svare er overskredet, og pladsen er gået til en reserve.", "The deadline to answer has passed, and the seat has gone to a reserve.");
    public static readonly LocalText WithdrawnText = new("Du er meldt ud af Borgerpanelet, så invitationen gælder ikke længere.", "You have left the Citizens' Panel, so the invitation no longer applies.");
    public static readonly LocalText TermsHeading = new("Tavshedspligt", "Confidentiality");
    public static readonly LocalText TermsLead = new("Før du ser sagens materiale, skal du acceptere tavshedspligten.", "Before you see the case material, you must accept the confidentiality terms.");
    public static readonly LocalText AcceptTerms = new("Jeg accepterer tavshedspligten", "I accept the confidentiality terms");
    public static readonly LocalText TermsVersion = new("Version {0}", "Version {0}");
    public static readonly LocalText CaseHeading = new("Sagen", "The case");
    public static readonly LocalText ScopeHeading = new("Det har panelet indflydelse på", "What the panel has influence on");
    public static readonly LocalText ContactPerson = new("Din kontaktperson i kommunen (sagens koordinator)", "Your contact person at the municipality (the case's coordinator)");
    public static readonly LocalText PurposeHeading = new("Derfor er I samlet", "Why you are brought together");
    public static readonly LocalText QuestionsHeading = new("Det bliver panelet spurgt om", "What the panel is asked");
    public static readonly LocalText SessionsHeading = new("Møder", "Sessions");
    public static readonly LocalText NoSessions = new("Der er ikke planlagt møder endnu.", "No sessions have been planned yet.");
    public static readonly LocalText YourContributions = new("Dine bidrag", "Your contributions");
    public static readonly LocalText Contribution = new("Dit bidrag til mødet", "Your contribution to the session");
    public static readonly LocalText ContributionHint = new("Skriv det, du vil have med – det vejer lige så meget som alle andres.", "Write what you want included – it weighs as much as everyone else's.");
    public static readonly LocalText Contribute = new("Send dit bidrag", "Send your contribution");
    public static readonly LocalText SynthesisHeading = new("Syntesen", "The synthesis");
    public static readonly LocalText SynthesisInReview = new("Koordinatoren har samlet panelets input. Læs det, og kommentér, før syntesen bliver endelig.", "The coordinator has gathered the panel's input. Read it and comment before the synthesis becomes final.");
    public static readonly LocalText SynthesisFinal = new("Syntesen er endelig.", "The synthesis is final.");
    public static readonly LocalText YourComments = new("Dine kommentarer", "Your comments");
    public static readonly LocalText Comment = new("Din kommentar til syntesen", "Your comment on the synthesis");
    public static readonly LocalText SendComment = new("Send kommentaren", "Send the comment");
    public static readonly LocalText HowUsed = new("Sådan er kommentarerne brugt", "How the comments were used");
    public static readonly LocalText FeedbackHeading = new("Det blev dit input til", "What became of your input");
    public static readonly LocalText KeepLink = new("Gem linket i din invitation: det er din adgang til panelets arbejde.", "Keep the link in your invitation: it is your access to the panel's work.");
}
