using Civic.Gateway.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Civic.Gateway.BrowserTests.Panel;

/// <summary>A coordinator reads the fairness report; an administrator finds the coordinator's reads in the audit log.</summary>
public sealed class PoolOversightBrowserTests(CivicStack stack)
{
    [Fact]
    public async Task Coordinator_SeesTheFairnessReportOfTheDemoPool()
    {
        await using var session = await stack.OpenAsync();
        await session.LogInAsAsync("coordinator");
        await session.GotoAsync("/borgerpanelet/sager");
        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Fordeling af deltagelse" }).ClickAsync();
        await session.ExpectPathAsync("/borgerpanelet/retfaerdighed");

        var members = int.Parse((await session.Page.Locator("#fairness-members").InnerTextAsync()).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(members >= 120, $"The demo pool has 120 active members, the report says {members}.");
        // The demo draw seated 10 of the 120, so most were never drawn.
        Assert.EndsWith("%", (await session.Page.Locator("#fairness-never").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.True(await session.Page.Locator("#fairness-history tbody tr").CountAsync() >= 1);
        await session.AssertNoAccessibilityViolationsAsync("panel fairness report");
    }

    [Fact]
    public async Task Admin_FindsACoordinatorsCaseReadInTheAuditLog()
    {
        const string caseId = "0192f0a0-0000-7000-8000-000000000102";
        await using (var coordinator = await stack.OpenAsync())
        {
            await coordinator.LogInAsAsync("coordinator");
            await coordinator.GotoAsync($"/borgerpanelet/sager/{caseId}");
        }

        await using var session = await stack.OpenAsync("en");
        await session.LogInAsAsync("admin");
        await session.GotoAsync("/administration/borgerpanelet/revisionslog");
        await session.Page.GetByLabel("Only about or by (member or case id)").FillAsync(caseId);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        var row = session.Page.Locator("#audit-entries tbody tr", new() { HasText = "case.read" }).First;
        await Assertions.Expect(row).ToContainTextAsync("Case read");
        await Assertions.Expect(row).ToContainTextAsync("demo-koordinator");
        await Assertions.Expect(row).ToContainTextAsync(caseId);
        await session.AssertNoAccessibilityViolationsAsync("panel audit log");
    }
}
