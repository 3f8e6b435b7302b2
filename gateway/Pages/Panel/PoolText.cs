using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Pages.Panel;

/// <summary>Texts of the pool's pages: sign-up, confirmation, the member's own page and assisted sign-up.</summary>
public static class PoolText
{
    public static readonly LocalText SignUpTitle = new("Meld dig til Borgerpanelet", "Join the Citizens' Panel");
    public static readonly LocalText SignUpLead = new(
        "Du behøver ingen konto. Vi bruger dine svar til at sammensætte alsidige paneler ved lodtrækning. Når du har sendt formularen, får du en e-mail med et link, som du skal åbne for at bekræfte din tilmelding.",
        "You need no account. We use your answers to put together varied panels by lottery. When you have sent the form, you get an e-mail with a link you must open to confirm your sign-up.");
    public static readonly LocalText AboutYou = new("Om dig", "About you");
    public static readonly LocalText Name = new("Navn", "Name");
    public static readonly LocalText Email = new("E-mail", "E-mail");
    public static readonly LocalText EmailHint = new("Linket til bekræftelse sendes hertil.", "The confirmation link is sent here.");
    public static readonly LocalText AssistedEmailHint = new("Valgfri, men angiv e-mail eller telefon.", "Optional, but give an e-mail address or a phone number.");
    public static readonly LocalText Phone = new("Telefonnummer (valgfrit)", "Phone number (optional)");
    public static readonly LocalText FeaturesHeading = new("Det, der gør panelerne alsidige", "What makes the panels varied");
    public static readonly LocalText FeaturesHint = new(
        "Vi bruger kun disse oplysninger til lodtrækningen, så panelerne kommer til at bestå af forskellige mennesker.",
        "We use these answers only for the lottery, so that the panels are made up of different people.");
    public static readonly LocalText Availability = new("Hvornår kan du typisk deltage? (valgfrit)", "When can you usually take part? (optional)");
    public static readonly LocalText AvailabilityHint = new("Fx hverdage efter kl. 16 eller weekender.", "E.g. weekdays after 4 pm or weekends.");
    public static readonly LocalText Languages = new("Hvilke sprog kan du deltage på?", "Which languages can you take part in?");
    public static readonly LocalText ConsentHeading = new("Samtykke", "Consent");
    public static readonly LocalText ConsentCheckbox = new("Jeg giver samtykke som beskrevet ovenfor", "I give my consent as described above");
    public static readonly LocalText AssistedConsentCheckbox = new(
        "Borgeren har givet mig samtykke som beskrevet ovenfor (samtykket registreres som givet til dig)",
        "The citizen gave me consent as described above (the consent is recorded as given to you)");
    public static readonly LocalText ConsentVersion = new("Samtykketekst version {0}. Samtykket gælder i {1} måneder.", "Consent text version {0}. Consent lasts {1} months.");
    public static readonly LocalText SignUpButton = new("Meld mig til", "Sign me up");
    public static readonly LocalText SentTitle = new("Tjek din e-mail", "Check your e-mail");
    public static readonly LocalText SentLead = new(
        "Tak! Vi har sendt en e-mail med et link. Åbn linket inden {0} for at bekræfte din tilmelding. Indtil da er du ikke med i puljen.",
        "Thank you! We have sent you an e-mail with a link. Open it before {0} to confirm your sign-up. Until then you are not in the pool.");
    public static readonly LocalText Unavailable = new("Borgerpanelet kan ikke svare lige nu. Prøv igen om lidt.", "The Citizens' Panel cannot answer right now. Try again shortly.");

    public static readonly LocalText ConfirmTitle = new("Bekræft din tilmelding", "Confirm your sign-up");
    public static readonly LocalText ConfirmLead = new("Tryk på knappen for at bekræfte, at du vil være med i Borgerpanelets pulje.", "Press the button to confirm that you want to join the Citizens' Panel's pool.");
    public static readonly LocalText ConfirmButton = new("Bekræft min tilmelding", "Confirm my sign-up");

