using System.Text.Json;
using DescPortal.Testing;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Features.Examination;
using DescPortal.Web.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace DescPortal.EndToEnd.Examination;

/// <summary>The examiner's queue fits the page on a desktop screen, and gives up columns, not the page, on a narrow one.</summary>
public sealed class QueueLayoutTests(BrowserHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Where the grid and its columns lie, as the browser laid them out.</summary>
    private sealed record Layout(
        double PageScrollWidth, double PageWidth, double GridRight, double MainRight, double TableScrollWidth, double TableWidth,
        double ExaminerRight, string[] Columns, string Widths)
    {
        public override string ToString() =>
            $"page {PageScrollWidth}/{PageWidth}, grid right {GridRight} of main {MainRight}, table {TableScrollWidth}/{TableWidth}, " +
            $"examiner right {ExaminerRight}, column widths [{Widths}]";
    }

    [Fact]
    public async Task The_queue_fits_at_1280_and_1440_with_the_examiner_column_in_view_and_drops_columns_when_narrow()
    {
        // Rows as wide as the queue's usually get: urgent with a deadline, two documents, an examiner.
        var taken = await SubmitAsync(documents: 2, images: 3);
        await TakeAsync(taken, "Maximiliane Examiner-Lindqvist");
        await SubmitAsync(documents: 1, images: 1);

        var wide = new Dictionary<int, Layout>();
        foreach (var width in new[] { 1280, 1440 })
        {
            var layout = await QueueLayoutAsync(width);
            wide[width] = layout;
            Assert.True(layout.PageScrollWidth <= layout.PageWidth, $"{width} px: the page scrolls sideways: {layout}");
            Assert.True(layout.GridRight <= layout.MainRight + 0.5, $"{width} px: the grid overflows the page: {layout}");
            Assert.True(layout.TableScrollWidth <= layout.TableWidth + 0.5, $"{width} px: columns are hidden to the right: {layout}");
            Assert.Contains("Examiner", layout.Columns);
            Assert.True(layout.ExaminerRight <= layout.GridRight + 0.5, $"{width} px: the examiner column is cut off: {layout}");
        }

        var narrow = await QueueLayoutAsync(900);
        Assert.True(narrow.PageScrollWidth <= narrow.PageWidth, $"900 px: the page scrolls sideways: {narrow}");
        Assert.True(narrow.Columns.Length < wide[1280].Columns.Length, $"900 px: expected fewer columns than at 1280 ({wide[1280]}): {narrow}");
        // What an examiner acts on stays.
        Assert.Contains("Reference", narrow.Columns);
        Assert.Contains("Status", narrow.Columns);
    }

    private async Task<Layout> QueueLayoutAsync(int width)
    {
        var page = await host.SignInAsync("examiner@desc.local", width: width, height: 900);
        await page.GotoAsync($"/queue?state={State}");
        await BrowserHost.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("case-link")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByText("Maximiliane Examiner-Lindqvist")).ToHaveCountAsync(1);
        await BrowserHost.ScreenshotAsync(page, $"queue-{width}");
        var measured = await page.EvaluateAsync<JsonElement>("""
            () => {
                const grid = document.querySelector("[data-testid='case-grid']");
                const table = grid.querySelector('.mud-table-container');
                const shown = [...grid.querySelectorAll('thead th')].filter(th => th.getClientRects().length > 0);
                const examiner = shown.find(th => th.innerText.trim() === 'Examiner');
                return {
                    pageScrollWidth: document.documentElement.scrollWidth, pageWidth: document.documentElement.clientWidth,
                    gridRight: grid.getBoundingClientRect().right,
                    mainRight: document.querySelector('.mud-main-content').getBoundingClientRect().right,
                    tableScrollWidth: table.scrollWidth, tableWidth: table.clientWidth,
                    examinerRight: examiner ? examiner.getBoundingClientRect().right : -1,
                    columns: shown.map(th => th.innerText.trim()).filter(t => t.length > 0),
                    widths: shown.map(th => `${th.innerText.trim() || '(action)'} ${Math.round(th.getBoundingClientRect().width)}`).join(', '),
                };
            }
            """);
        await page.Context.CloseAsync();
        return new Layout(
            measured.GetProperty("pageScrollWidth").GetDouble(), measured.GetProperty("pageWidth").GetDouble(),
            measured.GetProperty("gridRight").GetDouble(), measured.GetProperty("mainRight").GetDouble(),
            measured.GetProperty("tableScrollWidth").GetDouble(), measured.GetProperty("tableWidth").GetDouble(),
            measured.GetProperty("examinerRight").GetDouble(),
            [.. measured.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!)], measured.GetProperty("widths").GetString()!);
    }

    /// <summary>The issuing state of this test's cases: the queue is filtered to them (other tests add cases of their own).</summary>
    private const string State = "XXW";

    private async Task<Guid> SubmitAsync(int documents, int images)
    {
        var referral = ReferralRequests.Example([.. Enumerable.Repeat("White", images)]);
        var first = referral["documents"]![0]!;
        first["issuingState"] = State;
        for (var i = 1; i < documents; i++)
        {
            var more = first.DeepClone();
            more["documentType"] = "ResidencePermit";
            more["mrz"] = null;
            referral["documents"]!.AsArray().Add(more);
        }
        return await host.SubmitReferralAsync(referral, [.. Enumerable.Range(0, images).Select(i => TestImages.Jpeg(640, 400, seed: Random.Shared.Next()))]);
    }

    private async Task TakeAsync(Guid caseId, string examinerName)
    {
        var examiner = new UserScope("e2e-queue-examiner", examinerName, new HashSet<string> { Roles.Examiner }, null, null, false)
        {
            UserName = "queue.examiner@desc.local",
        };
        await host.Services.GetRequiredService<TakeCase>().HandleAsync(examiner, caseId, Ct);
    }
}
