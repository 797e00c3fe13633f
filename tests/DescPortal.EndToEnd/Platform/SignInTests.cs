using Microsoft.Playwright;
using Xunit;

namespace DescPortal.EndToEnd.Platform;

public sealed class SignInTests(BrowserHost host)
{
    [Fact]
    public async Task An_officer_signs_in_and_sees_only_what_an_officer_can_use()
    {
        var page = await host.SignInAsync("officer.north@desc.local");

        await Assertions.Expect(page.GetByTestId("home-title")).ToContainTextAsync("Olli North");
        await Assertions.Expect(page.Locator("nav, .mud-navmenu").GetByText("New referral")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Case queue")).ToHaveCountAsync(0);
        await BrowserHost.ScreenshotAsync(page, "signin-officer-home");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_wrong_password_says_so_and_stays_on_the_sign_in_page()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/account/signin");
        // An account no other browser test signs in with: the failure counts against its email for a minute (the
        // sign-in throttle), so no other test's sign-in shares that count.
        await page.FillAsync("#email", "trainer@desc.local");
        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("#signin-submit");

        await Assertions.Expect(page.GetByTestId("signin-error")).ToContainTextAsync("not correct");
        Assert.Contains("/account/signin", page.Url, StringComparison.Ordinal);
        await BrowserHost.ScreenshotAsync(page, "signin-wrong-password");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_examiner_gives_the_authenticators_code_after_the_password_and_then_sees_the_queue()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/account/signin");
        await page.FillAsync("#email", "examiner@desc.local");
        await page.FillAsync("#password", DescPortal.DemoData.DemoAccounts.Password);
        await page.ClickAsync("#signin-submit");

        // The password alone opens nothing: the second-factor page asks for the code.
        await Assertions.Expect(page.Locator("#second-factor-submit")).ToBeVisibleAsync();
        Assert.Contains("/account/second-factor", page.Url, StringComparison.Ordinal);
        await BrowserHost.ScreenshotAsync(page, "signin-second-factor");
        await page.FillAsync("#code", DescPortal.Testing.Totp.Code(DescPortal.DemoData.DemoAccounts.AuthenticatorKey));
        await page.ClickAsync("#second-factor-submit");

        await Assertions.Expect(page.Locator("nav, .mud-navmenu").GetByText("Case queue")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
