using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Ui.Text;

/// <summary>Notices that pages of every area share: what is not built yet, and a service that cannot be reached.</summary>
public static class NoticeText
{
    public static readonly LocalText NotYetHeading = new("Det kan du ikke endnu", "What you cannot do yet");
    public static readonly LocalText ComingHeading = new("Det kommer her", "Coming here");
    public static readonly LocalText ServiceUnavailable = new(
        "Oplysningerne kan ikke hentes lige nu. Prøv igen om lidt.",
        "The information cannot be fetched right now. Please try again in a moment.");

    // The names of the alerts' icons (DKFDS labels them, so a screen reader hears the kind of message first).
    public static readonly LocalText InformationIcon = new("Information", "Information");
    public static readonly LocalText WarningIcon = new("Advarsel", "Warning");
    public static readonly LocalText ErrorIcon = new("Fejl", "Error");
}
