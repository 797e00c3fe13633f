using DescPortal.Web.Features.ReferenceLibrary;
using Microsoft.Playwright;
using Xunit;
using static DescPortal.EndToEnd.BrowserHost;

namespace DescPortal.EndToEnd.ReferenceLibrary;

/// <summary>Lists keep their filters in the address: Back from a specimen and a reload of the queue show the same list.</summary>
public sealed class LibraryListTests(BrowserHost host)
{
    [Fact]
    public async Task The_library_and_the_queue_keep_their_filters_through_back_and_reload()
    {
        var page = await host.SignInAsync("examiner@desc.local");
        await page.GotoAsync("/library");
        await BrowserHost.WaitInteractiveAsync(page);
        await page.GetByTestId("filter-type").SelectOptionAsync("Visa");
        await page.WaitForURLAsync(url => url.Contains("type=Visa", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        var visa = page.Locator($"[data-testid=library-result][data-specimen='{LibrarySeeding.IdOf("UTO-V-2018")}']");
        await Assertions.Expect(page.Locator($"[data-testid=library-result][data-specimen='{LibrarySeeding.IdOf("UTO-P-2007")}']"))
            .ToHaveCountAsync(0);
        await visa.ClickAsync();
        await Assertions.Expect(page.GetByTestId("specimen-title")).ToBeVisibleAsync();

        await page.GoBackAsync();
        await BrowserHost.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("filter-type")).ToHaveValueAsync("Visa");
        await Assertions.Expect(visa).ToBeVisibleAsync();
        await BrowserHost.ScreenshotAsync(page, "library-filter-after-back");

        await page.GotoAsync("/queue");
        await BrowserHost.WaitInteractiveAsync(page);
        await page.GetByTestId("filter-status").SelectOptionAsync("all");
        await page.WaitForURLAsync(url => url.Contains("status=all", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await page.ReloadAsync();
        await BrowserHost.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("filter-status")).ToHaveValueAsync("all");
        await page.Context.CloseAsync();
    }
}
