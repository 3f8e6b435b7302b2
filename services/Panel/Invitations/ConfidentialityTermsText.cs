namespace Civic.Panel.Invitations;

/// <summary>The confidentiality terms (tavshedspligt) a member accepts before seeing any case material; a new text gets a new version.</summary>
public static class ConfidentialityTermsText
{
    public const string Version = "tavshedspligt/2026-1";

    public const string Danish =
        "Som medlem af Borgerpanelet får du oplysninger om en sag, som ikke er offentlige. Du har tavshedspligt: du må ikke videregive oplysninger om sagen eller om de personer, den handler om, til andre – heller ikke efter at panelet er slut. Du må gerne fortælle, at du er med i panelet, og hvad panelet overordnet arbejder med, når sagen er offentliggjort. Er du i tvivl, så spørg koordinatoren.";

    public const string English =
        "As a member of the Citizens' Panel you receive information about a case that is not public. You are bound by confidentiality: you may not pass on information about the case or the people it concerns to anyone – also after the panel has ended. You may say that you are on the panel, and what the panel works on in general once the case has been made public. If in doubt, ask the coordinator.";
}
