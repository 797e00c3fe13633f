using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using DescPortal.Web.Infrastructure.Telemetry;
using Microsoft.Playwright;

namespace DescPortal.Web.Infrastructure.Reports;

/// <summary>
/// Prints finished HTML to PDF with Chromium (decision 0004): one browser per process, launched on the first print and
/// kept warm, and a small pool of pages (<see cref="ReportOptions.Pages"/>, 2 by default) that prints that many reports
/// at once; a further caller waits for a page. A browser that crashed, was killed or disconnected is launched again by
/// the next print, and a print that fails because its browser or page died is tried once more on a fresh one.
/// The pages run no script and reach no network: a report is self-contained (images as data: URIs, local fonts).
/// Singleton; thread-safe.
/// </summary>
public sealed class ReportPrinter : IAsyncDisposable
{
    /// <summary>Debian's Chromium, headless, quiet on the network (see ../shared/stack-notes.md, "Browser tests").</summary>
    public static readonly IReadOnlyList<string> ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private readonly ReportOptions _options;
    private readonly ILogger<ReportPrinter> _log;
    private readonly PortalMetrics? _metrics;
    private readonly SemaphoreSlim _slots;
    private readonly SemaphoreSlim _launch = new(1, 1);
    // Names this printer's browser on its command line, so that its processes can be found (memory, tests).
    private readonly string _marker = "--desc-report-printer=" + Guid.NewGuid().ToString("N");
    private IPlaywright? _playwright;
    private Session? _session;
    private int _launches;
    private bool _disposed;

