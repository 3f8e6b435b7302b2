using Civic.Gateway.BrowserTests.Infrastructure;

namespace Civic.Gateway.BrowserTests;

/// <summary>The UI with a keyboard only: Tab to move, Enter to follow a link or press a button.</summary>
public sealed class KeyboardTests(CivicStack stack)
{
    private static readonly string[] HeaderFocusOrder =
    [
        "Gå til indhold", "Civic Borgere og kommune skaber løsninger sammen", "Log ind", "English",
        "Forside", "Direktørlinjen", "Borgerpanelet", "Ressourcenetværket",
    ];

    [Fact]
    public async Task Header_TabFromTheTop_VisitsSkipLinkBrandLoginLanguageAndMenuInOrder()
    {
        await using var session = await stack.OpenAsync();
        await session.GotoAsync("/");

        var order = new List<string>();
        foreach (var _ in HeaderFocusOrder)
        {
            await session.Page.Keyboard.PressAsync("Tab");
            order.Add(await session.Page.FocusedTextAsync());
            if (order[^1] is "English" or "Direktørlinjen")
            {
                // What focus looks like on a button and on a menu link.
                await session.ScreenshotAsync($"focus-{(order[^1] == "English" ? "button" : "menu")}.da");
            }
        }

        Assert.Equal(HeaderFocusOrder, order);
        await session.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("Læs om Direktørlinjen", await session.Page.FocusedTextAsync());
        await session.ScreenshotAsync("focus-link.da");
    }

    [Fact]
    public async Task SkipLink_Enter_MovesFocusToTheMainContent()
    {
        await using var session = await stack.OpenAsync();
        await session.GotoAsync("/");

        await session.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("Gå til indhold", await session.Page.FocusedTextAsync());
        // DKFDS slides the skip link into view (a 0.2 s transition) when it gets focus.
        await session.Page.WaitForFunctionAsync("() => document.querySelector('.skipnav').getBoundingClientRect().top >= 0", null, new() { Timeout = 2_000 });
        Assert.True(await session.Page.Locator(".skipnav").IsVisibleAsync() && await session.Page.Locator(".skipnav").BoundingBoxAsync() is { Y: >= 0 },
            "The skip link must be visible on screen while it has focus.");
        await session.Page.Keyboard.PressAsync("Enter");

        Assert.StartsWith("MAIN#indhold|", await session.Page.FocusedAsync(), StringComparison.Ordinal);
        await session.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("Læs om Direktørlinjen", await session.Page.FocusedTextAsync());
    }

    [Fact]
    public async Task LogInNavigateAndLogOut_WithTabAndEnterOnly_Works()
    {
        await using var session = await stack.OpenAsync();
        await session.GotoAsync("/");

        // To the login page through the header.
        await session.Page.TabToAsync("Log ind");
        await session.Page.Keyboard.PressAsync("Enter");
        await session.ExpectPathAsync("/log-ind");
        Assert.Equal("Log ind", await session.Page.Locator("h1").InnerTextAsync());

        // Past the header to the demo users, listed by role from citizen to administrator.
        var visited = await session.Page.TabToAsync("Log ind som Jonas Christensen");
        Assert.Equal(
            [.. HeaderFocusOrder, "Log ind som Mette Jensen", "Log ind som Ahmad Rahimi", "Log ind som Birthe Nielsen", "Log ind som Sofie Nielsen", "Log ind som Jonas Christensen"],
            visited);
        await session.Page.Keyboard.PressAsync("Enter");
        await session.ExpectPathAsync("/");
        Assert.Equal("Logget ind som Jonas Christensen (koordinator)", await session.Page.Locator(".signed-in").InnerTextAsync());

        // The coordinator's area is in the second menu; the header now offers logging out instead of in.
        visited = await session.Page.TabToAsync("Panelsager");
        Assert.Equal(
            ["Gå til indhold", "Civic Borgere og kommune skaber løsninger sammen", "Log ud", "English",
             "Forside", "Direktørlinjen", "Borgerpanelet", "Ressourcenetværket", "Panelsager"],
            visited);
        await session.Page.Keyboard.PressAsync("Enter");
        await session.ExpectPathAsync("/borgerpanelet/sager");
        Assert.Equal("Panelsager", await session.Page.Locator("h1").InnerTextAsync());
        Assert.True(await session.Page.Locator("table tbody tr").CountAsync() > 0, "The coordinator should see the demo cases.");

        await session.Page.TabToAsync("Log ud");
        await session.Page.Keyboard.PressAsync("Enter");
        await session.ExpectPathAsync("/");
        Assert.Equal(0, await session.Page.Locator(".signed-in").CountAsync());
        Assert.DoesNotContain(await session.Context.CookiesAsync(), cookie => cookie.Name == "civic.token");

        // Who logged in never appeared in an address.
        Assert.DoesNotContain(session.RequestedUrls, url => url.Contains("demo-", StringComparison.Ordinal) || url.Contains("Jonas", StringComparison.Ordinal));
        session.AssertNoConsoleErrors();
    }
}
