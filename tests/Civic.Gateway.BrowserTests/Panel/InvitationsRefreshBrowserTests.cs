using Civic.Gateway.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Civic.Gateway.BrowserTests.Panel;

/// <summary>The coordinator's invitations page refreshes itself: a member's answer shows up without a reload and is announced politely.</summary>
public sealed class InvitationsRefreshBrowserTests(CivicStack stack)
{
    // The demo case "Ensomhed blandt unge i Øst", whose panel is invited.
    private const string InvitationsPath = "/borgerpanelet/sager/0192f0a0-0000-7000-8000-000000000101/invitationer";

    [Fact]
    public async Task Coordinator_MemberDeclinesMeanwhile_TheRowChangesWithoutAReload_AndItIsAnnounced()
    {
        await using var coordinator = await stack.OpenAsync();
        await coordinator.LogInAsAsync("coordinator");
        await coordinator.GotoAsync(InvitationsPath);
        await Assertions.Expect(coordinator.Page.Locator("#invitations-refresh-note")).ToBeVisibleAsync();
        Assert.Equal("polite", await coordinator.Page.Locator("#invitations-refresh-status").GetAttributeAsync("aria-live"));
        // The last pending invitation: the case work test answers the first.
        var pendingRow = coordinator.Page.Locator("#invitations tbody tr", new() { Has = coordinator.Page.Locator("td.invitation-status", new() { HasTextString = "Afventer svar" }) }).Last;
        var invitationId = await pendingRow.GetAttributeAsync("data-invitation-id") ?? throw new InvalidOperationException("The demo case has no pending invitation.");
        await coordinator.AssertNoAccessibilityViolationsAsync("panel invitations, refreshing itself");
        // Marks this document: a reload would lose the mark.
        await coordinator.Page.EvaluateAsync("() => { window.civicSameDocument = true; }");

        await using (var member = await stack.OpenAsync())
        {
            await member.GotoAsync(InvitationLinks.PathFor(stack, invitationId));
            await member.Page.GetByRole(AriaRole.Button, new() { Name = "Nej tak" }).ClickAsync();
            // The answer page, not just any loaded state: closing the member's browser before the form's POST has
            // been answered can abort it, and then the coordinator waits for an answer that never came.
            await Assertions.Expect(member.Page.GetByText("Du har sagt nej tak")).ToBeVisibleAsync();
        }

        var row = coordinator.Page.Locator($"#invitations tbody tr[data-invitation-id='{invitationId}'] td.invitation-status");
        await Assertions.Expect(row).ToContainTextAsync("Takket nej", new() { Timeout = 45_000 });
        await Assertions.Expect(coordinator.Page.Locator("#invitations-refresh-status")).ToContainTextAsync("Nye svar");
        Assert.True(await coordinator.Page.EvaluateAsync<bool>("() => window.civicSameDocument === true"));
        await coordinator.AssertNoAccessibilityViolationsAsync("panel invitations after a refresh");
        coordinator.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Coordinator_WithoutJavaScript_TheSamePageWithoutTheRefreshNote()
    {
        await using var coordinator = await stack.OpenAsync(javaScriptEnabled: false);
        await coordinator.LogInAsAsync("coordinator");
        await coordinator.GotoAsync(InvitationsPath);

        Assert.True(await coordinator.Page.Locator("#invitations tbody tr").CountAsync() > 0);
        Assert.False(await coordinator.Page.Locator("#invitations-refresh-note").IsVisibleAsync());
    }
}
