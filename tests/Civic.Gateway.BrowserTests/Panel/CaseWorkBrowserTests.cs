using System.Security.Cryptography;
using System.Text;
using Civic.Gateway.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Civic.Gateway.BrowserTests.Panel;

/// <summary>
/// The panel's work in the browser: a coordinator sees every invitation's state; a member follows the link
/// from their invitation, accepts, accepts tavshedspligt, contributes, reviews and comments on the synthesis;
/// the coordinator makes it final and gives feedback; the member sees it. Zero axe violations on every page.
/// </summary>
public sealed class CaseWorkBrowserTests(CivicStack stack)
{
    // The demo case "Ensomhed blandt unge i Øst": convened, invited (some accepted, one declined, one expired), sessions and a synthesis in review.
    private const string CasePath = "/borgerpanelet/sager/0192f0a0-0000-7000-8000-000000000101";

    [Fact]
    public async Task Member_AcceptsViaLinkContributesReviewsSynthesis_CoordinatorFinalisesAndGivesFeedback_MemberSeesIt()
    {
        await using var coordinator = await stack.OpenAsync();
        await coordinator.LogInAsAsync("coordinator");
        await coordinator.GotoAsync(CasePath);
        await coordinator.Page.GetByRole(AriaRole.Link, new() { Name = "Invitationer til panelet" }).ClickAsync();
        await coordinator.ExpectPathAsync(CasePath + "/invitationer");
        var statuses = await coordinator.Page.Locator("#invitations td.invitation-status").AllInnerTextsAsync();
        Assert.Contains(statuses, s => s.StartsWith("Takket ja", StringComparison.Ordinal));
        Assert.Contains(statuses, s => s.StartsWith("Takket nej", StringComparison.Ordinal));
        Assert.Contains(statuses, s => s.StartsWith("Udløbet", StringComparison.Ordinal));
        var pendingRow = coordinator.Page.Locator("#invitations tbody tr", new() { Has = coordinator.Page.Locator("td.invitation-status", new() { HasTextString = "Afventer svar" }) }).First;
        var invitationId = await pendingRow.GetAttributeAsync("data-invitation-id") ?? throw new InvalidOperationException("A pending invitation has no id.");
        var memberId = (await pendingRow.Locator("th").InnerTextAsync()).Trim();
        await coordinator.AssertNoAccessibilityViolationsAsync("panel invitations");

        // The member has no account: the link from their invitation is the key.
        await using var member = await stack.OpenAsync();
        var link = $"/borgerpanelet/invitation/{invitationId}?noegle={Uri.EscapeDataString(TokenFor(invitationId))}";
        await member.GotoAsync(link);
        await member.AssertNoAccessibilityViolationsAsync("member invitation");
        Assert.Equal(0, await member.Page.Locator("#case-summary").CountAsync());
        await member.Page.GetByRole(AriaRole.Button, new() { Name = "Ja tak, jeg vil gerne være med" }).ClickAsync();
        await Assertions.Expect(member.Page.Locator("#terms-text")).ToContainTextAsync("tavshedspligt");
        Assert.Equal(0, await member.Page.Locator("#case-summary").CountAsync());
        await member.AssertNoAccessibilityViolationsAsync("member confidentiality terms");
        await member.Page.GetByRole(AriaRole.Button, new() { Name = "Jeg accepterer tavshedspligten" }).ClickAsync();
        await Assertions.Expect(member.Page.Locator("#case-summary")).ToBeVisibleAsync();
        await Assertions.Expect(member.Page.Locator("#case-contact")).ToContainTextAsync("Jonas Christensen");

        await member.Page.Locator("section.panel-session").First.GetByLabel("Dit bidrag til mødet").FillAsync("Et gratis fællesspisning hver torsdag.");
        await member.Page.Locator("section.panel-session").First.GetByRole(AriaRole.Button, new() { Name = "Send dit bidrag" }).ClickAsync();
        await Assertions.Expect(member.Page.Locator("section.panel-session").First.Locator(".own-contributions")).ToContainTextAsync("Et gratis fællesspisning hver torsdag.");
        Assert.Contains("værested", await member.Page.Locator("#synthesis-text").InnerTextAsync(), StringComparison.Ordinal);
        await member.Page.GetByLabel("Din kommentar til syntesen").FillAsync("Husk de unge, der ikke har en cykel.");
        await member.Page.GetByRole(AriaRole.Button, new() { Name = "Send kommentaren" }).ClickAsync();
        await Assertions.Expect(member.Page.Locator("#own-comments")).ToContainTextAsync("Husk de unge, der ikke har en cykel.");
        await member.ScreenshotAsync("panel-member-case.da");
        await member.AssertNoAccessibilityViolationsAsync("member case view");

        await coordinator.GotoAsync(CasePath + "/arbejde");
        await Assertions.Expect(coordinator.Page.Locator("#synthesis-comments")).ToContainTextAsync("Husk de unge, der ikke har en cykel.");
        await Assertions.Expect(coordinator.Page.Locator("ol.contributions").First).ToContainTextAsync("Et gratis fællesspisning hver torsdag.");
        await coordinator.AssertNoAccessibilityViolationsAsync("panel case work in review");
        await coordinator.Page.GetByLabel("Sådan er kommentarerne brugt").FillAsync("Vi har tilføjet transport til værestedet.");
        await coordinator.Page.GetByRole(AriaRole.Button, new() { Name = "Gør syntesen endelig" }).ClickAsync();
        await Assertions.Expect(coordinator.Page.Locator("#synthesis-stage")).ToHaveTextAsync("Endelig");
        await coordinator.Page.GetByLabel($"Tilbagemelding til {memberId}").FillAsync("Værestedet åbner i marts, med en bus fra stationen – det var dit forslag.");
        await coordinator.Page.Locator($"#feedback-{memberId}").Locator("xpath=ancestor::form").GetByRole(AriaRole.Button, new() { Name = "Send tilbagemeldingen" }).ClickAsync();
        await Assertions.Expect(coordinator.Page.Locator("#feedback-list")).ToContainTextAsync("Værestedet åbner i marts");
        await coordinator.AssertNoAccessibilityViolationsAsync("panel case work after feedback");

        await member.GotoAsync(link);
        await Assertions.Expect(member.Page.Locator("#member-feedback")).ToHaveTextAsync("Værestedet åbner i marts, med en bus fra stationen – det var dit forslag.");
        await member.AssertNoAccessibilityViolationsAsync("member case view with feedback");
        member.AssertNoConsoleErrors();
        coordinator.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Member_ForgedLink_SeesADanishExplanationAndNoInvitation()
    {
        await using var member = await stack.OpenAsync();

        await member.GotoAsync("/borgerpanelet/invitation/0192f0a0-0000-7000-8000-000000000999?noegle=forfalsket");

        Assert.Contains("Der findes ingen invitation med dette id og link", await member.Page.Locator("#invitation-actions").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await member.Page.GetByRole(AriaRole.Button, new() { Name = "Ja tak, jeg vil gerne være med" }).CountAsync());
        await member.AssertNoAccessibilityViolationsAsync("member forged link");
    }

    // The Panel signs invitation links with the stack's shared development key (Panel:Invitations:LinkKey unset).
    private string TokenFor(string invitationId) => InvitationLinks.TokenFor(stack, invitationId);
}

/// <summary>The token of a member's invitation link, signed as the Panel signs it in the stack (with Auth:SigningKey).</summary>
internal static class InvitationLinks
{
    public static string TokenFor(CivicStack stack, string invitationId) =>
        Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(stack.SigningKey), Encoding.UTF8.GetBytes("panel-invitation:" + invitationId)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string PathFor(CivicStack stack, string invitationId) =>
        $"/borgerpanelet/invitation/{invitationId}?noegle={Uri.EscapeDataString(TokenFor(stack, invitationId))}";
}

/// <summary>The convening page explains a refusal in the reader's language (the service's Danish message), not the English status detail.</summary>
public sealed class CaseDrawDanishErrorBrowserTests(CivicStack stack)
{
    [Fact]
    public async Task Coordinator_MinimaAboveK_SeesTheDanishExplanation()
    {
        await using var session = await stack.OpenAsync();
        await session.LogInAsAsync("coordinator");
        await session.GotoAsync("/borgerpanelet/sager/0192f0a0-0000-7000-8000-000000000101");

        await session.Page.GetByLabel("Panelets størrelse").FillAsync("4");
        await session.Page.GetByLabel("Kvoter").FillAsync("age_band,45-59,3,4\nage_band,60-74,3,4");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Træk panelet" }).ClickAsync();
        await Assertions.Expect(session.Page.Locator(".error-summary")).ToBeVisibleAsync();

        var summary = await session.Page.Locator(".error-summary").InnerTextAsync();
        Assert.Contains("Minimumskvoterne i kategorien age_band giver tilsammen 6 pladser, flere end panelets 4.", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("minima of category", summary, StringComparison.Ordinal);
        await session.AssertNoAccessibilityViolationsAsync("panel case with refused quotas in Danish");
    }
}
