using System.Text.RegularExpressions;
using DescPortal.Web.Features.ReferenceLibrary;
using Microsoft.Playwright;
using Xunit;
using static DescPortal.EndToEnd.BrowserHost;
using DescPortal.DemoData;

namespace DescPortal.EndToEnd.ReferenceLibrary;

/// <summary>
/// The issuing authority confirms a demo specimen in the browser and an examiner then sees it confirmed. Uses the demo
/// UTO visa, which the seeding leaves awaiting confirmation; the E2E host is fresh per run and no other test touches it.
/// </summary>
public sealed partial class ConfirmationTests(BrowserHost host)
{
    private static readonly Guid Visa = LibrarySeeding.IdOf("UTO-V-2018");
    private static readonly Guid OtherCountry = LibrarySeeding.IdOf("XXA-P-2021");

    [Fact]
    public async Task The_issuing_authority_confirms_the_visa_and_an_examiner_sees_it_confirmed_by_the_issuer()
    {
        // The issuing authority of UTO: its home page lists what waits for its confirmation, the visa among them.
        var authority = await host.SignInAsync("authority@desc.local");
        await authority.GotoAsync("/");
        await BrowserHost.WaitInteractiveAsync(authority);
        var waiting = authority.Locator($"[data-testid='to-confirm-item'][data-specimen='{Visa}']");
        await Assertions.Expect(waiting).ToHaveCountAsync(1);
        var waitingVersion = await waiting.GetAttributeAsync("data-version");
        await Assertions.Expect(waiting).ToContainTextAsync($"version {waitingVersion}");
        await Assertions.Expect(authority.Locator($"[data-testid='to-confirm-item'][data-specimen='{OtherCountry}']")).ToHaveCountAsync(0);
        var count = int.Parse(await authority.GetByTestId("to-confirm-count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(authority.GetByTestId("to-confirm-item")).ToHaveCountAsync(count);
        await BrowserHost.ScreenshotAsync(authority, "home-authority-to-confirm");

        // Its library: its own country's specimens only.
        await authority.GotoAsync("/library");
        await BrowserHost.WaitInteractiveAsync(authority);
        var results = authority.GetByTestId("library-result");
        await Assertions.Expect(results.First).ToBeVisibleAsync();
        await Assertions.Expect(authority.GetByTestId("library-scope")).ToContainTextAsync("UTO");
        await Assertions.Expect(authority.Locator($"[data-testid='library-result'][data-specimen='{Visa}']")).ToHaveCountAsync(1);
        await Assertions.Expect(authority.Locator($"[data-specimen='{OtherCountry}']")).ToHaveCountAsync(0);
        var states = await results.EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.state)");
        Assert.NotEmpty(states);
        Assert.All(states, s => Assert.Equal("UTO", s));
        await BrowserHost.ScreenshotAsync(authority, "library-authority-uto-only");

        // The visa: awaiting confirmation.
        await authority.GotoAsync($"/library/{Visa}");
        await BrowserHost.WaitInteractiveAsync(authority);
        var banner = authority.GetByTestId("confirmation-banner");
        await Assertions.Expect(banner).ToHaveAttributeAsync("data-state", "unconfirmed");
        await Assertions.Expect(banner).ToContainTextAsync("Not yet confirmed by the issuer");

        // Under UV 365 nm: another image, loaded, with its regions drawn.
        var image = authority.GetByTestId("specimen-image");
        await Assertions.Expect(image).ToHaveAttributeAsync("data-light", "White");
        var whiteSrc = await image.GetAttributeAsync("src");
        await authority.GetByTestId("light-UV365").ClickAsync();
        await Assertions.Expect(image).ToHaveAttributeAsync("data-light", "UV365");
        Assert.NotEqual(whiteSrc, await image.GetAttributeAsync("src"));
        await authority.WaitForFunctionAsync(
            "() => { const i = document.querySelector(\"[data-testid='specimen-image']\"); return !!i && i.dataset.light === 'UV365' && i.complete && i.naturalWidth > 0; }",
            null, new() { Timeout = Slow });
        Assert.True(await authority.GetByTestId("feature-region").CountAsync() > 0, "no feature regions drawn on the UV image");
        await Assertions.Expect(authority.GetByTestId("feature-item").First).ToBeVisibleAsync();

        // Confirm the version shown.
        await authority.GetByTestId("confirm-version").ClickAsync();
        await authority.GetByTestId("confirm-dialog-ok").ClickAsync();
        await Assertions.Expect(banner).ToHaveAttributeAsync("data-state", "confirmed");
        await Assertions.Expect(banner).ToContainTextAsync("Umar Utopia");
        await Assertions.Expect(authority.GetByTestId("confirm-version")).ToHaveCountAsync(0);
        var bannerText = await banner.InnerTextAsync();
        var version = ConfirmedVersion().Match(bannerText);
        Assert.True(version.Success, $"no version in the banner: {bannerText}");
        Assert.Equal(waitingVersion, version.Groups[1].Value);
        await BrowserHost.ScreenshotAsync(authority, "specimen-confirmed-by-authority");

        // Confirmed: no longer waiting on the home page.
        await authority.GotoAsync("/");
        await BrowserHost.WaitInteractiveAsync(authority);
        await Assertions.Expect(authority.GetByTestId("to-confirm")).ToBeVisibleAsync();
        await Assertions.Expect(waiting).ToHaveCountAsync(0);
        await authority.Context.CloseAsync();

        // An examiner opens the same specimen: confirmed by the issuer, with the name and version.
        var examiner = await host.SignInAsync("examiner@desc.local");
        await examiner.GotoAsync($"/library/{Visa}");
        await BrowserHost.WaitInteractiveAsync(examiner);
        var seen = examiner.GetByTestId("confirmation-banner");
        await Assertions.Expect(seen).ToHaveAttributeAsync("data-state", "confirmed");
        await Assertions.Expect(seen).ToContainTextAsync("Confirmed by the issuer");
        await Assertions.Expect(seen).ToContainTextAsync("Umar Utopia");
        await Assertions.Expect(seen).ToContainTextAsync($"version {version.Groups[1].Value}");
        await Assertions.Expect(seen).ToContainTextAsync("issuing authority of UTO");
        var confirmation = examiner.Locator("[data-testid='history-entry'][data-type='SpecimenConfirmed']");
        await Assertions.Expect(confirmation).ToHaveCountAsync(1);
        await Assertions.Expect(confirmation).ToContainTextAsync("Confirmed by the issuing authority");
        // The examiner neither confirms nor proposes.
        await Assertions.Expect(examiner.GetByTestId("confirm-version")).ToHaveCountAsync(0);
        await Assertions.Expect(examiner.GetByTestId("propose-correction")).ToHaveCountAsync(0);
        await BrowserHost.ScreenshotAsync(examiner, "specimen-confirmed-examiner-view");
        await examiner.Context.CloseAsync();
    }

    [Fact]
    public async Task The_issuing_authority_cannot_open_another_countrys_specimen()
    {
        var authority = await host.SignInAsync("authority@desc.local");
        await authority.GotoAsync($"/library/{OtherCountry}");
        await BrowserHost.WaitInteractiveAsync(authority);
        await Assertions.Expect(authority.GetByTestId("specimen-not-found"))
            .ToContainTextAsync("There is no such specimen in the reference library.");
        await Assertions.Expect(authority.GetByTestId("specimen-viewer")).ToHaveCountAsync(0);
        await Assertions.Expect(authority.GetByTestId("specimen-image")).ToHaveCountAsync(0);
        await BrowserHost.ScreenshotAsync(authority, "specimen-other-country-authority");
        await authority.Context.CloseAsync();
    }

    [GeneratedRegex(@"version (\d+)")]
    private static partial Regex ConfirmedVersion();
}
