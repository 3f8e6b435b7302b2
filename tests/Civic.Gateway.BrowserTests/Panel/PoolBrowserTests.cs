using System.Text.Json;
using System.Text.RegularExpressions;
using Civic.Gateway.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Civic.Gateway.BrowserTests.Panel;

/// <summary>
/// A volunteer signs up without an account, confirms through the link in the e-mail (read from the development
/// mailbox), downloads their data and withdraws; staff register a citizen who is not online.
/// </summary>
public sealed partial class PoolBrowserTests(CivicStack stack)
{
    /// <summary>With and without JavaScript (axe-core needs script, so it checks the pages in the run with it).</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Volunteer_SignsUpConfirmsByMailExportsAndWithdraws(bool javaScript)
    {
        await using var session = await stack.OpenAsync("da", javaScriptEnabled: javaScript);
        async Task AxeAsync(string page)
        {
            if (javaScript)
            {
                await session.AssertNoAccessibilityViolationsAsync(page);
            }
        }

        var email = $"frivillig.{Guid.NewGuid():N}@example.dk";
        await session.GotoAsync("/borgerpanelet");
        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Meld dig til Borgerpanelet" }).ClickAsync();
        await session.ExpectPathAsync("/borgerpanelet/tilmeld");
        await AxeAsync("panel sign-up");

        await session.Page.GetByLabel("Navn", new() { Exact = true }).FillAsync("Birgitte Testesen");
        await session.Page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(email);
        await session.Page.GetByLabel("30–44 år").CheckAsync();
        await session.Page.GetByLabel("Øst", new() { Exact = true }).CheckAsync();
        await session.Page.GetByLabel("Familie med børn").CheckAsync();
        await session.Page.GetByLabel("Egen erfaring med jobcentret").CheckAsync();
        await session.Page.GetByLabel("Dansk", new() { Exact = true }).CheckAsync();
        await session.Page.GetByLabel("Jeg giver samtykke som beskrevet ovenfor").CheckAsync();
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Meld mig til" }).ClickAsync();
        await Assertions.Expect(session.Page.Locator("#sign-up-sent")).ToBeVisibleAsync();
        await AxeAsync("panel sign-up sent");

        // The confirmation e-mail waits in the development mailbox with the signed link filled in.
        await session.GotoAsync("/udvikling/postkasse");
        var mail = session.Page.Locator(".mailbox-message[data-channel='Email']", new() { HasText = email }).First;
        await Assertions.Expect(mail).ToContainTextAsync("Bekræft din tilmelding til Borgerpanelet");
        var confirmPath = ConfirmLink().Match(await mail.Locator(".mailbox-body").InnerTextAsync());
        Assert.True(confirmPath.Success, "The e-mail holds no confirmation link.");

        await session.GotoAsync(confirmPath.Value);
        await AxeAsync("panel confirm");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Bekræft min tilmelding" }).ClickAsync();
        await Assertions.Expect(session.Page.Locator("#member-status")).ToHaveTextAsync("Aktiv i puljen");
        Assert.Equal("Birgitte Testesen", (await session.Page.Locator("#member-name").InnerTextAsync()).Trim());
        Assert.Equal(email, (await session.Page.Locator("#member-email").InnerTextAsync()).Trim());
        await Assertions.Expect(session.Page.Locator("#member-notice")).ToContainTextAsync("Din tilmelding er bekræftet");
        var memberUrl = session.Page.Url;
        await AxeAsync("panel member page");

        // The link used once opens nothing again.
        await session.GotoAsync(confirmPath.Value);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Bekræft min tilmelding" }).ClickAsync();
        await Assertions.Expect(session.Page.Locator(".error-summary")).ToContainTextAsync("allerede brugt");
        await session.Page.GotoAsync(memberUrl);

        var download = await session.Page.RunAndWaitForDownloadAsync(() => session.Page.GetByRole(AriaRole.Button, new() { Name = "Hent mine oplysninger (JSON)" }).ClickAsync());
        using (var json = JsonDocument.Parse(await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken)))
        {
            Assert.Equal(email, json.RootElement.GetProperty("member").GetProperty("email").GetString());
            Assert.Equal("oest", json.RootElement.GetProperty("member").GetProperty("features").GetProperty("district").GetString());
        }

        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Meld mig ud" }).ClickAsync();
        await Assertions.Expect(session.Page.Locator(".error-summary")).ToContainTextAsync("Bekræft, at du vil melde dig ud");
        await AxeAsync("panel member page with an error");
        await session.Page.GetByLabel("Ja, slet mine oplysninger og meld mig ud").CheckAsync();
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Meld mig ud" }).ClickAsync();
        await Assertions.Expect(session.Page.Locator("#withdrawn")).ToBeVisibleAsync();
        await AxeAsync("panel withdrawn");

