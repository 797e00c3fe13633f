using System.Globalization;
using System.Text;
using System.Text.Json;
using DescPortal.Testing;
using Microsoft.Playwright;
using Xunit;

namespace DescPortal.EndToEnd.Platform;

/// <summary>One rule axe-core found broken on a page, with every element that breaks it.</summary>
public sealed record AxeViolation(string Id, string? Impact, string Help, IReadOnlyList<AxeNode> Nodes);

/// <summary>An element that breaks a rule: its selector, what axe says is wrong, and the start of its markup.</summary>
public sealed record AxeNode(string Target, string Summary, string Html);

/// <summary>
/// axe-core (npm, pinned in this project's package.json; copied beside the tests by the build) run in the page with
/// the WCAG 2.1 A and AA rules, as the accessibility tests and a person checking a page run it.
/// </summary>
public static class Accessibility
{
    /// <summary>WCAG 2.0 and 2.1, levels A and AA: what the portal is held to.</summary>
    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly Lazy<string> Script = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js")));

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>The violations axe finds in the page as it is now (injecting axe once per document).</summary>
    public static async Task<IReadOnlyList<AxeViolation>> CheckAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
            await page.AddScriptTagAsync(new() { Content = Script.Value });
        // A string, not an object: the target of an element inside a shadow root or frame is an array of selectors.
        var json = await page.EvaluateAsync<string>("""
            async tags => {
                // Beside WCAG: one h1 per page, the heading the routes focus after a navigation (screen readers start there).
                const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, rules: { 'page-has-heading-one': { enabled: true } }, resultTypes: ['violations'] });
                return JSON.stringify(r.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => ({ target: n.target.flat().join(' >> '), summary: n.failureSummary || '', html: n.html.slice(0, 160) }))
                })));
            }
            """, Tags);
        return JsonSerializer.Deserialize<List<AxeViolation>>(json, Json)!;
    }

    /// <summary>Elements that break a rule, counted.</summary>
    public static int Count(IEnumerable<AxeViolation> violations) => violations.Sum(v => v.Nodes.Count);

    /// <summary>What a person needs to find and fix each violation: rule, impact, where, and axe's own words.</summary>
    public static string Describe(IEnumerable<AxeViolation> violations)
    {
        var text = new StringBuilder();
        foreach (var v in violations)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {v.Id} ({v.Impact}): {v.Help}, {v.Nodes.Count} element(s)");
            foreach (var n in v.Nodes)
                text.AppendLine(CultureInfo.InvariantCulture, $"    {n.Target}\n      {n.Summary.Replace("\n", " ", StringComparison.Ordinal)}\n      {n.Html}");
        }
        return text.ToString();
    }
}

/// <summary>
/// One person's round of a portal's pages: each page opened, checked by axe in the theme it opens in, switched to the
/// other with the app bar's button (as a person does) and checked again; a page opens in the theme chosen last. What was
/// found is kept as an artifact (counts per page and theme, then the details) and fails the test at the end, so that
/// one run tells every page's violations, not just the first. Disposing it closes the browser context: an open
/// circuit would hold the portal's shutdown until its timeout.
/// </summary>
public sealed class ThemedPageChecks(IPage page, string who) : IAsyncDisposable
{
    private readonly List<(string Page, string Theme, IReadOnlyList<AxeViolation> Found)> _results = [];
    private string _address = "";
    private bool _dark;

    /// <summary>
    /// Opens the address, waits until the circuit is live and <paramref name="ready"/> (what shows the page has its
    /// content) has passed, then checks it in both themes; with <paramref name="screenshot"/>, keeps a picture of each.
    /// </summary>
    public async Task PageAsync(string address, Func<IPage, Task> ready, string? screenshot = null, bool themed = true)
    {
        await page.GotoAsync(address);
        _address = address;
        if (themed) await BrowserHost.WaitInteractiveAsync(page);
        // A page opens in the theme switched to last (a cookie): check that one first, then the other.
        _dark = await page.EvaluateAsync<bool>("() => document.querySelector('#desc-app')?.dataset.theme === 'dark'");
        await ready(page);
        await SettledAsync();
        await CheckAsync(address, screenshot);
        if (!themed) return;
        await SwitchThemeAsync();
        await CheckAsync(address, screenshot);
    }

    /// <summary>
    /// What <paramref name="act"/> brings up on the page opened last (a form's errors, a compare mode), checked in the
    /// theme the page is in and then in the other one.
    /// </summary>
    public async Task StateAsync(string name, Func<IPage, Task> act, string? screenshot = null)
    {
        await act(page);
        await SettledAsync();
        await CheckAsync($"{_address} ({name})", screenshot);
        await SwitchThemeAsync();
        await CheckAsync($"{_address} ({name})", screenshot);
    }

    /// <summary>The page was checked in both themes and nothing was found; else the failure names every violation.</summary>
    public void AssertNone()
    {
        var summary = new StringBuilder();
        foreach (var (address, theme, found) in _results)
            summary.AppendLine(CultureInfo.InvariantCulture, $"{who} {address} {theme}: {Accessibility.Count(found)} element(s) " +
                               $"[{string.Join(", ", found.Select(v => $"{v.Id} {v.Nodes.Count}"))}]");
        foreach (var (address, theme, found) in _results.Where(r => r.Found.Count > 0))
            summary.AppendLine(CultureInfo.InvariantCulture, $"{who} {address} ({theme}):").Append(Accessibility.Describe(found));
        File.WriteAllText(Path.Combine(TestServices.ArtifactsDirectory, $"axe-{who}.txt"), summary.ToString());
        Assert.True(_results.All(r => r.Found.Count == 0), "axe-core found WCAG 2.1 A/AA violations:\n" + summary);
    }

    public async ValueTask DisposeAsync() => await page.Context.CloseAsync();

    private async Task CheckAsync(string address, string? screenshot)
    {
        var theme = _dark ? "dark" : "light";
        _results.Add((address, theme, await Accessibility.CheckAsync(page)));
        if (screenshot is not null) await BrowserHost.ScreenshotAsync(page, $"{screenshot}-{theme}");
    }

    /// <summary>The app bar's theme button (light to dark or back), then the palette's change applied and its transitions over.</summary>
    private async Task SwitchThemeAsync()
    {
        const string Surface = "() => getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-surface')";
        var before = await page.EvaluateAsync<string>(Surface);
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch theme" }).ClickAsync();
        await page.WaitForFunctionAsync($"before => ({Surface})() !== before", before);
        _dark = !_dark;
        await SettledAsync();
    }

    /// <summary>No colour is caught half-way through a transition (a theme change, a hover that ended).</summary>
    private async Task SettledAsync() => await page.WaitForFunctionAsync(
        "() => document.getAnimations().every(a => !(a instanceof CSSTransition) || a.playState !== 'running')");
}
