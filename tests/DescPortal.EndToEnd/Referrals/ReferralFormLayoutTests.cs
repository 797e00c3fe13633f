using System.Text.Json;
using Microsoft.Playwright;
using Xunit;

namespace DescPortal.EndToEnd.Referrals;

/// <summary>How the officer's form lays out in a browser at its usual width.</summary>
public sealed class ReferralFormLayoutTests(BrowserHost host)
{
    private sealed record HelperLayout(string Text, double TextRight, double TextBottom, double BoxRight, double BoxBottom, double Lines, bool Clipped);

    [Fact]
    public async Task The_helper_text_of_a_narrow_country_field_wraps_and_is_read_whole()
    {
        var officer = await host.SignInAsync("officer.north@desc.local", width: 1400, height: 900);
        await officer.GotoAsync("/referrals/new");
        await BrowserHost.WaitInteractiveAsync(officer);
        var routeFrom = officer.GetByTestId("route-from");
        await Assertions.Expect(routeFrom).ToBeVisibleAsync();

        // The text as laid out, against the box MudBlazor shows it in (which hides what overflows).
        var laid = await routeFrom.EvaluateAsync<JsonElement>("""
            input => {
                const control = input.closest('.mud-input-control');
                const text = control.querySelector('.mud-input-helper-text');
                const box = control.querySelector('.mud-input-control-helper-container').getBoundingClientRect();
                const range = document.createRange();
                range.selectNodeContents(text);
                const laid = range.getBoundingClientRect();
                return {
                    text: text.innerText.trim(), textRight: laid.right, textBottom: laid.bottom, boxRight: box.right, boxBottom: box.bottom,
                    lines: laid.height / parseFloat(getComputedStyle(text).lineHeight),
                    clipped: [text, ...text.querySelectorAll('*')].some(e => e.scrollWidth > e.clientWidth + 1),
                };
            }
            """);
        var helper = new HelperLayout(laid.GetProperty("text").GetString()!, laid.GetProperty("textRight").GetDouble(),
            laid.GetProperty("textBottom").GetDouble(), laid.GetProperty("boxRight").GetDouble(), laid.GetProperty("boxBottom").GetDouble(),
            laid.GetProperty("lines").GetDouble(), laid.GetProperty("clipped").GetBoolean());
        await BrowserHost.ScreenshotAsync(officer, "referral-form-helper-texts");

        Assert.Equal("ICAO code, or type the country's name", helper.Text);
        Assert.False(helper.Clipped, $"the helper text is cut off: {helper}");
        Assert.True(helper.TextRight <= helper.BoxRight + 0.5 && helper.TextBottom <= helper.BoxBottom + 0.5, $"the helper text overflows its box: {helper}");
        // The field is narrower than the text at this width (two of twelve columns): it takes more than one line.
        Assert.True(helper.Lines >= 1.9, $"expected the text to wrap: {helper}");
        await officer.Context.CloseAsync();
    }
}
