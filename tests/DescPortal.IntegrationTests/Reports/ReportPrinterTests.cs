using System.Diagnostics;
using DescPortal.Web.Infrastructure.Reports;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace DescPortal.IntegrationTests.Reports;

/// <summary>
/// The printer on its own, with real Chromium: a printer of its own per test class (not the host's), so that killing
/// its browser disturbs no other test.
/// </summary>
public sealed class ReportPrinterTests : IAsyncLifetime
{
    private readonly ReportPrinter _printer = new(new ReportOptions(), NullLogger<ReportPrinter>.Instance);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Html(string text) =>
        $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>@page {{ size: A4; margin: 20mm; }} body {{ font-variant-ligatures: none; }}</style></head><body><p>{text}</p></body></html>";

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _printer.DisposeAsync();

    [Fact]
    public async Task A_killed_browser_is_launched_again_by_the_next_print()
    {
        var first = PdfText.Pages(await _printer.PrintAsync(Html("before the crash"), Ct));
        var before = _printer.BrowserProcessIds();
        Assert.NotEmpty(before);

        using (var browser = Process.GetProcessById(before[0]))
        {
            browser.Kill(entireProcessTree: true);
            await browser.WaitForExitAsync(Ct);
        }
        var second = PdfText.Pages(await _printer.PrintAsync(Html("after the crash"), Ct));
        var after = _printer.BrowserProcessIds();

        Assert.Equal("before the crash", Assert.Single(first));
        Assert.Equal("after the crash", Assert.Single(second));
        Assert.Equal(2, _printer.Launches);
        Assert.NotEmpty(after);
        Assert.DoesNotContain(after[0], before);
    }

    [Fact]
    public async Task More_prints_than_pages_wait_for_a_page_and_all_come_out_right()
    {
        var texts = Enumerable.Range(1, 5).Select(i => $"report number {i}").ToList();

        var pdfs = await Task.WhenAll(texts.Select(t => _printer.PrintAsync(Html(t), Ct)));

        Assert.Equal(texts, pdfs.Select(p => Assert.Single(PdfText.Pages(p))));
        Assert.Equal(1, _printer.Launches);
    }

    [Fact]
    public async Task A_report_page_reaches_no_network_and_runs_no_script()
    {
        var html = Html("<img src=\"http://127.0.0.1:9/x.png\" alt=\"\">offline").Replace("</body>",
            "<script>document.body.append('script ran')</script></body>", StringComparison.Ordinal);

        var text = Assert.Single(PdfText.Pages(await _printer.PrintAsync(html, Ct)));

        Assert.Equal("offline", text);
    }
}
