using System.Net;
using DescPortal.Testing;
using Microsoft.Playwright;
using Xunit;

namespace DescPortal.EndToEnd.Examination;

/// <summary>The examiner's workspace shows the evidence in deep zoom and keeps the view when the light changes.</summary>
public sealed class WorkspaceTests(BrowserHost host)
{
    private const int Slow = 30_000;
    private const string TilesLoaded = "() => Number(document.querySelector(\"[data-testid='deep-zoom']\")?.dataset.tilesLoaded || 0) > 0";

    [Fact]
    public async Task The_evidence_opens_in_deep_zoom_and_switching_to_uv_keeps_position_and_zoom()
    {
        using var api = new HttpClient { BaseAddress = host.BaseAddress }.WithKey(ReferralRequests.NorthKey);
        var submitted = await api.PostAsync("/api/v1/referrals", ReferralRequests.Multipart(ReferralRequests.Example(["White", "UV365"]),
            TestImages.Jpeg(1600, 1100, seed: 71), TestImages.Jpeg(1600, 1100, seed: 72)), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var caseId = (await submitted.JsonAsync()).GetProperty("id").GetGuid();

        var page = await host.SignInAsync("examiner@desc.local");
        await page.GotoAsync($"/cases/{caseId}");
        await BrowserHost.WaitInteractiveAsync(page);
        await page.GetByTestId("open-workspace").ClickAsync();
        var viewer = page.GetByTestId("deep-zoom");
        await Assertions.Expect(viewer).ToHaveAttributeAsync("data-light", "White", new() { Timeout = Slow });
        await BrowserHost.WaitInteractiveAsync(page);
        // Tiles, not the whole image: the job made the pyramid when the referral arrived (or the first request asks for it).
        await page.WaitForFunctionAsync(TilesLoaded, null, new() { Timeout = Slow });
        await Assertions.Expect(viewer).ToHaveAttributeAsync("data-tiled", "true", new() { Timeout = Slow });

        var box = await viewer.BoundingBoxAsync();
        Assert.NotNull(box);
        await page.Mouse.MoveAsync(box.X + box.Width * 0.3f, box.Y + box.Height * 0.4f);
        for (var i = 0; i < 5; i++)
        {
            await page.Mouse.WheelAsync(0, -200);
            await page.WaitForTimeoutAsync(120);
        }
        await page.WaitForTimeoutAsync(800);
        var before = await ViewAsync(page);
        Assert.True(before[0] > 2, $"zoom {before[0]}: the wheel did not zoom in");

        await page.GetByTestId("light-UV365").ClickAsync();
        await Assertions.Expect(viewer).ToHaveAttributeAsync("data-light", "UV365", new() { Timeout = Slow });
        await page.WaitForFunctionAsync(TilesLoaded, null, new() { Timeout = Slow });
        var after = await ViewAsync(page);
        Assert.Equal(before[0], after[0], 2);
        Assert.Equal(before[1], after[1], 3);
        Assert.Equal(before[2], after[2], 3);
        await BrowserHost.ScreenshotAsync(page, "workspace-uv-zoomed");
        await page.Context.CloseAsync();
    }

    /// <summary>Zoom and centre of the viewer's viewport (relative to the image's width, so comparable across captures).</summary>
    private static Task<double[]> ViewAsync(IPage page) => page.EvaluateAsync<double[]>(
        "() => { const v = document.querySelector(\"[data-testid='deep-zoom']\").__descViewer.viewport; const c = v.getCenter(true); return [v.getZoom(true), c.x, c.y]; }");
}
