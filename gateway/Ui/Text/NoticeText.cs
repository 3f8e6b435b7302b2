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
}
