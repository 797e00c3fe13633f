using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using DescPortal.Testing;
using DescPortal.Web.Infrastructure.Reports;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace DescPortal.Benchmarks;

/// <summary>
/// Expert reports per minute: the portal's <see cref="ReportRenderer"/> (Liquid template → HTML → the warm
/// <see cref="ReportPrinter"/>) on the sample report of the tests (two documents, six evidence images), beside bare
/// Chromium printing the same finished HTML (one page: SetContent + PDF with the printer's PDF options, nothing else)
/// in the same run. Cold is the first report of a new printer (Playwright driver, browser launch, first page) beside
/// the same for the bare print; warm is the steady state after both pages of each are warm, measured
/// one report at a time (renderer and bare print alternating) and then with two reports in flight (the printer's pool
/// of two pages against two bare pages). Memory: RSS and PSS of the printer's Chromium processes.
/// </summary>
public static partial class ReportBenchmark
{
    public static async Task<int> RunAsync(Options args)
    {
        var runs = args.Whole("runs", 20);
        if (runs < 2) throw new ArgumentException("--runs must be at least 2 (the two-in-flight rows print runs / 2 × 2).");
        var output = args.Get("out");
        var sample = args.Get("sample") ?? "two-documents";
        Machine.Print(Machine.CommandOf("report", [$"--runs {runs}", sample == "two-documents" ? "" : $"--sample {sample}", output is null ? "" : $"--out {output}"]));

        // The tests' sample reports: the 6-page one measured in docs/performance.md, or the one of awkward cases.
        var report = sample switch
        {
            "two-documents" => SampleReports.TwoDocuments(),
            "awkward" => SampleReports.Awkward(),
            _ => throw new ArgumentException("--sample is two-documents or awkward."),
        };
        var environment = new HostingEnvironment { ContentRootPath = AppContext.BaseDirectory };
        var options = new ReportOptions();
        var templates = new ReportTemplates(options, environment);
        Console.WriteLine($"templates: {templates.Folder}");

        await using var printer = new ReportPrinter(options, NullLogger<ReportPrinter>.Instance);
        var renderer = new ReportRenderer(templates, printer);

        // Cold: the first HTML (template read and parsed), a new printer's first report, then a new bare browser's first
        // print of the same HTML.
        var html = "";
        var coldHtml = await Stats.TimeAsync(async () => html = await renderer.RenderHtmlAsync(report, default));
        byte[] pdf = [];
        var coldOurs = await Stats.TimeAsync(async () => pdf = await renderer.RenderPdfAsync(report, default));
        var pages = PageCount(pdf);
        if (output is not null) await File.WriteAllBytesAsync(output, pdf);
        Console.WriteLine($"report: {pages} pages, {report.Images.Count} images, {pdf.Length / 1024.0:F0} KiB PDF, {html.Length / 1024.0:F0} KiB HTML");

        IPlaywright? playwright = null;
        IBrowser? bareBrowser = null;
        IPage? barePage = null;
        var coldBare = await Stats.TimeAsync(async () =>
        {
            playwright = await Playwright.CreateAsync();
            bareBrowser = await Browsers.LaunchAsync(playwright);
            barePage = await bareBrowser.NewPageAsync();
            await BarePrintAsync(barePage, html);
        });
        using var driver = playwright!;
        await using var bare = bareBrowser!;
        var secondBarePage = await bare.NewPageAsync();

        // Warm-up of both, both pages of each, then one at a time, alternating so that both see the same machine.
        for (var i = 0; i < 3; i++)
        {
            await Task.WhenAll(renderer.RenderPdfAsync(report, default), renderer.RenderPdfAsync(report, default));
            await Task.WhenAll(BarePrintAsync(barePage!, html), BarePrintAsync(secondBarePage, html));
        }
        var ours = new List<double>();
        var theirs = new List<double>();
        var htmlOnly = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            ours.Add(await Stats.TimeAsync(() => renderer.RenderPdfAsync(report, default)));
            theirs.Add(await Stats.TimeAsync(() => BarePrintAsync(barePage!, html)));
            htmlOnly.Add(await Stats.TimeAsync(() => renderer.RenderHtmlAsync(report, default)));
        }

