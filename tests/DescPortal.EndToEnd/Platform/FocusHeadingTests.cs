using Microsoft.Playwright;
using Xunit;

namespace DescPortal.EndToEnd.Platform;

/// <summary>
/// The script the routes call after each navigation, in the real browser: it gives the heading the focus, but not
/// while the user types in a field (FocusOnNavigate did, and took the keystrokes of whoever typed before it landed).
/// </summary>
public sealed class FocusHeadingTests(BrowserHost host)
{
    [Fact]
    public async Task The_heading_takes_the_focus_unless_a_field_has_it()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/account/signin");

        var whileTyping = await page.EvaluateAsync<string[]>("""
            async () => {
                const { focusHeading } = await import('/js/focus-heading.js');
                const email = document.querySelector('#email');
                email.focus();
                const moved = focusHeading('h1');
                return [String(moved), document.activeElement.id];
            }
            """);
        Assert.Equal(["false", "email"], whileTyping);

        var afterBlur = await page.EvaluateAsync<string[]>("""
            async () => {
                const { focusHeading } = await import('/js/focus-heading.js');
                document.activeElement.blur();
                const moved = focusHeading('h1');
                return [String(moved), document.activeElement.tagName, document.activeElement.getAttribute('tabindex')];
            }
            """);
        Assert.Equal(["true", "H1", "-1"], afterBlur);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_page_opened_from_the_menu_focuses_its_heading()
    {
        var page = await host.SignInAsync("officer.north@desc.local");
        await page.Locator("nav, .mud-navmenu").GetByText("New referral").ClickAsync();

        await Assertions.Expect(page.Locator("h1:focus")).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }
}
