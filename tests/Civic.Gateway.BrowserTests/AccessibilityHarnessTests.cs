using Civic.Gateway.BrowserTests.Infrastructure;

namespace Civic.Gateway.BrowserTests;

/// <summary>The accessibility check itself: zero violations elsewhere means something only if it finds them where they are.</summary>
public sealed class AccessibilityHarnessTests(CivicStack stack)
{
    [Fact]
    public async Task Axe_PageWithKnownFaults_ReportsThem()
    {
        await using var session = await stack.OpenAsync();
        await session.GotoAsync("/");
        await session.Page.SetContentAsync("<html><head><title>x</title></head><body><img src='/favicon.svg'><a href='/'></a></body></html>");

        var violations = await session.AccessibilityViolationsAsync();

        Assert.Contains(violations, v => v.Id == "html-has-lang");
        Assert.Contains(violations, v => v.Id == "image-alt");
        Assert.Contains(violations, v => v.Id == "link-name");
    }
}