    public static readonly LocalText MemberTitle = new("Mit medlemskab af Borgerpanelet", "My membership of the Citizens' Panel");
    public static readonly LocalText MemberLead = new(
        "Her ser du de oplysninger, vi har om dig. Gem linket til denne side – det er din adgang, og du skal ikke have en konto.",
        "Here you see the information we keep about you. Keep the link to this page – it is your access, and you need no account.");
    public static readonly LocalText JustConfirmed = new("Din tilmelding er bekræftet. Du er nu med i puljen.", "Your sign-up is confirmed. You are now in the pool.");
    public static readonly LocalText JustRenewed = new("Dit samtykke er fornyet. Brug linket til denne side fremover.", "Your consent is renewed. Use the link to this page from now on.");
    public static readonly LocalText Status = new("Status", "Status");
    public static readonly LocalText StatusPending = new("Venter på bekræftelse", "Waiting for confirmation");
    public static readonly LocalText StatusActive = new("Aktiv i puljen", "Active in the pool");
    public static readonly LocalText StatusWithdrawn = new("Udmeldt", "Withdrawn");
    public static readonly LocalText ConsentGiven = new("Samtykke givet", "Consent given");
    public static readonly LocalText ConsentExpires = new("Samtykket udløber", "Consent expires");
    public static readonly LocalText ConsentGivenTo = new("Samtykke givet til", "Consent given to");
    public static readonly LocalText HistoryHeading = new("Mine paneler", "My panels");
    public static readonly LocalText HistoryEmpty = new("Du er ikke trukket ud til et panel endnu.", "You have not been drawn for a panel yet.");
    public static readonly LocalText HistoryCase = new("Sag", "Case");
    public static readonly LocalText HistoryDrawn = new("Trukket ud", "Drawn");
    public static readonly LocalText ExportHeading = new("Hent dine oplysninger", "Download your information");
    public static readonly LocalText ExportLead = new("Du får alt, hvad vi har om dig, som en JSON-fil – også loggen over, hvem der har set dine oplysninger.", "You get everything we keep about you as a JSON file – including the log of who has seen your information.");
    public static readonly LocalText ExportButton = new("Hent mine oplysninger (JSON)", "Download my information (JSON)");
    public static readonly LocalText RenewHeading = new("Forny dit samtykke", "Renew your consent");
    public static readonly LocalText RenewButton = new("Forny mit samtykke", "Renew my consent");
    public static readonly LocalText WithdrawHeading = new("Meld dig ud", "Withdraw");
    public static readonly LocalText WithdrawLead = new(
        "Når du melder dig ud, sletter vi dit navn, dine kontaktoplysninger og dine svar med det samme. Kun anonym statistik bliver tilbage. Det kan ikke fortrydes.",
        "When you withdraw, we erase your name, your contact details and your answers at once. Only anonymous statistics remain. This cannot be undone.");
    public static readonly LocalText WithdrawCheckbox = new("Ja, slet mine oplysninger og meld mig ud", "Yes, erase my information and withdraw me");
    public static readonly LocalText WithdrawButton = new("Meld mig ud", "Withdraw me");
    public static readonly LocalText WithdrawnTitle = new("Du er meldt ud", "You have withdrawn");
    public static readonly LocalText WithdrawnLead = new(
        "Dine personoplysninger er slettet. Tak for din interesse i Borgerpanelet – du er velkommen til at melde dig igen.",
        "Your personal data is erased. Thank you for your interest in the Citizens' Panel – you are welcome to sign up again.");

    public static readonly LocalText AssistedTitle = new("Tilmeld en borger", "Register a citizen");
    public static readonly LocalText AssistedLead = new(
        "For borgere, der ikke er online: du udfylder formularen sammen med borgeren. Borgeren er med i puljen med det samme, og du får et link, som borgeren skal have.",
        "For citizens who are not online: you fill in the form together with the citizen. The citizen joins the pool at once, and you get a link to hand to the citizen.");
    public static readonly LocalText AssistedButton = new("Tilmeld borgeren", "Register the citizen");
    public static readonly LocalText AssistedDone = new("{0} er tilmeldt. Giv borgeren dette link til sin medlemsside:", "{0} is registered. Give the citizen this link to their member page:");
}