        // The member link opens nothing any more, and the mail to the address is gone from the outbox.
        await session.Page.GotoAsync(memberUrl);
        await Assertions.Expect(session.Page.Locator("#member-problem")).ToContainTextAsync("Intet medlem passer til dette link");
        await session.GotoAsync("/udvikling/postkasse");
        Assert.Equal(0, await session.Page.Locator(".mailbox-message", new() { HasText = email }).CountAsync());
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Volunteer_SendsAnEmptyForm_ErrorSummaryLinksEveryFieldWithoutJavaScript()
    {
        await using var session = await stack.OpenAsync("en", javaScriptEnabled: false);
        await session.GotoAsync("/borgerpanelet/tilmeld");

        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign me up" }).ClickAsync();
        await Assertions.Expect(session.Page.Locator(".error-summary")).ToBeVisibleAsync();

        var links = await session.Page.Locator(".error-summary a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(["#name", "#email", "#features-age_band", "#features-district", "#features-household_type", "#features-lived_experience", "#consent"], links);
        Assert.Contains("Valid values: 18-29, 30-44, 45-59, 60-74, 75+.", await session.Page.Locator(".error-summary").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_RegistersACitizenWhoIsNotOnline_GetsTheMemberLinkToHandOver()
    {
        await using var session = await stack.OpenAsync();
        await session.LogInAsAsync("staff");
        await session.GotoAsync("/borgerpanelet/medlemmer/ny");

        await session.Page.GetByLabel("Navn", new() { Exact = true }).FillAsync("Gunnar Uden Net");
        await session.Page.GetByLabel("Telefonnummer (valgfrit)").FillAsync("23 45 67 89");
        await session.Page.GetByLabel("75 år og derover").CheckAsync();
        await session.Page.GetByLabel("Syd", new() { Exact = true }).CheckAsync();
        await session.Page.GetByLabel("Bor alene").CheckAsync();
        await session.Page.GetByLabel("Pårørende til en ældre").CheckAsync();
        await session.Page.GetByLabel("Borgeren har givet mig samtykke", new() { Exact = false }).CheckAsync();
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Tilmeld borgeren" }).ClickAsync();
        await Assertions.Expect(session.Page.Locator("#assisted-done")).ToContainTextAsync("Gunnar Uden Net er tilmeldt");
        await session.AssertNoAccessibilityViolationsAsync("panel assisted sign-up done");

        var link = await session.Page.Locator("#assisted-member-link").GetAttributeAsync("href") ?? string.Empty;
        await session.GotoAsync(new Uri(link).PathAndQuery);
        await Assertions.Expect(session.Page.Locator("#member-status")).ToHaveTextAsync("Aktiv i puljen");
        await Assertions.Expect(session.Page.Locator("#member-data")).ToContainTextAsync("Sofie Nielsen (demo-medarbejder)");
    }

    [GeneratedRegex(@"/borgerpanelet/bekraeft/[0-9a-f-]+\?noegle=\S+")]
    private static partial Regex ConfirmLink();
}