    public ReportPrinter(ReportOptions options, ILogger<ReportPrinter> log, PortalMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Pages, 1, nameof(options));
        _options = options;
        _log = log;
        _metrics = metrics;
        _slots = new SemaphoreSlim(options.Pages, options.Pages);
    }

    /// <summary>How many times a browser was launched (1 after the first print; more after restarts).</summary>
    public int Launches => Volatile.Read(ref _launches);

    /// <summary>
    /// Prints <paramref name="html"/> (a whole document; page size and margins come from its CSS @page rules) to PDF.
    /// </summary>
    /// <exception cref="TimeoutException">The print took longer than <see cref="ReportOptions.PrintTimeoutSeconds"/>.</exception>
    /// <exception cref="PlaywrightException">Chromium failed twice, or could not be launched.</exception>
    public async Task<byte[]> PrintAsync(string html, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(html);
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _slots.WaitAsync(ct);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var session = await SessionAsync(ct);
                IPage? page = null;
                try
                {
                    page = session.TakeIdlePage() ?? await session.NewPageAsync();
                    var started = Stopwatch.GetTimestamp();
                    var printing = PrintOnAsync(page, html);
                    byte[] pdf;
                    try
                    {
                        pdf = await printing.WaitAsync(TimeSpan.FromSeconds(_options.PrintTimeoutSeconds), ct);
                    }
                    catch (Exception e) when (e is TimeoutException or OperationCanceledException)
                    {
                        // Left behind: it fails when its page is closed below; observe that.
                        _ = printing.ContinueWith(t => t.Exception, CancellationToken.None,
                            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                        throw;
                    }
                    _metrics?.ReportPrinted(Stopwatch.GetElapsedTime(started));
                    session.ReturnPage(page);
                    page = null;
                    return pdf;
                }
                catch (PlaywrightException e) when (attempt == 1 && !ct.IsCancellationRequested)
                {
                    // The browser or the page died under the print (crash, kill, lost connection): try once more, on
                    // a new browser when this one is gone.
                    if (!await session.IsAliveAsync())
                    {
                        session.Broken = true;
                    }
                    _log.LogWarning(e, "Printing a report failed ({Reason}); trying again on a {What}",
                        e.Message.Split('\n')[0], session.Broken ? "new browser" : "new page");
                }
                finally
                {
                    // A page that failed, timed out or was cancelled may be mid-way: never reuse it.
                    if (page is not null) await ClosePageQuietlyAsync(page);
                }
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>
    /// The operating-system processes of this printer's browser, its main process first; empty before the first print
    /// or while it is down. For measuring its memory and, in tests, for killing it.
    /// </summary>
    public IReadOnlyList<int> BrowserProcessIds()
    {
        var all = new Dictionary<int, (int Parent, string CommandLine)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[0] == "Z") continue;
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                all[pid] = (int.Parse(fields[1], CultureInfo.InvariantCulture), commandLine);
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        var main = all.Where(p => p.Value.CommandLine.Contains(_marker, StringComparison.Ordinal)
                                  && !p.Value.CommandLine.Contains("--type=", StringComparison.Ordinal))
            .Select(p => p.Key).Order().Take(1).ToList();
        for (var i = 0; i < main.Count; i++)
        {
            main.AddRange(all.Where(p => p.Value.Parent == main[i]).Select(p => p.Key));
        }
        return main;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await _launch.WaitAsync();
        try
        {
            if (_session is { } session) await session.DisposeAsync();
            _session = null;
            _playwright?.Dispose();
            _playwright = null;
        }
        finally
        {
            _launch.Release();
        }
    }

    /// <summary>
    /// How every report is printed: page size and margins from the document's CSS (@page; A4 when it names none),
    /// backgrounds printed, and tagged (a structure tree for screen readers and text extraction; it costs nothing
    /// measurable: docs/performance.md).
    /// </summary>
    public static PagePdfOptions PdfOptions() => new()
    {
        PreferCSSPageSize = true,
        PrintBackground = true,
        Format = "A4",
        Tagged = true,
    };

    private static async Task<byte[]> PrintOnAsync(IPage page, string html)
    {
        await page.SetContentAsync(html, new() { WaitUntil = WaitUntilState.Load, Timeout = 0 });
        return await page.PdfAsync(PdfOptions());
    }

    private static async Task ClosePageQuietlyAsync(IPage page)
    {
        try
        {
            await page.Context.CloseAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            // Its browser is gone or going; nothing to close.
        }
    }

    private async Task<Session> SessionAsync(CancellationToken ct)
    {
        if (_session is { Broken: false, Browser.IsConnected: true } current) return current;
        await _launch.WaitAsync(ct);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_session is { Broken: false, Browser.IsConnected: true } again) return again;
            if (_session is { } old)
            {
                _log.LogWarning("The report browser is down (crashed, killed or disconnected); launching a new one");
                _session = null;
                await old.DisposeAsync();
            }
            _session = await LaunchAsync();
            return _session;
        }
        finally
        {
            _launch.Release();
        }
    }

    private async Task<Session> LaunchAsync()
    {
        var options = new BrowserTypeLaunchOptions
        {
            ExecutablePath = _options.Chromium,
            Headless = true,
            Args = [.. ChromiumArgs, _marker],
            Timeout = 60_000,
        };
        IBrowser browser;
        try
        {
            _playwright ??= await Playwright.CreateAsync();
            browser = await _playwright.Chromium.LaunchAsync(options);
        }
        catch (PlaywrightException)
        {
            // The driver itself may be what died: start it afresh once.
            _playwright?.Dispose();
            _playwright = await Playwright.CreateAsync();
            browser = await _playwright.Chromium.LaunchAsync(options);
        }
        Interlocked.Increment(ref _launches);
        _log.LogInformation("Report browser launched ({Chromium} {Version})", _options.Chromium, browser.Version);
        return new Session(browser);
    }

    /// <summary>One browser and its idle pages; pages never outlive their browser.</summary>
    private sealed class Session(IBrowser browser) : IAsyncDisposable
    {
        private readonly ConcurrentBag<IPage> _idle = [];

        public IBrowser Browser { get; } = browser;

        public volatile bool Broken;

        public IPage? TakeIdlePage()
        {
            while (_idle.TryTake(out var page))
            {
                if (!page.IsClosed) return page;
            }
            return null;
        }

        public async Task<IPage> NewPageAsync()
        {
            // No script, no network: the report is one self-contained document.
            var context = await Browser.NewContextAsync(new()
            {
                JavaScriptEnabled = false,
                Offline = true,
                Locale = "en-GB",
            });
            return await context.NewPageAsync();
        }

        public void ReturnPage(IPage page)
        {
            if (!page.IsClosed) _idle.Add(page);
        }

        /// <summary>Whether the browser still answers (a killed one may not have been noticed yet).</summary>
        public async Task<bool> IsAliveAsync()
        {
            if (!Browser.IsConnected) return false;
            try
            {
                var context = await Browser.NewContextAsync().WaitAsync(TimeSpan.FromSeconds(5));
                await context.CloseAsync();
                return true;
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                return false;
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await Browser.CloseAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                // Already dead.
            }
        }
    }
}
