using DescPortal.Testing;
using DescPortal.Web.Features.ReferenceLibrary;
using Microsoft.Playwright;
using Xunit;
using DescPortal.DemoData;

namespace DescPortal.EndToEnd.ReferenceLibrary;

/// <summary>An examiner exports a specimen from the exchange page; a partner's archive is previewed and imported there.</summary>
public sealed class ExchangeTests(BrowserHost host)
{
    [Fact]
    public async Task An_examiner_downloads_an_archive_and_imports_a_partners_from_the_exchange_page()
    {
        var page = await host.SignInAsync("examiner@desc.local");
        var visa = LibrarySeeding.IdOf("UTO-V-2018");
        var download = await page.Context.APIRequest.GetAsync($"/library/exchange/export?ids={visa}");
        Assert.Equal(200, download.Status);
        // The partner centre sends the same content under its own key.
        using var partner = SpecimenArchives.NewKey();
        var archive = SpecimenArchives.Forge(await download.BodyAsync(), partner, (_, _) => { }, name: "Partner centre South");
        // An administrator registered it (PartnersTests does that through the page).
        await SpecimenArchives.TrustSignerAsync(host.Services, archive, TestContext.Current.CancellationToken);

        await page.GotoAsync("/library/exchange");
        await BrowserHost.WaitInteractiveAsync(page);
        await page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload
        {
            Name = "partner.zip", MimeType = "application/zip", Buffer = archive,
        });
        await Assertions.Expect(page.GetByTestId("signature-valid")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("signer-name")).ToHaveTextAsync("Partner centre South");
        await Assertions.Expect(page.GetByTestId("import-new")).ToBeVisibleAsync();
        await BrowserHost.ScreenshotAsync(page, "exchange-preview");

        await page.GetByTestId("import-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-result")).ToContainTextAsync("1 created");
        await BrowserHost.ScreenshotAsync(page, "exchange-imported");

        // Later the partner sends a newer version (corrected over there): it updates the copy.
        var newer = SpecimenArchives.Forge(await download.BodyAsync(), partner, (manifest, _) =>
        {
            var specimen = manifest["specimens"]![0]!;
            specimen["version"] = (int)specimen["version"]! + 1;
            specimen["description"] = "Corrected by the partner centre.";
        }, name: "Partner centre South");
        await page.GetByTestId("import-another").ClickAsync();
        await page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload { Name = "partner-newer.zip", MimeType = "application/zip", Buffer = newer });
        await Assertions.Expect(page.GetByTestId("import-update")).ToBeVisibleAsync();
        await BrowserHost.ScreenshotAsync(page, "exchange-newer-version");
        await page.GetByTestId("import-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-result")).ToContainTextAsync("1 updated");
        await page.GetByTestId("import-result-link").ClickAsync();
        await Assertions.Expect(page.GetByText("Corrected by the partner centre.")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
