using DescPortal.Testing;
using Microsoft.Playwright;
using Xunit;
using static DescPortal.EndToEnd.BrowserHost;

namespace DescPortal.EndToEnd.ReferenceLibrary;

/// <summary>
/// An examiner builds a specimen in the browser: creates it, uploads its data page, draws a security feature's region
/// on the image with the mouse, and finds the feature drawn, listed and in the history.
/// </summary>
public sealed class EditingTests(BrowserHost host)
{
    [Fact]
    public async Task An_examiner_creates_a_specimen_uploads_an_image_and_draws_a_feature_on_it()
    {
        var page = await host.SignInAsync("examiner@desc.local");
        await page.GotoAsync("/library");
        await BrowserHost.WaitInteractiveAsync(page);
        await page.GetByTestId("new-specimen").ClickAsync();
        await Assertions.Expect(page.GetByTestId("details-state")).ToBeVisibleAsync();
        await BrowserHost.WaitInteractiveAsync(page);

        // Nothing entered: each required field says what it needs.
        await page.GetByTestId("details-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("details-error-series")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("details-error-issuingState")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("details-error-issuedFrom")).ToBeVisibleAsync();

        await page.GetByTestId("details-state").FillAsync("UTO");
        await page.GetByTestId("details-type").SelectOptionAsync("ResidencePermit");
        await page.GetByTestId("details-format").SelectOptionAsync("TD1");
        await page.GetByTestId("details-series").FillAsync("Residence permit, browser-test series");
        await page.GetByTestId("details-from").FillAsync("2024-03-01");
        await page.GetByTestId("details-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("specimen-title")).ToContainTextAsync("browser-test series");
        await BrowserHost.WaitInteractiveAsync(page);
        Assert.Matches(@"/library/[0-9a-f-]{36}$", page.Url);

        // The data page under white light, 300 dpi.
        await page.GetByTestId("add-image").ClickAsync();
        await page.GetByTestId("image-file").SetInputFilesAsync(new FilePayload
        {
            Name = "data page.png", MimeType = "image/png", Buffer = TestImages.Png(900, 600, seed: 41),
        });
        await page.GetByTestId("image-dpi").FillAsync("300");
        await page.GetByTestId("image-save").ClickAsync();
        var image = page.GetByTestId("specimen-image");
        await Assertions.Expect(image).ToHaveAttributeAsync("data-light", "White");
        await page.WaitForFunctionAsync(
            "() => { const i = document.querySelector(\"[data-testid='specimen-image']\"); return !!i && i.complete && i.naturalWidth === 900; }",
            null, new() { Timeout = Slow });

        // A feature: its fields, then a region dragged on the image.
        await page.GetByTestId("add-feature").ClickAsync();
        await page.GetByTestId("feature-category").SelectOptionAsync("SecurityPrinting");
        await page.GetByTestId("feature-type").SelectOptionAsync("Guilloche");
        await page.GetByTestId("feature-description").FillAsync("Guilloche rosette behind the portrait.");
        // The drawing script attaches once the editor is on screen: a drag before that draws nothing.
        await Assertions.Expect(page.GetByTestId("specimen-stage")).ToHaveAttributeAsync("data-draw-attached", "true");
        var stage = await page.GetByTestId("specimen-stage").BoundingBoxAsync();
        Assert.NotNull(stage);
        await page.Mouse.MoveAsync(stage.X + stage.Width * 0.10f, stage.Y + stage.Height * 0.20f);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(stage.X + stage.Width * 0.30f, stage.Y + stage.Height * 0.40f, new() { Steps = 5 });
        await page.Mouse.MoveAsync(stage.X + stage.Width * 0.50f, stage.Y + stage.Height * 0.60f, new() { Steps = 5 });
        await page.Mouse.UpAsync();
        await Assertions.Expect(page.GetByTestId("region-item")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("draft-region")).ToHaveCountAsync(1);
        // The region is in the image's own pixels: about 10 % to 50 % of 900 across.
        var x = int.Parse(await page.GetByTestId("region-x").InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture);
        var width = int.Parse(await page.GetByTestId("region-width").InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(x, 80, 100);
        Assert.InRange(width, 340, 380);
        // The light of the image it was drawn on is ticked for the feature.
        await Assertions.Expect(page.GetByTestId("feature-light-White")).ToBeCheckedAsync();
        await BrowserHost.ScreenshotAsync(page, "specimen-feature-drawn");
        await page.GetByTestId("feature-save").ClickAsync();

        // Drawn on the image, listed beside it, and in the history.
        await Assertions.Expect(page.GetByTestId("feature-item")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("feature-item")).ToContainTextAsync("Guilloche rosette behind the portrait.");
        await Assertions.Expect(page.GetByTestId("feature-region")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("feature-region")).ToHaveAttributeAsync("x", x.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("[data-testid='history-entry'][data-type='SecurityFeatureAdded']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid='history-entry'][data-type='SpecimenImageAdded']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid='history-entry'][data-type='SpecimenCreated']")).ToHaveCountAsync(1);
        await BrowserHost.ScreenshotAsync(page, "specimen-built-by-examiner");
        await page.Context.CloseAsync();
    }
}
