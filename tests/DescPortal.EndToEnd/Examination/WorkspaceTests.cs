using DescPortal.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;
using static DescPortal.EndToEnd.BrowserHost;
using DescPortal.Web.Features.Cases;
using DescPortal.DemoData;

namespace DescPortal.EndToEnd.Examination;

/// <summary>The examiner's workspace shows the evidence in deep zoom and keeps the view when the light changes.</summary>
public sealed class WorkspaceTests(BrowserHost host)
{
    // Tiles, not the whole image shown while the pyramid is made (the viewer changes to tiles once they are there).
    private const string TilesLoaded =
        "() => { const el = document.querySelector(\"[data-testid='deep-zoom']\"); return el?.dataset.tiled === 'true' && Number(el.dataset.tilesLoaded || 0) > 0; }";

    [Fact]
    public async Task The_evidence_opens_in_deep_zoom_and_switching_to_uv_keeps_position_and_zoom()
    {
        var caseId = await host.SubmitReferralAsync(ReferralRequests.Example(["White", "UV365"]), TestImages.Jpeg(1600, 1100, seed: 71), TestImages.Jpeg(1600, 1100, seed: 72));

        var page = await host.SignInAsync("examiner@desc.local");
        await page.GotoAsync($"/cases/{caseId}");
        await BrowserHost.WaitInteractiveAsync(page);
        await page.GetByTestId("open-workspace").ClickAsync();
        var viewer = page.GetByTestId("deep-zoom");
        await Assertions.Expect(viewer).ToHaveAttributeAsync("data-light", "White");
        await BrowserHost.WaitInteractiveAsync(page);
        // Tiles, not the whole image: the job made the pyramid when the referral arrived; opened before it is there, the
        // viewer shows the whole image and changes to tiles once they are made.
        await Assertions.Expect(viewer).ToHaveAttributeAsync("data-tiled", "true");
        await page.WaitForFunctionAsync(TilesLoaded, null, new() { Timeout = Slow });

        var box = await viewer.BoundingBoxAsync();
        Assert.NotNull(box);
        await ZoomInAsync(page, box, 0.3f, 0.4f, steps: 5);
        var before = await ViewAsync(page);
        Assert.True(before[0] > 2 * before[3], $"zoom {before[0]}, home {before[3]}: the wheel did not zoom in");

        await page.GetByTestId("light-UV365").ClickAsync();
        await Assertions.Expect(viewer).ToHaveAttributeAsync("data-light", "UV365");
        await page.WaitForFunctionAsync(TilesLoaded, null, new() { Timeout = Slow });
        var after = await ViewAsync(page);
        Assert.Equal(1, after[0] / before[0], 3);
        Assert.Equal(before[1], after[1], 2); // millimetres: within 10 µm
        Assert.Equal(before[2], after[2], 2);
        await BrowserHost.ScreenshotAsync(page, "workspace-uv-zoomed");
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Zoom and centre the viewer is heading for (not where an animation has got to under load) in the workspace's
    /// world (millimetres, comparable across captures), and its home zoom.
    /// </summary>
    private static Task<double[]> ViewAsync(IPage page) => page.EvaluateAsync<double[]>(
        "() => { const v = document.querySelector(\"[data-testid='deep-zoom']\").__descViewer.viewport; const c = v.getCenter(); return [v.getZoom(), c.x, c.y, v.getHomeZoom()]; }");

    [Fact]
    public async Task An_image_shown_whole_while_its_tiles_are_made_changes_to_tiles_once_they_are_there()
    {
        var caseId = await host.SubmitReferralAsync(ReferralRequests.Example(["White"]), TestImages.Jpeg(1200, 800, seed: 76));
        var page = await OpenWorkspaceAsync(caseId);
        Guid evidenceId;
        await using (var session = host.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession())
            evidenceId = (await DescPortal.Web.Features.Cases.CaseRecord.LoadAsync(session, caseId, TestContext.Current.CancellationToken))!.Evidence[0].Id;

        // The server answers "being prepared" (404) twice, as it does until the job has made the pyramid.
        var asked = 0;
        await page.RouteAsync("**/deepzoom", async route =>
        {
            if (Interlocked.Increment(ref asked) <= 2) await route.FulfillAsync(new() { Status = 404 });
            else await route.ContinueAsync();
        });
        // The image shown again as the page shows one whose pyramid it does not know yet.
        await page.EvaluateAsync("""
            ([describeUrl, imageUrl]) => import('./js/deep-zoom.js').then(m => m.show(document.querySelector("[data-testid='deep-zoom']"),
                [{ key: 'again', describeUrl, imageUrl, x: 0, y: 0, width: 50.8 }], true))
            """, new[] { $"evidence/{caseId}/{evidenceId}/deepzoom", $"evidence/{caseId}/{evidenceId}" });
        var viewer = page.GetByTestId("deep-zoom");
        await Assertions.Expect(viewer).ToHaveAttributeAsync("data-tiled", "false");
        Assert.Contains("tiles are being made", await viewer.EvaluateAsync<string>("el => getComputedStyle(el, '::after').content"), StringComparison.Ordinal);
        await BrowserHost.ScreenshotAsync(page, "workspace-tiles-being-made");

        // It asks again by itself and opens the tiles where the view is.
        await Assertions.Expect(viewer).ToHaveAttributeAsync("data-tiled", "true");
        await page.WaitForFunctionAsync(TilesLoaded);
        Assert.Equal(3, Volatile.Read(ref asked));
        Assert.Equal("none", await viewer.EvaluateAsync<string>("el => getComputedStyle(el, '::after').content"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_assigned_examiner_draws_a_rectangle_records_a_finding_and_finds_it_in_the_history()
    {
        var caseId = await host.SubmitReferralAsync(ReferralRequests.Example(["White"]), TestImages.Jpeg(1200, 800, seed: 73));

        var page = await host.SignInAsync("examiner@desc.local");
        await BrowserHost.TakeCaseAsync(page, caseId);
        await page.GetByTestId("open-workspace").ClickAsync();
        await Assertions.Expect(page.GetByTestId("tool-rectangle")).ToBeVisibleAsync();
        await BrowserHost.WaitInteractiveAsync(page);
        await page.WaitForFunctionAsync(TilesLoaded, null, new() { Timeout = Slow });

        // The reference specimen: the library's UTO passport; its features become the checklist.
        await page.GetByTestId("reference-select").SelectOptionAsync(DescPortal.DemoData.LibrarySeeding.IdOf("UTO-P-2007").ToString());
        await page.GetByTestId("reference-choose").ClickAsync();
        await Assertions.Expect(page.GetByTestId("checklist-item").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("checklist-progress")).ToHaveAttributeAsync("data-observed", "0");

        await page.GetByTestId("tool-rectangle").ClickAsync();
        var viewer = page.GetByTestId("deep-zoom");
        await Assertions.Expect(viewer).ToHaveAttributeAsync("data-tool", "rectangle");
        var box = await viewer.BoundingBoxAsync();
        Assert.NotNull(box);
        await page.Mouse.MoveAsync(box.X + box.Width * 0.3f, box.Y + box.Height * 0.3f);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width * 0.45f, box.Y + box.Height * 0.45f, new() { Steps = 5 });
        await page.Mouse.MoveAsync(box.X + box.Width * 0.55f, box.Y + box.Height * 0.6f, new() { Steps = 5 });
        await page.Mouse.UpAsync();

        await Assertions.Expect(page.GetByTestId("annotation-form")).ToBeVisibleAsync();
        // No finding chosen: refused on the page, the note typed stays.
        await page.GetByTestId("annotation-note-input").FillAsync("Laminate lifted at the portrait's edge.");
        await page.GetByTestId("annotation-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("annotation-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("annotation-note-input")).ToHaveValueAsync("Laminate lifted at the portrait's edge.");
        await page.GetByTestId("annotation-finding-select").SelectOptionAsync("Inconsistent");
        // Linked to the first feature of the checklist.
        var feature = await page.GetByTestId("checklist-item").First.GetAttributeAsync("data-feature");
        await page.GetByTestId("annotation-feature-select").SelectOptionAsync(feature!);
        await page.GetByTestId("annotation-save").ClickAsync();

        var item = page.GetByTestId("annotation-item");
        await Assertions.Expect(item).ToHaveCountAsync(1);
        await Assertions.Expect(item).ToHaveAttributeAsync("data-finding", "Inconsistent");
        await Assertions.Expect(item).ToContainTextAsync("Laminate lifted at the portrait's edge.");
        await Assertions.Expect(page.GetByTestId("annotation-mark")).ToHaveCountAsync(1);
        // The observation for that feature cites the mark; progress moves.
        await page.GetByTestId("checklist-finding").First.SelectOptionAsync("Inconsistent");
        await Assertions.Expect(page.GetByTestId("checklist-progress")).ToHaveAttributeAsync("data-observed", "1");
        await Assertions.Expect(page.GetByTestId("checklist-marks").First).ToHaveTextAsync("Mark 1");

        // The document's MRZ: checked against the data entered, then recorded in the case.
        await Assertions.Expect(page.GetByTestId("mrz-verdict")).ToHaveAttributeAsync("data-valid", "true");
        await page.GetByTestId("mrz-record").ClickAsync();
        await Assertions.Expect(page.GetByTestId("mrz-recorded")).ToBeVisibleAsync();
        await BrowserHost.ScreenshotAsync(page, "workspace-mark-recorded");

        // Every mark is part of the case's history, which says which mark on which image and light, and what was found.
        await page.GotoAsync($"/cases/{caseId}");
        await BrowserHost.WaitInteractiveAsync(page);
        var markLine = page.Locator("[data-testid='history-entry'][data-type='AnnotationAdded']");
        await Assertions.Expect(markLine).ToContainTextAsync("Mark 1 added on image 1 (document 1, Data page, White light, reflected): ");
        await Assertions.Expect(markLine).ToContainTextAsync("— Inconsistent with the genuine");
        await Assertions.Expect(page.GetByTestId("history-text").First).ToHaveTextAsync("Laminate lifted at the portrait's edge.");
        await Assertions.Expect(page.Locator("[data-testid='history-entry'][data-type='ChecklistObservationRecorded']"))
            .ToContainTextAsync("Checklist of document 1: feature 1, ");
        await Assertions.Expect(page.Locator("[data-testid='history-entry'][data-type='MrzChecked']")).ToContainTextAsync("MRZ of document 1 checked: valid");
        // The checklist's progress shows on the case.
        await Assertions.Expect(page.GetByTestId("case-checklist-progress")).ToHaveAttributeAsync("data-observed", "1");
        await BrowserHost.ScreenshotAsync(page, "case-page-checklist");

        // And on the case's row in the queue.
        var reference = (await page.GetByTestId("case-reference").InnerTextAsync()).Trim();
        await page.GotoAsync("/queue");
        await BrowserHost.WaitInteractiveAsync(page);
        var row = page.Locator("tr", new() { Has = page.GetByTestId("case-link").GetByText(reference, new() { Exact = true }) });
        await Assertions.Expect(row.GetByTestId("queue-checklist")).ToHaveAttributeAsync("data-observed", "1");
        await BrowserHost.ScreenshotAsync(page, "queue-checklist");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task In_compare_mode_the_examiner_draws_a_rectangle_links_it_to_a_feature_and_finds_it_in_the_history()
    {
        var caseId = await host.SubmitReferralAsync(ReferralRequests.Example(["White"]), TestImages.Jpeg(1400, 1000, seed: 74));

        var page = await OpenWorkspaceAsync(caseId, width: 1600, height: 1000);
        // Compare needs a reference specimen.
        await Assertions.Expect(page.GetByTestId("view-sidebyside")).ToBeDisabledAsync();
        await page.GetByTestId("reference-select").SelectOptionAsync(DescPortal.DemoData.LibrarySeeding.IdOf("UTO-P-2007").ToString());
        await page.GetByTestId("reference-choose").ClickAsync();
        await Assertions.Expect(page.GetByTestId("checklist-item").First).ToBeVisibleAsync();

        // Side by side: the specimen's white image of the data page, with its features drawn, kept in step.
        await page.GetByTestId("view-sidebyside").ClickAsync();
        var specimen = page.GetByTestId("specimen-deep-zoom");
        await Assertions.Expect(specimen).ToHaveAttributeAsync("data-light", "White");
        await page.WaitForFunctionAsync(TiledIn("specimen-deep-zoom"), null, new() { Timeout = Slow });
        await Assertions.Expect(specimen.GetByTestId("feature-overlay").First).ToBeAttachedAsync();
        var viewer = page.GetByTestId("deep-zoom");
        var box = await viewer.BoundingBoxAsync();
        Assert.NotNull(box);
        await ZoomInAsync(page, box, 0.4f, 0.4f, steps: 4);
        var views = await SettledViewsAsync(page, "deep-zoom", "specimen-deep-zoom");
        var (questioned, genuine) = (views[0], views[1]);
        Assert.True(questioned[0] > 1.5 * questioned[3], $"zoom {questioned[0]}, home {questioned[3]}: the wheel did not zoom in");
        // The same view of the same millimetres: same zoom, same centre.
        Assert.Equal(1, genuine[0] / questioned[0], 4);
        Assert.Equal(questioned[1], genuine[1], 2);
        Assert.Equal(questioned[2], genuine[2], 2);

        // The ruler reads millimetres from the image's resolution: 600 px at 600 dpi are 25.4 mm.
        await page.GetByTestId("tool-ruler").ClickAsync();
        await Assertions.Expect(viewer).ToHaveAttributeAsync("data-tool", "ruler");
        await DragAsync(page, (500, 500), (1100, 500));
        var ruler = viewer.Locator("xpath=..").GetByTestId("ruler-length");
        await Assertions.Expect(ruler).ToBeVisibleAsync();
        var mm = double.Parse((await ruler.GetAttributeAsync("data-mm"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(mm, 25.2, 25.6);
        // The marks drawn again (as when a colleague's change arrives) keep the ruler's line on the image.
        var line = viewer.Locator(".ws-mark-line");
        await Assertions.Expect(line).ToBeVisibleAsync();
        await viewer.EvaluateAsync("el => import('./js/deep-zoom.js').then(m => m.setMarks(el, el.__descMarks))");
        await Assertions.Expect(line).ToBeVisibleAsync();

        // A rectangle on the questioned image, linked to the first feature of the specimen.
        await page.GetByTestId("tool-rectangle").ClickAsync();
        await Assertions.Expect(viewer).ToHaveAttributeAsync("data-tool", "rectangle");
        await page.Mouse.MoveAsync(box.X + box.Width * 0.3f, box.Y + box.Height * 0.3f);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width * 0.5f, box.Y + box.Height * 0.5f, new() { Steps = 6 });
        await page.Mouse.UpAsync();
        await Assertions.Expect(page.GetByTestId("annotation-form")).ToBeVisibleAsync();
        await page.GetByTestId("annotation-finding-select").SelectOptionAsync("Inconsistent");
        var feature = await page.GetByTestId("checklist-item").First.GetAttributeAsync("data-feature");
        await page.GetByTestId("annotation-feature-select").SelectOptionAsync(feature!);
        await page.GetByTestId("annotation-note-input").FillAsync("Guilloche lines break at the portrait.");
        await page.GetByTestId("annotation-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("annotation-item")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("annotation-item")).ToContainTextAsync("Guilloche");
        await Assertions.Expect(viewer.GetByTestId("annotation-mark")).ToHaveCountAsync(1);
        // Still side by side, the mark on the questioned image only.
        await Assertions.Expect(specimen).ToBeVisibleAsync();
        await Assertions.Expect(specimen.GetByTestId("annotation-mark")).ToHaveCountAsync(0);
        await BrowserHost.ScreenshotAsync(page, "workspace-compare-side-by-side");

        // Overlay: the specimen over the questioned image, its opacity on a slider.
        await page.GetByTestId("view-overlay").ClickAsync();
        await Assertions.Expect(specimen).ToHaveCountAsync(0);
        await page.WaitForFunctionAsync("() => document.querySelector(\"[data-testid='deep-zoom']\").__descViewer.world.getItemCount() === 2", null, new() { Timeout = Slow });
        await page.GetByTestId("overlay-opacity").FillAsync("30");
        await page.WaitForFunctionAsync("() => Math.abs(document.querySelector(\"[data-testid='deep-zoom']\").__descViewer.world.getItemAt(1).getOpacity() - 0.3) < 0.001", null, new() { Timeout = Slow });
        await BrowserHost.ScreenshotAsync(page, "workspace-compare-overlay");

        // The mark and its feature are in the case's history and in the W3C export.
        var export = await page.Context.APIRequest.GetAsync($"/cases/{caseId}/annotations");
        Assert.Equal(200, export.Status);
        Assert.Contains($"#feature-{feature}", await export.TextAsync(), StringComparison.Ordinal);
        await page.GotoAsync($"/cases/{caseId}");
        await BrowserHost.WaitInteractiveAsync(page);
        var markLine = page.Locator("[data-testid='history-entry'][data-type='AnnotationAdded']");
        await Assertions.Expect(markLine).ToContainTextAsync("Mark 1 added on image 1 (document 1, Data page, White light, reflected): ");
        await Assertions.Expect(markLine).ToContainTextAsync("— Inconsistent with the genuine");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_image_without_a_resolution_is_calibrated_on_a_drawn_line_and_the_ruler_then_reads_millimetres()
    {
        var referral = ReferralRequests.Example(["White"]);
        referral["images"]![0]!["dpi"] = null;
        var caseId = await host.SubmitReferralAsync(referral, TestImages.Jpeg(1400, 1000, seed: 75));

        var page = await OpenWorkspaceAsync(caseId);
        var viewer = page.GetByTestId("deep-zoom");
        await Assertions.Expect(viewer).ToHaveAttributeAsync("data-scale-known", "false");
        await Assertions.Expect(page.GetByTestId("no-resolution")).ToBeVisibleAsync();

        // 1,000 pixels that measure 50 mm on the document: 508 dpi.
        await page.GetByTestId("tool-calibrate").ClickAsync();
        await Assertions.Expect(viewer).ToHaveAttributeAsync("data-tool", "calibrate");
        await DragAsync(page, (200, 500), (1200, 500));
        await Assertions.Expect(page.GetByTestId("calibration-form")).ToBeVisibleAsync();
        await page.GetByTestId("calibration-value").FillAsync("50");
        await page.GetByTestId("calibration-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("calibration-current")).ToHaveAttributeAsync("data-dpi", "508");
        await Assertions.Expect(viewer).ToHaveAttributeAsync("data-scale-known", "true");

        // The ruler now reads millimetres: 500 pixels are 25 mm.
        await Assertions.Expect(viewer).ToHaveAttributeAsync("data-tool", "ruler");
        // The image is placed again at its new scale: 1,400 px at 508 dpi are 70 mm wide.
        await page.WaitForFunctionAsync("() => Math.abs(document.querySelector(\"[data-testid='deep-zoom']\").__descViewer.world.getItemAt(0).getBounds().width - 70) < 0.01",
            null, new() { Timeout = Slow });
        await DragAsync(page, (200, 300), (700, 300));
        var ruler = viewer.Locator("xpath=..").GetByTestId("ruler-length");
        await Assertions.Expect(ruler).ToBeVisibleAsync();
        Assert.InRange(double.Parse((await ruler.GetAttributeAsync("data-mm"))!, System.Globalization.CultureInfo.InvariantCulture), 24.8, 25.2);
        await BrowserHost.ScreenshotAsync(page, "workspace-calibrated");

        await page.GotoAsync($"/cases/{caseId}");
        await BrowserHost.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid='history-entry'][data-type='ScaleCalibrated']"))
            .ToHaveTextAsync("Scale of image 1 (document 1, Data page, White light, reflected) calibrated on a known distance of 50 mm: 508 dpi");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_examiner_marks_a_polygon_and_a_point_changes_a_mark_and_aligns_the_specimen_to_see_its_features()
    {
        var caseId = await host.SubmitReferralAsync(ReferralRequests.Example(["White"]), TestImages.Jpeg(1400, 1000, seed: 75));
        var page = await OpenWorkspaceAsync(caseId, width: 1600, height: 1000);
        var viewer = page.GetByTestId("deep-zoom");
        var items = page.GetByTestId("annotation-item");

        // A polygon: a click per corner, closed by a click on the first. Each corner is taken before the next click,
        // and the clicks are apart, or two would read as a double click.
        await page.GetByTestId("tool-polygon").ClickAsync();
        await Assertions.Expect(viewer).ToHaveAttributeAsync("data-tool", "polygon");
        var corners = new[] { (300.0, 300.0), (700.0, 250.0), (650.0, 600.0) };
        for (var i = 0; i < corners.Length; i++)
        {
            await ClickPixelAsync(page, "deep-zoom", corners[i].Item1, corners[i].Item2);
            await page.WaitForFunctionAsync("n => document.querySelector(\"[data-testid='deep-zoom']\").__descDraft?.points.length === n", 2 * (i + 1));
            await page.WaitForTimeoutAsync(450);
        }
        await ClickPixelAsync(page, "deep-zoom", corners[0].Item1, corners[0].Item2);
        await Assertions.Expect(page.GetByTestId("annotation-form")).ToContainTextAsync("Polygon");
        await page.GetByTestId("annotation-finding-select").SelectOptionAsync("Altered");
        await page.GetByTestId("annotation-save").ClickAsync();
        await Assertions.Expect(items).ToHaveCountAsync(1);

        // A point: one click.
        await page.GetByTestId("tool-point").ClickAsync();
        await Assertions.Expect(viewer).ToHaveAttributeAsync("data-tool", "point");
        await ClickPixelAsync(page, "deep-zoom", 1000, 700);
        await Assertions.Expect(page.GetByTestId("annotation-form")).ToContainTextAsync("Point");
        await page.GetByTestId("annotation-finding-select").SelectOptionAsync("Absent");
        await page.GetByTestId("annotation-save").ClickAsync();
        await Assertions.Expect(items).ToHaveCountAsync(2);
        await Assertions.Expect(viewer.GetByTestId("annotation-mark")).ToHaveCountAsync(2);
        Assert.Equal(["1", "2"], await items.Locator(".lib-num").AllTextContentsAsync());
        await Assertions.Expect(items.Nth(0)).ToHaveAttributeAsync("data-finding", "Altered");
        await Assertions.Expect(items.Nth(1)).ToHaveAttributeAsync("data-finding", "Absent");

        // The polygon's finding changed, with a note; it keeps its number.
        await items.Nth(0).GetByTestId("annotation-change").ClickAsync();
        await Assertions.Expect(page.GetByTestId("annotation-form")).ToContainTextAsync("Change mark");
        await page.GetByTestId("annotation-finding-select").SelectOptionAsync("Inconsistent");
        await page.GetByTestId("annotation-note-input").FillAsync("Lamination edge re-cut.");
        await page.GetByTestId("annotation-save").ClickAsync();
        await Assertions.Expect(items.Nth(0)).ToHaveAttributeAsync("data-finding", "Inconsistent");
        await Assertions.Expect(items.Nth(0)).ToContainTextAsync("Lamination edge re-cut.");
        Assert.Equal(["1", "2"], await items.Locator(".lib-num").AllTextContentsAsync());

        // Alignment: three pairs of points picked on the questioned and the genuine image, then the specimen's features
        // are drawn on the questioned image.
        await page.GetByTestId("reference-select").SelectOptionAsync(DescPortal.DemoData.LibrarySeeding.IdOf("UTO-P-2007").ToString());
        await page.GetByTestId("reference-choose").ClickAsync();
        await Assertions.Expect(page.GetByTestId("checklist-item").First).ToBeVisibleAsync();
        await page.GetByTestId("view-sidebyside").ClickAsync();
        await page.WaitForFunctionAsync(TiledIn("specimen-deep-zoom"), null, new() { Timeout = Slow });
        await Assertions.Expect(viewer.GetByTestId("feature-overlay")).ToHaveCountAsync(0);
        await page.GetByTestId("tool-pick").ClickAsync();
        await Assertions.Expect(viewer).ToHaveAttributeAsync("data-tool", "pick");
        foreach (var (fx, fy) in new[] { (0.2, 0.2), (0.8, 0.25), (0.3, 0.8) })
        {
            foreach (var id in new[] { "deep-zoom", "specimen-deep-zoom" })
            {
                var (x, y) = await VisiblePixelAsync(page, id, fx, fy);
                await ClickPixelAsync(page, id, x, y);
            }
        }
        var pending = page.GetByTestId("alignment-pending");
        await Assertions.Expect(pending).ToHaveAttributeAsync("data-evidence", "3");
        await Assertions.Expect(pending).ToHaveAttributeAsync("data-specimen", "3");
        await page.GetByTestId("alignment-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("alignment-current")).ToHaveAttributeAsync("data-pairs", "3");
        await Assertions.Expect(viewer.GetByTestId("feature-overlay").First).ToBeAttachedAsync();
        await BrowserHost.ScreenshotAsync(page, "workspace-aligned-features");

        await page.GotoAsync($"/cases/{caseId}");
        await BrowserHost.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid='history-entry'][data-type='AnnotationChanged']"))
            .ToHaveTextAsync("Mark 1 on image 1 (document 1, Data page, White light, reflected) changed: Inconsistent with the genuine");
        await Assertions.Expect(page.Locator("[data-testid='history-entry'][data-type='ImagesAligned']"))
            .ToContainTextAsync("Alignment of image 1 (document 1, Data page, White light, reflected) with the reference specimen: 3 point pairs");
        await page.Context.CloseAsync();
    }

    /// <summary>The examiner signed in, the case taken, its workspace open with tiles shown.</summary>
    private async Task<IPage> OpenWorkspaceAsync(Guid caseId, int width = 1400, int height = 900)
    {
        var page = await host.SignInAsync("examiner@desc.local", width, height);
        await BrowserHost.TakeCaseAsync(page, caseId);
        await page.GotoAsync($"/cases/{caseId}/workspace");
        await BrowserHost.WaitInteractiveAsync(page);
        await page.WaitForFunctionAsync(TilesLoaded, null, new() { Timeout = Slow });
        return page;
    }

    /// <summary>Zooms in with the mouse wheel at a point of the box (fractions of its size), then lets the view settle.</summary>
    private static async Task ZoomInAsync(IPage page, LocatorBoundingBoxResult box, float x, float y, int steps)
    {
        await page.Mouse.MoveAsync(box.X + box.Width * x, box.Y + box.Height * y);
        for (var i = 0; i < steps; i++)
        {
            await page.Mouse.WheelAsync(0, -200);
            await page.WaitForTimeoutAsync(120);
        }
        await page.WaitForTimeoutAsync(800);
    }

    private static async Task ClickPixelAsync(IPage page, string testId, double x, double y)
    {
        var p = await ScreenPointAsync(page, testId, x, y);
        await page.Mouse.ClickAsync(p[0], p[1]);
    }

    /// <summary>A pixel of a viewer's main image at fractions of the part of it on screen.</summary>
    private static async Task<(double X, double Y)> VisiblePixelAsync(IPage page, string testId, double fx, double fy)
    {
        var r = await page.EvaluateAsync<double[]>(
            "id => { const v = document.querySelector(`[data-testid='${id}']`).__descViewer; const item = v.world.getItemAt(0); " +
            "const b = item.viewportToImageRectangle(v.viewport.getBounds(true)); const s = item.getContentSize(); " +
            "const x0 = Math.max(0, b.x), y0 = Math.max(0, b.y); return [x0, y0, Math.min(s.x, b.x + b.width) - x0, Math.min(s.y, b.y + b.height) - y0]; }",
            testId);
        return (r[0] + fx * r[2], r[1] + fy * r[3]);
    }

    /// <summary>A drag between two pixels of the questioned image.</summary>
    private static async Task DragAsync(IPage page, (double X, double Y) from, (double X, double Y) to)
    {
        var a = await ScreenPointAsync(page, "deep-zoom", from.X, from.Y);
        var b = await ScreenPointAsync(page, "deep-zoom", to.X, to.Y);
        await page.Mouse.MoveAsync(a[0], a[1]);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(b[0], b[1], new() { Steps = 6 });
        await page.Mouse.UpAsync();
    }

    /// <summary>The viewer shows its image as tiles (not the whole image shown while they are made).</summary>
    private static string TiledIn(string testId) =>
        $"() => {{ const el = document.querySelector(\"[data-testid='{testId}']\"); return el?.__descViewer?.world.getItemCount() > 0 && el.dataset.tiled === 'true'; }}";

    /// <summary>
    /// Zoom, centre and home zoom of viewers in the workspace's world (millimetres), read at one moment once their
    /// animations have ended (what is shown is where they were heading), so a frame between two reads cannot differ.
    /// </summary>
    private static async Task<double[][]> SettledViewsAsync(IPage page, params string[] testIds)
    {
        var settled = await page.WaitForFunctionAsync("""
            ids => {
                const views = ids.map(id => {
                    const v = document.querySelector(`[data-testid='${id}']`).__descViewer.viewport;
                    const c = v.getCenter(true), t = v.getCenter();
                    return { view: [v.getZoom(true), c.x, c.y, v.getHomeZoom()], done: v.getZoom(true) === v.getZoom() && c.x === t.x && c.y === t.y };
                });
                return views.every(v => v.done) ? views.map(v => v.view) : null;
            }
            """, testIds, new() { Timeout = Slow });
        return (await settled.JsonValueAsync<double[][]>())!;
    }

    /// <summary>Where a pixel of a viewer's main image is on the screen.</summary>
    private static Task<float[]> ScreenPointAsync(IPage page, string testId, double x, double y) => page.EvaluateAsync<float[]>(
        "([id, x, y]) => { const el = document.querySelector(`[data-testid='${id}']`); const item = el.__descViewer.world.getItemAt(0); " +
        "const p = item.imageToViewerElementCoordinates(new OpenSeadragon.Point(x, y)); const b = el.getBoundingClientRect(); return [b.left + p.x, b.top + p.y]; }",
        new object[] { testId, x, y });
}
