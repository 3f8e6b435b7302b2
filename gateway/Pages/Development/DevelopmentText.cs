using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Pages.Development;

/// <summary>The development mailbox page (Development only).</summary>
public static class DevelopmentText
{
    public static readonly LocalText MailboxTitle = new("Udviklingspostkasse", "Development mailbox");
    public static readonly LocalText MailboxLead = new(
        "Kun på udviklingsmaskinen: de beskeder, Direktørlinjen, Borgerpanelet og Ressourcenetværket ville have sendt, nyeste først.",
        "On the development machine only: the messages the Director Line, the Citizen Panel and the Resource Network would have sent, newest first.");
    public static readonly LocalText MailboxEmpty = new("Der er ingen beskeder.", "There are no messages.");
    public static readonly LocalText MailboxUnavailable = new("Beskederne fra {0} kan ikke hentes lige nu.", "The messages from {0} cannot be fetched right now.");
    public static readonly LocalText MailboxFrom = new("Fra {0}", "From {0}");
    public static readonly LocalText MailboxTo = new("Til {0} ({1})", "To {0} ({1})");
    public static readonly LocalText MailboxSent = new("Sendt", "Sent");
    public static readonly LocalText MailboxWaiting = new("Venter på afsendelse", "Waiting to be sent");
    public static readonly LocalText MailboxCalendar = new("Med kalenderfil (.ics)", "With a calendar file (.ics)");
    public static readonly LocalText Hotline = new("Direktørlinjen", "the Director Line");
    public static readonly LocalText Panel = new("Borgerpanelet", "the Citizen Panel");
    public static readonly LocalText Network = new("Ressourcenetværket", "the Resource Network");
}