        // Two in flight: the printer's pool of two pages against two bare pages.
        var parallelOurs = await Stats.TimeAsync(() => Task.WhenAll(
            Enumerable.Range(0, 2).Select(async _ => { for (var i = 0; i < runs / 2; i++) await renderer.RenderPdfAsync(report, default); })));
        var parallelBare = await Stats.TimeAsync(() => Task.WhenAll(
            new[] { barePage!, secondBarePage }.Select(async page => { for (var i = 0; i < runs / 2; i++) await BarePrintAsync(page, html); })));
        var inFlight = runs / 2 * 2;

        var (rss, pss, uss, processes) = Memory(printer.BrowserProcessIds());

        Console.WriteLine();
        Console.WriteLine($"{"",-44} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"reports/min",12}");
        Row("cold: first template to HTML (parse, JIT)", [coldHtml]);
        Row("cold: portal, first report of a new printer", [coldOurs]);
        Row("cold: bare Chromium, driver + launch + print", [coldBare]);
        Row($"warm: portal (template + print), {runs} runs", ours);
        Row($"warm: bare print of the same HTML, {runs} runs", theirs);
        Row("of which: template to HTML (Fluid)", htmlOnly);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"warm, 2 in flight: portal",-44} {inFlight} reports in {parallelOurs:F1} s = {inFlight / parallelOurs * 60,6:F1} reports/min"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"warm, 2 in flight: bare print",-44} {inFlight} prints in {parallelBare:F1} s = {inFlight / parallelBare * 60,6:F1} prints/min"));
        var ratio = Stats.Median(ours) / Stats.Median(theirs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio portal / bare (warm medians): {ratio:F2} (target ≤ 1.3); portal warm {60 / Stats.Median(ours):F1} reports/min (target ≥ 20)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"printer's Chromium after the runs: {processes} processes; RSS {rss / 1024.0:F0} MB summed (shared pages counted in each), " +
            $"PSS {pss / 1024.0:F0} MB (shared pages split, also with the bare browser), USS {uss / 1024.0:F0} MB (its own pages only)"));
        return pages > 0 ? 0 : 1;
    }

    private static void Row(string label, IReadOnlyList<double> seconds) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-44} {Stats.Median(seconds) * 1000,8:F0} {Stats.Percentile(seconds, 95) * 1000,8:F0} {seconds.Max() * 1000,8:F0} {60 / Stats.Median(seconds),12:F1}"));

    /// <summary>What the portal's printer does with finished HTML, and nothing more.</summary>
    private static async Task BarePrintAsync(IPage page, string html)
    {
        await page.SetContentAsync(html, new() { WaitUntil = WaitUntilState.Load });
        await page.PdfAsync(ReportPrinter.PdfOptions());
    }

    private static int PageCount(byte[] pdf) =>
        PageObject().Count(System.Text.Encoding.Latin1.GetString(pdf));

    /// <summary>Summed VmRSS, Pss and USS (Private_Clean + Private_Dirty), in kB, of the processes.</summary>
    private static (long Rss, long Pss, long Uss, int Count) Memory(IReadOnlyList<int> pids)
    {
        long rss = 0, pss = 0, uss = 0;
        var count = 0;
        foreach (var pid in pids)
        {
            try
            {
                rss += Kb(File.ReadLines($"/proc/{pid}/status"), "VmRSS:");
                var rollup = File.ReadAllLines($"/proc/{pid}/smaps_rollup");
                pss += Kb(rollup, "Pss:");
                uss += Kb(rollup, "Private_Clean:") + Kb(rollup, "Private_Dirty:");
                count++;
            }
            catch (IOException)
            {
                // Ended meanwhile.
            }
        }
        return (rss, pss, uss, count);
    }

    private static long Kb(IEnumerable<string> lines, string key) =>
        long.Parse(lines.First(l => l.StartsWith(key, StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    [GeneratedRegex(@"/Type\s*/Page\b(?!s)")]
    private static partial Regex PageObject();
}
