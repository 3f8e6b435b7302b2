using System.Net;
using System.Text.RegularExpressions;
using Civic.Gateway.Ui;
using Microsoft.Net.Http.Headers;

namespace Civic.Gateway.Tests.Infrastructure;

/// <summary>What a browser keeps from a page with a form to post it: the form's anti-forgery token and cookie.</summary>
public static partial class AntiforgeryForm
{
    /// <summary>The token's form field.</summary>
    public const string Field = "__RequestVerificationToken";

    /// <summary>The page's token (for <see cref="Field"/>) and its anti-forgery cookie as a Cookie header entry.</summary>
    public static async Task<(string Token, string Cookie)> ReadAsync(HttpResponseMessage page, CancellationToken cancellationToken)
    {
        var token = Token().Match(await page.Content.ReadAsStringAsync(cancellationToken)).Groups[1].Value;
        var cookie = SetCookieHeaderValue.ParseList(page.Headers.GetValues(HeaderNames.SetCookie).ToList())
            .Single(c => c.Name == CivicUiApplicationExtensions.AntiforgeryCookieName);
        Assert.NotEmpty(token);
        return (WebUtility.HtmlDecode(token), $"{cookie.Name}={cookie.Value}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
