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

    [Fact]
    public async Task The_assigned_examiner_draws_a_rectangle_records_a_finding_and_finds_it_in_the_history()
    {
        using var api = new HttpClient { BaseAddress = host.BaseAddress }.WithKey(ReferralRequests.NorthKey);
        var submitted = await api.PostAsync("/api/v1/referrals", ReferralRequests.Multipart(ReferralRequests.Example(["White"]),
            TestImages.Jpeg(1200, 800, seed: 73)), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var caseId = (await submitted.JsonAsync()).GetProperty("id").GetGuid();

        var page = await host.SignInAsync("examiner@desc.local");
        await page.GotoAsync($"/cases/{caseId}");
        await BrowserHost.WaitInteractiveAsync(page);
        await page.GetByTestId("take-case").ClickAsync();
        await Assertions.Expect(page.GetByTestId("take-case")).ToHaveCountAsync(0, new() { Timeout = Slow });
        await page.GetByTestId("open-workspace").ClickAsync();
        await Assertions.Expect(page.GetByTestId("tool-rectangle")).ToBeVisibleAsync(new() { Timeout = Slow });
        await BrowserHost.WaitInteractiveAsync(page);
        await page.WaitForFunctionAsync(TilesLoaded, null, new() { Timeout = Slow });

        // The reference specimen: the library's UTO passport; its features become the checklist.
        await page.GetByTestId("reference-select").SelectOptionAsync(DescPortal.Web.Features.ReferenceLibrary.LibrarySeeding.IdOf("UTO-P-2007").ToString());
        await page.GetByTestId("reference-choose").ClickAsync();
        await Assertions.Expect(page.GetByTestId("checklist-item").First).ToBeVisibleAsync(new() { Timeout = Slow });
        await Assertions.Expect(page.GetByTestId("checklist-progress")).ToHaveAttributeAsync("data-observed", "0");

        await page.GetByTestId("tool-rectangle").ClickAsync();
        var viewer = page.GetByTestId("deep-zoom");
        await Assertions.Expect(viewer).ToHaveAttributeAsync("data-tool", "rectangle", new() { Timeout = Slow });
        var box = await viewer.BoundingBoxAsync();
        Assert.NotNull(box);
        await page.Mouse.MoveAsync(box.X + box.Width * 0.3f, box.Y + box.Height * 0.3f);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width * 0.45f, box.Y + box.Height * 0.45f, new() { Steps = 5 });
        await page.Mouse.MoveAsync(box.X + box.Width * 0.55f, box.Y + box.Height * 0.6f, new() { Steps = 5 });
        await page.Mouse.UpAsync();

        await Assertions.Expect(page.GetByTestId("annotation-form")).ToBeVisibleAsync(new() { Timeout = Slow });
        // No finding chosen: refused on the page, the note typed stays.
        await page.GetByTestId("annotation-note-input").FillAsync("Laminate lifted at the portrait's edge.");
        await page.GetByTestId("annotation-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("annotation-error")).ToBeVisibleAsync(new() { Timeout = Slow });
        await Assertions.Expect(page.GetByTestId("annotation-note-input")).ToHaveValueAsync("Laminate lifted at the portrait's edge.");
        await page.GetByTestId("annotation-finding-select").SelectOptionAsync("Inconsistent");
        // Linked to the first feature of the checklist.
        var feature = await page.GetByTestId("checklist-item").First.GetAttributeAsync("data-feature");
        await page.GetByTestId("annotation-feature-select").SelectOptionAsync(feature!);
        await page.GetByTestId("annotation-save").ClickAsync();

        var item = page.GetByTestId("annotation-item");
        await Assertions.Expect(item).ToHaveCountAsync(1, new() { Timeout = Slow });
        await Assertions.Expect(item).ToHaveAttributeAsync("data-finding", "Inconsistent");
        await Assertions.Expect(item).ToContainTextAsync("Laminate lifted at the portrait's edge.");
        await Assertions.Expect(page.GetByTestId("annotation-mark")).ToHaveCountAsync(1, new() { Timeout = Slow });
        // The observation for that feature cites the mark; progress moves.
        await page.GetByTestId("checklist-finding").First.SelectOptionAsync("Inconsistent");
        await Assertions.Expect(page.GetByTestId("checklist-progress")).ToHaveAttributeAsync("data-observed", "1", new() { Timeout = Slow });
        await Assertions.Expect(page.GetByTestId("checklist-marks").First).ToContainTextAsync("1 mark");

        // The document's MRZ: checked against the data entered, then recorded in the case.
        await Assertions.Expect(page.GetByTestId("mrz-verdict")).ToHaveAttributeAsync("data-valid", "true");
        await page.GetByTestId("mrz-record").ClickAsync();
        await Assertions.Expect(page.GetByTestId("mrz-recorded")).ToBeVisibleAsync(new() { Timeout = Slow });
        await BrowserHost.ScreenshotAsync(page, "workspace-mark-recorded");

        // Every mark is part of the case's history.
        await page.GotoAsync($"/cases/{caseId}");
        await BrowserHost.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByText("Annotation added")).ToBeVisibleAsync(new() { Timeout = Slow });
        // The checklist's progress shows on the case.
        await Assertions.Expect(page.GetByTestId("case-checklist-progress")).ToHaveAttributeAsync("data-observed", "1");
        await BrowserHost.ScreenshotAsync(page, "case-page-checklist");

        // And on the case's row in the queue.
        var reference = (await page.GetByTestId("case-reference").InnerTextAsync()).Trim();
        await page.GotoAsync("/queue");
        await BrowserHost.WaitInteractiveAsync(page);
        var row = page.Locator("tr", new() { Has = page.GetByTestId("case-link").GetByText(reference, new() { Exact = true }) });
        await Assertions.Expect(row.GetByTestId("queue-checklist")).ToHaveAttributeAsync("data-observed", "1", new() { Timeout = Slow });
        await BrowserHost.ScreenshotAsync(page, "queue-checklist");
        await page.Context.CloseAsync();
    }
}
