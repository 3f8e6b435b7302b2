namespace Civic.Gateway.Ui;

/// <summary>The UI's own addresses that code (not only markup) needs.</summary>
public static class UiPaths
{
    public const string FrontPage = "/";
    public const string LogIn = "/log-ind";
    public const string StatusPage = "/fejl/{0}";

    /// <summary>The login page, coming back to <paramref name="path"/> afterwards (a path only: no query string, so nothing personal travels).</summary>
    public static string LogInReturningTo(PathString path) =>
        path.HasValue && path != FrontPage
            ? $"{LogIn}?returnUrl={Uri.EscapeDataString(path.Value!)}"
            : LogIn;
}
