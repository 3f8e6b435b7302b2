using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Civic.Gateway.BrowserTests.Infrastructure;

/// <summary>Steps many tests share.</summary>
public static class UiSessionExtensions
{
    /// <summary>Logs in through the development login page as the demo user with <paramref name="role"/>.</summary>
    public static async Task LogInAsAsync(this UiSession session, string role)
    {
        await session.GotoAsync("/log-ind");
        await session.Page.Locator($"li[data-role='{role}'] button").ClickAsync();
        await Assertions.Expect(session.Page).Not.ToHaveURLAsync(new Regex("/log-ind"));
        await session.Page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        var cookies = await session.Context.CookiesAsync();
        Assert.Contains(cookies, cookie => cookie.Name == "civic.token" && cookie.HttpOnly);
    }

    /// <summary>
    /// Waits until the page's address is <paramref name="pathAndQuery"/> on the gateway and its document
    /// is parsed. (Polls the address, so it cannot miss a navigation that finished before it was called.)
    /// </summary>
    public static async Task ExpectPathAsync(this UiSession session, string pathAndQuery)
    {
        // Generous bound: the first page that calls a service pays for its JIT and database warm-up,
        // which on a loaded two-core CI machine can take several seconds. Not a speed check.
        await Assertions.Expect(session.Page).ToHaveURLAsync(
            new Uri(session.Stack.GatewayAddress, pathAndQuery).ToString(), new() { Timeout = 30_000 });
        await session.Page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <summary>What has keyboard focus: its tag, id and text, e.g. "A#|Log ind".</summary>
    public static Task<string> FocusedAsync(this IPage page) =>
        page.EvaluateAsync<string>("() => { const e = document.activeElement; return e.tagName + '#' + (e.id || '') + '|' + (e.innerText || e.value || '').trim().replace(/\\s+/g, ' '); }");

    /// <summary>The text of what has keyboard focus.</summary>
    public static async Task<string> FocusedTextAsync(this IPage page)
    {
        var focused = await page.FocusedAsync();
        return focused[(focused.IndexOf('|', StringComparison.Ordinal) + 1)..];
    }

    /// <summary>Presses Tab until the focused element's text is <paramref name="text"/>; fails after <paramref name="limit"/> presses.</summary>
    public static async Task<IReadOnlyList<string>> TabToAsync(this IPage page, string text, int limit = 40)
    {
        var visited = new List<string>();
        for (var i = 0; i < limit; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.FocusedTextAsync();
            visited.Add(focused);
            if (focused == text)
            {
                return visited;
            }
        }

        Assert.Fail($"Tab never reached '{text}'; it went through: {string.Join(" → ", visited)}");
        return visited;
    }
}
