using System.Text.Json;
using Civic.Testing;
using Microsoft.Playwright;

namespace Civic.Gateway.BrowserTests.Infrastructure;

/// <summary>One browser context and page against the gateway: navigation, axe-core, screenshots, and the console errors seen.</summary>
public sealed class UiSession : IAsyncDisposable
{
    private const string AxeRun = """
        async () => {
          const result = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
            resultTypes: ['violations'],
          });
          return JSON.stringify(result.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => n.target.join(' ') + ' ' + n.html + ' ' + n.failureSummary),
          })));
        }
        """;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly List<string> _consoleErrors = [];
    private readonly List<string> _requestedUrls = [];

    private UiSession(IBrowserContext context, IPage page, CivicStack stack)
    {
        Context = context;
        Page = page;
        Stack = stack;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_consoleErrors)
                {
                    _consoleErrors.Add(message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_consoleErrors)
            {
                _consoleErrors.Add(error);
            }
        };
        page.Request += (_, request) =>
        {
            lock (_requestedUrls)
            {
                _requestedUrls.Add(request.Url);
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public CivicStack Stack { get; }

    /// <summary>Errors the browser's console reported (CSP violations, failed loads, script errors).</summary>
    public IReadOnlyList<string> ConsoleErrors
    {
        get
        {
            lock (_consoleErrors)
            {
                return [.. _consoleErrors];
            }
        }
    }

    /// <summary>Every URL the page requested (documents, styles, images).</summary>
    public IReadOnlyList<string> RequestedUrls
    {
        get
        {
            lock (_requestedUrls)
            {
                return [.. _requestedUrls];
            }
        }
    }

    public static async Task<UiSession> StartAsync(IBrowserContext context, CivicStack stack)
    {
        var page = await context.NewPageAsync();
        return new UiSession(context, page, stack);
    }

    public async Task<IResponse> GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        return response ?? throw new InvalidOperationException($"No response for {path}.");
    }

    /// <summary>Runs axe-core with the WCAG 2.1 A and AA rules on the current page.</summary>
    public async Task<IReadOnlyList<AxeViolation>> AccessibilityViolationsAsync()
    {
        var json = await Page.EvaluateAsync<string>(AxeRun);
        return JsonSerializer.Deserialize<List<AxeViolation>>(json, JsonOptions) ?? [];
    }

    /// <summary>Runs axe-core with the WCAG 2.1 A and AA rules and fails with every violation found.</summary>
    public async Task AssertNoAccessibilityViolationsAsync(string pageName)
    {
        var violations = await AccessibilityViolationsAsync();
        Assert.True(violations.Count == 0,
            $"axe-core found {violations.Count} WCAG 2.1 A/AA violation(s) on {pageName} ({Page.Url}):{Environment.NewLine}"
            + string.Join(Environment.NewLine, violations.Select(v => $"- {v.Id} ({v.Impact}): {v.Help}{Environment.NewLine}    " + string.Join(Environment.NewLine + "    ", v.Nodes))));
    }

    /// <summary>Saves a full-page screenshot as artifacts/screenshots/<paramref name="name"/>.png in the test project's folder.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(ExternalTool.RepositoryRoot, "tests", "Civic.Gateway.BrowserTests", "artifacts", "screenshots", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>Fails on any console error; <paramref name="allowFailedDocumentLoad"/> lets an error page's own non-2xx status pass.</summary>
    public void AssertNoConsoleErrors(bool allowFailedDocumentLoad = false)
    {
        var errors = ConsoleErrors.Where(error => !(allowFailedDocumentLoad && error.StartsWith("Failed to load resource: the server responded with a status of 4", StringComparison.Ordinal))).ToList();
        Assert.True(errors.Count == 0, $"The browser console reported errors on {Page.Url}:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}

/// <summary>One rule axe-core found broken, with the elements that break it.</summary>
public sealed record AxeViolation(string Id, string? Impact, string Help, IReadOnlyList<string> Nodes);
