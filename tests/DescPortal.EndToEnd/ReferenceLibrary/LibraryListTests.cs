using DescPortal.Web.Features.ReferenceLibrary;
using Microsoft.Playwright;
using Xunit;
using static DescPortal.EndToEnd.BrowserHost;
using DescPortal.DemoData;

namespace DescPortal.EndToEnd.ReferenceLibrary;

/// <summary>Lists keep their filters in the address: Back from a specimen and a reload of the queue show the same list.</summary>
public sealed partial class LibraryListTests(BrowserHost host)
{
    [System.Text.RegularExpressions.GeneratedRegex("[?&]type=Visa")]
    private static partial System.Text.RegularExpressions.Regex TypeVisa();

    [System.Text.RegularExpressions.GeneratedRegex("[?&]status=all")]
    private static partial System.Text.RegularExpressions.Regex StatusAll();

    [Fact]
    public async Task The_library_and_the_queue_keep_their_filters_through_back_and_reload()
    {
        var page = await host.SignInAsync("examiner@desc.local");
        await page.GotoAsync("/library");
        await BrowserHost.WaitInteractiveAsync(page);
        await page.GetByTestId("filter-type").SelectOptionAsync("Visa");
        // Expect reads the address until it matches (WaitForURL could miss a replaceState that came before it listened).
        await Assertions.Expect(page).ToHaveURLAsync(TypeVisa());
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
        await Assertions.Expect(page).ToHaveURLAsync(StatusAll());
        await page.ReloadAsync();
        await BrowserHost.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("filter-status")).ToHaveValueAsync("all");
        await page.Context.CloseAsync();
    }
}
