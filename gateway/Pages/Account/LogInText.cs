using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Pages.Account;

/// <summary>The login and logout pages.</summary>
public static class LogInText
{
    public static readonly LocalText Title = new("Log ind", "Log in");
    public static readonly LocalText DevelopmentOnly = new(
        "Denne side findes kun, når Civic kører på én maskine til udvikling og afprøvning. I drift logger du ind med kommunens fælles login.",
        "This page exists only when Civic runs on one machine for development and testing. In production you log in with the municipality's common login.");
    public static readonly LocalText ChooseUser = new("Vælg en demobruger", "Choose a demo user");
    public static readonly LocalText ChooseUserHint = new(
        "Hver bruger har en rolle. Du ser de områder, din rolle giver adgang til.",
        "Each user has a role. You see the areas your role gives access to.");
    public static readonly LocalText LogInAs = new("Log ind som {0}", "Log in as {0}");
    public static readonly LocalText UnknownUser = new("Vælg en af demobrugerne på listen.", "Choose one of the demo users in the list.");
    public static readonly LocalText NotAvailable = new(
        "Du logger ind med kommunens fælles login, før du kommer til Civic. Er du endt her, så gå til forsiden og prøv igen.",
        "You log in with the municipality's common login before you reach Civic. If you ended up here, go to the front page and try again.");

    public static readonly LocalText LogOutTitle = new("Log ud", "Log out");
    public static readonly LocalText LogOutQuestion = new("Vil du logge ud af Civic?", "Do you want to log out of Civic?");
    public static readonly LocalText NotLoggedIn = new("Du er ikke logget ind.", "You are not logged in.");
}
