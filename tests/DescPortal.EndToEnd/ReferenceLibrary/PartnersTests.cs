using DescPortal.Testing;
using DescPortal.Web.Features.ReferenceLibrary.Exchange;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;
using DescPortal.DemoData;

namespace DescPortal.EndToEnd.ReferenceLibrary;

/// <summary>
/// A partner's archive refused until an administrator registers its fingerprint on the partners page; then imported,
/// its issuer confirmation shown as made at the partner; the partner removed again.
/// </summary>
public sealed class PartnersTests(BrowserHost host)
{
    /// <summary>A MudTextField's input, whichever element carries the test id.</summary>
    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    [Fact]
    public async Task An_administrator_registers_the_fingerprint_a_refused_archive_showed_and_the_examiner_then_imports_it()
    {
        var examiner = await host.SignInAsync("examiner@desc.local");
        var visa = LibrarySeeding.IdOf("UTO-V-2018");
        var download = await examiner.Context.APIRequest.GetAsync($"/library/exchange/export?ids={visa}");
        Assert.Equal(200, download.Status);
        using var key = SpecimenArchives.NewKey();
        var fingerprint = InstallationIdentity.Grouped(SpecimenArchives.Sha256(key.ExportSubjectPublicKeyInfo()));
        // The partner's copy, confirmed by the issuer over there.
        var archive = SpecimenArchives.Forge(await download.BodyAsync(), key, (manifest, _) =>
        {
            var specimen = manifest["specimens"]![0]!;
            specimen["confirmations"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
            {
                ["version"] = (int)specimen["version"]!, ["confirmedByName"] = "Issuing authority of UTO", ["confirmedByUserId"] = "uto-east",
                ["country"] = "UTO", ["at"] = "2026-12-01T09:00:00+00:00",
            });
        }, name: "DESC East (as it signs)");

        // Not a partner yet: refused, and the fingerprint is on the screen.
        await examiner.GotoAsync("/library/exchange");
        await BrowserHost.WaitInteractiveAsync(examiner);
        await examiner.GetByTestId("import-file").SetInputFilesAsync(new FilePayload { Name = "east.zip", MimeType = "application/zip", Buffer = archive });
        await Assertions.Expect(examiner.GetByTestId("signer-not-partner")).ToBeVisibleAsync();
        await Assertions.Expect(examiner.GetByTestId("import-problems")).ToContainTextAsync(fingerprint);
        await Assertions.Expect(examiner.GetByTestId("import-button")).ToBeDisabledAsync();
        await BrowserHost.ScreenshotAsync(examiner, "exchange-unregistered-signer");

        // The administrator sees this installation's fingerprint, and registers the partner's.
        var admin = await host.SignInAsync("admin@desc.local");
        await admin.GotoAsync("/admin/partners");
        await BrowserHost.WaitInteractiveAsync(admin);
        var own = await host.Services.GetRequiredService<InstallationIdentity>().GetAsync(TestContext.Current.CancellationToken);
        await Assertions.Expect(admin.GetByTestId("own-fingerprint")).ToHaveTextAsync(own.FingerprintGroups);
        await Field(admin, "partner-name").FillAsync("DESC East");
        await Field(admin, "partner-fingerprint").FillAsync("not a fingerprint");
        await admin.GetByTestId("register-button").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("register-partner")).ToContainTextAsync("Key fingerprint: 64 hexadecimal digits");
        await Field(admin, "partner-fingerprint").FillAsync(fingerprint);
        await admin.GetByTestId("register-button").ClickAsync();
        var row = admin.Locator($"[data-testid=partner-row][data-fingerprint='{SpecimenArchives.Sha256(key.ExportSubjectPublicKeyInfo())}']");
        await Assertions.Expect(row).ToContainTextAsync("DESC East");
        await Assertions.Expect(row).ToContainTextAsync(fingerprint);
        await Assertions.Expect(row).ToContainTextAsync("admin@desc.local");
        await Assertions.Expect(admin.GetByTestId("partner-record").Locator("li").First).ToContainTextAsync("Registered · DESC East");
        await BrowserHost.ScreenshotAsync(admin, "admin-partners");

        // The same archive again: accepted, and the confirmation is the partner's.
        await examiner.GetByTestId("import-file").SetInputFilesAsync(new FilePayload { Name = "east.zip", MimeType = "application/zip", Buffer = archive });
        await Assertions.Expect(examiner.GetByTestId("signature-valid")).ToContainTextAsync("DESC East");
        await examiner.GetByTestId("import-button").ClickAsync();
        await Assertions.Expect(examiner.GetByTestId("import-result")).ToContainTextAsync("1 created");
        await examiner.GetByTestId("import-result-link").ClickAsync();
        var banner = examiner.GetByTestId("confirmation-banner");
        await Assertions.Expect(banner).ToHaveAttributeAsync("data-state", "partner");
        await Assertions.Expect(banner).ToContainTextAsync("Confirmed by the issuer at DESC East: Issuing authority of UTO, 1 Dec 2026");
        await BrowserHost.ScreenshotAsync(examiner, "specimen-confirmed-at-partner");

        // Removed: the record keeps both, and its next archive is refused.
        await row.GetByTestId("remove-partner").ClickAsync();
        await admin.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);
        await Assertions.Expect(admin.GetByTestId("partner-record").Locator("li").First).ToContainTextAsync("Removed · DESC East");
        await BrowserHost.ScreenshotAsync(admin, "admin-partners-removed");
        await examiner.GotoAsync("/library/exchange");
        await BrowserHost.WaitInteractiveAsync(examiner);
        await examiner.GetByTestId("import-file").SetInputFilesAsync(new FilePayload { Name = "east.zip", MimeType = "application/zip", Buffer = archive });
        await Assertions.Expect(examiner.GetByTestId("signer-not-partner")).ToBeVisibleAsync();

        await examiner.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }
}
