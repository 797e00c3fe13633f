using Microsoft.Playwright;
using Xunit;

namespace DescPortal.EndToEnd.Platform;

/// <summary>The theme a person switched to stays when the next page loads (a night shift is not thrown back to light).</summary>
public sealed class ThemeTests(BrowserHost host)
{
    private const string Surface = "() => getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-surface').trim()";

    [Fact]
    public async Task The_theme_switched_to_is_the_theme_of_the_next_page_loaded()
    {
        var page = await host.SignInAsync("examiner2@desc.local");
        var app = page.Locator("#desc-app");
        await Assertions.Expect(app).ToHaveAttributeAsync("data-theme", "light");
        var light = await page.EvaluateAsync<string>(Surface);

        await page.GetByRole(AriaRole.Button, new() { Name = "Switch theme" }).ClickAsync();
        await Assertions.Expect(app).ToHaveAttributeAsync("data-theme", "dark");
        await page.WaitForFunctionAsync("() => document.cookie.includes('desc-theme=dark')");

        // A full load: the server renders the dark theme from the start, and the live page keeps it.
        var html = await (await page.APIRequest.GetAsync("/library")).TextAsync();
        Assert.Contains("data-theme=\"dark\"", html, StringComparison.Ordinal);
        await page.GotoAsync("/library");
        await BrowserHost.WaitInteractiveAsync(page);
        await Assertions.Expect(app).ToHaveAttributeAsync("data-theme", "dark");
        Assert.NotEqual(light, await page.EvaluateAsync<string>(Surface));

        await page.GetByRole(AriaRole.Button, new() { Name = "Switch theme" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.cookie.includes('desc-theme=light')");
        await page.ReloadAsync();
        await BrowserHost.WaitInteractiveAsync(page);
        await Assertions.Expect(app).ToHaveAttributeAsync("data-theme", "light");
        await page.Context.CloseAsync();
    }
}
