namespace Civic.Gateway.Identity;

/// <summary>Signs a browser in as a demo user (the login page's POST) and out again.</summary>
public sealed class DevelopmentSignIn(DevelopmentLogin login, TimeProvider timeProvider)
{
    /// <summary>Issues a token for <paramref name="userId"/> and stores it in the access-token cookie.</summary>
    /// <returns>The demo user now signed in.</returns>
    /// <exception cref="ArgumentException">There is no demo user with that id.</exception>
    public DemoUser SignIn(HttpContext context, string userId)
    {
        var user = login.Find(userId) ?? throw new ArgumentException($"There is no demo user '{userId}'.", nameof(userId));
        AccessTokenCookie.Write(context, login.IssueToken(user.Id), timeProvider.GetUtcNow() + login.TokenLifetime);
        return user;
    }

    /// <summary>Removes the access-token cookie.</summary>
    public static void SignOut(HttpContext context) => AccessTokenCookie.Delete(context);
}
