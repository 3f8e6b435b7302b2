using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Pages.Network;

/// <summary>Ressourcenetværket's page: what the network does.</summary>
public static class NetworkText
{
    public static readonly LocalText Lead = new(
        "Ressourcenetværket samler medarbejdere og frivillige fra civilsamfundet, som er gode til at skabe løsninger sammen med borgerne, og som kender vej i kommunens tilbud.",
        "The Resource Network brings together staff and volunteers from civil society who are good at creating solutions together with citizens and who know their way around the municipality's services.");
    public static readonly LocalText WhatHeading = new("Hvad kan netværket?", "What can the network do?");
    public static readonly LocalText Help = new(
        "En afdeling kan bede en ressourceperson om hjælp, fx til at lede et møde med borgere.",
        "A department can ask a resource person for help, for example to lead a meeting with citizens.");
    public static readonly LocalText Manager = new(
        "Ressourcepersonens leder godkender den tid, der bruges, så opgaven er prioriteret.",
        "The resource person's manager approves the time spent, so the task is given priority.");
    public static readonly LocalText Navigator = new(
        "En familie kan vælge en medarbejder, den kender, som navigatør. Forvaltningen udpeger også en ekstra navigatør, så der altid er én at gå til.",
        "A family can choose a staff member it knows as its navigator. The department also appoints a second navigator, so there is always someone to turn to.");
    public static readonly LocalText NotYet = new(
        "Du kan søge i netværket nu. Medarbejdere, der er logget ind, ser også de profiler, der kun er for kommunens ansatte, og kan bede om hjælp under Anmodninger i netværket. Værktøjskassen er åben for alle. Medarbejdere kan se en families navigatører. Netværksgrupper kommer i en senere version.",
        "You can search the network now. Staff who are logged in also see the profiles meant only for the municipality's employees, and can ask for help under Network requests. The toolbox is open to everyone. Staff can see a family's navigators. Network groups come in a later version.");
    public static readonly LocalText SearchLink = new("Søg efter en ressourceperson", "Search for a resource person");
}
