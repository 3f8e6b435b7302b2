using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Pages;

/// <summary>The pages shown for HTTP error statuses.</summary>
public static class StatusText
{
    public static readonly LocalText NotFoundTitle = new("Siden findes ikke", "Page not found");
    public static readonly LocalText NotFound = new(
        "Vi kan ikke finde den side, du leder efter. Tjek adressen, eller gå til forsiden.",
        "We cannot find the page you are looking for. Check the address or go to the front page.");
    public static readonly LocalText ForbiddenTitle = new("Du har ikke adgang", "You do not have access");
    public static readonly LocalText Forbidden = new(
        "Siden hører til en rolle, du ikke har. Log ind med en anden bruger, eller gå til forsiden.",
        "The page belongs to a role you do not have. Log in as another user or go to the front page.");
    public static readonly LocalText ErrorTitle = new("Der skete en fejl", "Something went wrong");
    public static readonly LocalText Error = new(
        "Der skete en fejl hos os. Prøv igen om lidt. Dine oplysninger er ikke gemt, hvis du var ved at udfylde en formular.",
        "Something went wrong on our side. Please try again in a moment. If you were filling in a form, nothing was saved.");
    public static readonly LocalText BadRequestTitle = new("Forespørgslen kunne ikke bruges", "The request could not be used");
    public static readonly LocalText BadRequest = new(
        "Formularen var for gammel eller ufuldstændig. Gå tilbage, genindlæs siden, og prøv igen.",
        "The form was too old or incomplete. Go back, reload the page and try again.");
    public static readonly LocalText TooManyRequestsTitle = new("For mange forespørgsler", "Too many requests");
    public static readonly LocalText TooManyRequests = new(
        "Du har prøvet mange gange på kort tid. Vent lidt, og prøv igen.",
        "You have tried many times in a short time. Wait a little and try again.");
}
