using DescPortal.DemoData;
using Microsoft.Playwright;

namespace DescPortal.Benchmarks;

/// <summary>The one Chromium set-up of the browser benchmarks: Debian's Chromium, headless, nothing in the background.</summary>
public static class Browsers
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        // The report printer's browser and flags: one Chromium set-up for the portal, its benchmarks and its tests.
        ExecutablePath = new DescPortal.Web.Infrastructure.Reports.ReportOptions().Chromium,
        Headless = true,
        Args = DescPortal.Web.Infrastructure.Reports.ReportPrinter.ChromiumArgs,
    });

    /// <summary>Signs the page's context in as a demo account (the page's base address is the portal).</summary>
    public static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/signin");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", DemoAccounts.Password);
        await page.ClickAsync("#signin-submit");
        await page.WaitForURLAsync(url => !url.Contains("/account/signin", StringComparison.Ordinal), new() { Timeout = 60_000 });
    }
}
