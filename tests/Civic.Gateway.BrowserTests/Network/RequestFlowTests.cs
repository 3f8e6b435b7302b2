using System.Text.RegularExpressions;
using Civic.Gateway.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Civic.Gateway.BrowserTests.Network;

/// <summary>
/// The whole request journey in the browser, as the demo users: a coordinator searches and asks
/// Sofie Nielsen for help; Sofie accepts (without JavaScript); her manager approves the hours with
/// the keyboard; the coordinator completes the request with feedback. Every page passes axe-core.
/// </summary>
public sealed partial class RequestFlowTests(CivicStack stack)
{
    [Fact]
    public async Task Request_SearchAskAcceptApproveComplete_EveryStepShownAndAccessible()
    {
        var need = $"Mægling på et forældremøde {Guid.NewGuid().ToString("N")[..6]}";
        var start = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        // The coordinator (a panel coordinator in the demo) finds Sofie and asks her.
        await using (var coordinator = await stack.OpenAsync())
        {
            await coordinator.LogInAsAsync("coordinator");
            await coordinator.GotoAsync("/ressourcenetvaerket/soeg");
            await coordinator.Page.GetByLabel("Søgeord").FillAsync("Sofie");
            await coordinator.Page.GetByRole(AriaRole.Button, new() { Name = "Søg", Exact = true }).ClickAsync();
            await coordinator.Page.GetByRole(AriaRole.Link, new() { Name = "Anmod Sofie Nielsen om hjælp" }).ClickAsync();
            await Assertions.Expect(coordinator.Page.Locator("h1")).ToHaveTextAsync("Anmod om hjælp");
            Assert.Contains("Sofie Nielsen", await coordinator.Page.Locator(".font-lead").InnerTextAsync(), StringComparison.Ordinal);
            await coordinator.AssertNoAccessibilityViolationsAsync("request form");

            // A date in the past is refused by the service, shown at the field, and nothing is sent.
            await coordinator.Page.GetByLabel("Hvad skal hjælpen bruges til?").FillAsync(need);
            await coordinator.Page.GetByLabel("Kompetence").SelectOptionAsync(new SelectOptionValue { Label = "Konfliktmægling" });
            await coordinator.Page.GetByLabel("Startdato").FillAsync("2020-01-01");
            await coordinator.Page.GetByLabel("Slutdato").FillAsync(start);
            await coordinator.Page.GetByLabel("Timer i alt").FillAsync("2");
            await coordinator.Page.GetByRole(AriaRole.Button, new() { Name = "Send anmodningen" }).ClickAsync();
            await Assertions.Expect(coordinator.Page.Locator(".error-summary a[href='#start-date']")).ToContainTextAsync("overskredet");
            await coordinator.AssertNoAccessibilityViolationsAsync("request form with an error");

            await coordinator.Page.GetByLabel("Startdato").FillAsync(start);
            await coordinator.Page.GetByRole(AriaRole.Button, new() { Name = "Send anmodningen" }).ClickAsync();
            await coordinator.ExpectPathAsync("/ressourcenetvaerket/anmodninger?besked=oprettet");
            await Assertions.Expect(coordinator.Page.Locator(".alert-success")).ToContainTextAsync("Anmodningen er sendt.");
            await Assertions.Expect(Item(coordinator, "#requested-by-me", need)).ToContainTextAsync("Sendt til personen");
            await coordinator.AssertNoAccessibilityViolationsAsync("requests after sending");
            coordinator.AssertNoConsoleErrors();
        }

        // Sofie accepts, in a browser without JavaScript: the page is plain forms.
        await using (var person = await stack.OpenAsync(javaScriptEnabled: false))
        {
            await LogInWithoutScriptAsync(person, "staff");
            await person.GotoAsync("/ressourcenetvaerket/anmodninger");
            await Item(person, "#asked-of-me", need).GetByRole(AriaRole.Button, new() { Name = "Acceptér" }).ClickAsync();
            await person.ExpectPathAsync("/ressourcenetvaerket/anmodninger?besked=svaret");
            await Assertions.Expect(Item(person, "#asked-of-me", need)).ToContainTextAsync("Accepteret – afventer leder");
        }

        // Her manager (the demo director) approves the hours with the keyboard.
        await using (var manager = await stack.OpenAsync("en"))
        {
            await manager.LogInAsAsync("director");
            await manager.GotoAsync("/ressourcenetvaerket/anmodninger");
            var approve = Item(manager, "#awaiting-approval", need).GetByRole(AriaRole.Button, new() { Name = "Approve 2 hours" });
            await manager.AssertNoAccessibilityViolationsAsync("requests awaiting approval (en)");
            await approve.FocusAsync();
            await manager.Page.Keyboard.PressAsync("Enter");
            await manager.ExpectPathAsync("/ressourcenetvaerket/anmodninger?besked=godkendt");
            await Assertions.Expect(manager.Page.Locator(".alert-success")).ToContainTextAsync("The hours have been approved and booked.");
            Assert.Equal(0, await Item(manager, "#awaiting-approval", need).CountAsync());
            manager.AssertNoConsoleErrors();
        }

        // The coordinator completes it with feedback.
        await using (var coordinator = await stack.OpenAsync())
        {
            await coordinator.LogInAsAsync("coordinator");
            await coordinator.GotoAsync("/ressourcenetvaerket/anmodninger");
            var item = Item(coordinator, "#requested-by-me", need);
            await Assertions.Expect(item).ToContainTextAsync("Godkendt");
            await item.GetByLabel("Hvordan gik det?").SelectOptionAsync("5");
            await item.GetByLabel("Tilbagemelding").FillAsync("Sofie fik alle til at lytte til hinanden.");
            await coordinator.AssertNoAccessibilityViolationsAsync("requests with a completion form");
            await item.GetByRole(AriaRole.Button, new() { Name = "Afslut med tilbagemelding" }).ClickAsync();
            await coordinator.ExpectPathAsync("/ressourcenetvaerket/anmodninger?besked=afsluttet");
            await Assertions.Expect(Item(coordinator, "#requested-by-me", need)).ToContainTextAsync("Afsluttet");
            await coordinator.ScreenshotAsync("network-requests-completed.da");
            coordinator.AssertNoConsoleErrors();
        }
    }

    private static ILocator Item(UiSession session, string list, string need) =>
        session.Page.Locator($"{list} li.help-request").Filter(new() { HasText = need });

    /// <summary>The development login is a plain form too (the staff demo user is demo-medarbejder, Sofie's owner).</summary>
    private static async Task LogInWithoutScriptAsync(UiSession session, string role)
    {
        await session.GotoAsync("/log-ind");
        await session.Page.Locator($"li[data-role='{role}'] button").ClickAsync();
        await Assertions.Expect(session.Page).Not.ToHaveURLAsync(LogInPath());
        Assert.Contains(await session.Context.CookiesAsync(), cookie => cookie.Name == "civic.token");
    }

    [GeneratedRegex("/log-ind")]
    private static partial Regex LogInPath();
}
