using Xunit;

namespace DescPortal.EndToEnd.Platform;

/// <summary>The accessibility checks can fail: axe, as the tests run it, finds what the portal's pages were fixed of.</summary>
public sealed class AxeTests(BrowserHost host)
{
    [Fact]
    public async Task Axe_finds_faint_text_and_a_scrollable_region_the_keyboard_cannot_reach()
    {
        var page = await host.NewPageAsync();
        await page.SetContentAsync("""
            <!DOCTYPE html><html lang="en"><head><title>Checks</title></head><body><main>
              <h1>Checks</h1>
              <p style="color: #9e9e9e; background: #fff">Grey text on white: 2.7 to 1.</p>
              <p style="color: #616161; background: #fff">Darker grey on white: 6.2 to 1.</p>
              <div id="scrolled" style="height: 40px; overflow-y: auto"><p>One</p><p>Two</p><p>Three</p><p>Four</p></div>
            </main></body></html>
            """);

        var found = await Accessibility.CheckAsync(page);

        Assert.Equal(["color-contrast", "scrollable-region-focusable"], found.Select(v => v.Id).Order().ToArray());
        var faint = Assert.Single(found.Single(v => v.Id == "color-contrast").Nodes);
        Assert.Contains("#9e9e9e", faint.Summary, StringComparison.Ordinal);
        Assert.Equal("#scrolled", Assert.Single(found.Single(v => v.Id == "scrollable-region-focusable").Nodes).Target);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Axe_finds_a_page_without_its_heading()
    {
        var page = await host.NewPageAsync();
        await page.SetContentAsync("""
            <!DOCTYPE html><html lang="en"><head><title>Queue</title></head><body><main>
              <h5>Case queue</h5><p>The title looks like a heading but is not the page's h1.</p>
            </main></body></html>
            """);

        var found = await Accessibility.CheckAsync(page);

        Assert.Equal(["page-has-heading-one"], found.Select(v => v.Id).ToArray());
        await page.Context.CloseAsync();
    }
}
