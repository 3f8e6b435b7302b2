using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Pages;

/// <summary>Mine kontakter: a citizen's overview of their contacts in all three services.</summary>
public static class MyContactsText
{
    public static readonly LocalText Lead = new(
        "Her får du samlet overblik over dine kontakter med kommunen i Civic.",
        "Here you get one overview of your contacts with the municipality in Civic.");
    public static readonly LocalText Coming = new(
        "Siden er ikke færdig. Når den er, ser du her dine bookinger hos Direktørlinjen, dine invitationer fra Borgerpanelet og din families navigatører. Lige nu er der ingen oplysninger at vise.",
        "This page is not finished. When it is, you will see your Director Line bookings, your invitations from the Citizens' Panel and your family's navigators here. Right now there is nothing to show.");
}
