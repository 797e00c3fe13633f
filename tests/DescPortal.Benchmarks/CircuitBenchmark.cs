using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using DescPortal.DemoData;
using Microsoft.Playwright;

namespace DescPortal.Benchmarks;

/// <summary>
/// Memory per interactive circuit: N headless Chromium contexts, each signed in and live on /queue, and the portal
/// process measured from outside before and after: working set (VmRSS) and the managed heap after a full,
/// compacting collection (dotnet-gcdump forces one and counts the live objects; dotnet-counters then reads the
/// heap size the runtime reports after that collection).
/// </summary>
public static partial class CircuitBenchmark
{
    public static async Task<int> RunAsync(Options args)
    {
        var portal = new Uri(args.Required("portal"));
        var circuits = args.Whole("circuits", 20);
        var path = args.Get("page") ?? "/queue";
        var email = args.Get("email") ?? "examiner@desc.local";
        var settle = TimeSpan.FromSeconds(args.Number("settle", 5));
        var afterClose = TimeSpan.FromSeconds(args.Number("after-close", 15));
        // What to wait for once the page is live (the queue's grid loads its rows after the circuit starts).
        var ready = args.Get("ready") ?? (path == "/queue" ? "[data-testid='case-grid'] tbody tr" : null);
        var pid = args.Get("pid") is { } p ? int.Parse(p, CultureInfo.InvariantCulture) : FindListener(portal.Port);
        var tools = new DiagnosticTools(args.Get("tools"));
        if (circuits is < 1 or > 100) throw new ArgumentException("--circuits must be 1 to 100.");

        Machine.Print(Machine.CommandOf("circuits", [$"--portal {portal.ToString().TrimEnd('/')}", $"--circuits {circuits}"]));
        Console.WriteLine($"portal process: pid {pid} ({ProcessName(pid)}); page {path}; signed in as {email}; " +
                          $"heap via {(tools.Available ? "dotnet-gcdump + dotnet-counters" : "NOTHING (tools not found: working set only)")}");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchAsync(playwright);

        // Warm-up: one circuit opened and closed, so that start-up costs (JIT, caches, first queries) are not
        // charged to the circuits measured.
        var warm = await OpenAsync(browser, portal, path, email, ready);
        await warm.Context.CloseAsync();
        await Task.Delay(settle);

        var before = await tools.MeasureAsync(pid, "before");
        var opened = new List<Circuit>();
        for (var i = 0; i < circuits; i++) opened.Add(await OpenAsync(browser, portal, path, email, ready));
        await Task.Delay(settle);
        var live = await CountInteractiveAsync(opened);
        if (ready is not null)
            Console.WriteLine($"  the first page shows {await opened[0].Page.Locator(ready).CountAsync()} element(s) matching {ready}" +
                              $" ({await opened[0].Page.Locator("[data-testid='case-grid'] tbody tr.mud-table-row").CountAsync()} grid rows)");
        var during = await tools.MeasureAsync(pid, $"{circuits} open");
        foreach (var c in opened) await c.Context.CloseAsync();
        await Task.Delay(afterClose);
        var after = await tools.MeasureAsync(pid, "closed");

        Console.WriteLine($"circuits interactive: {live} of {circuits}; time to interactive (sign-in + {path}): " +
                          $"median {Stats.Median(opened.Select(c => c.Seconds).ToList()):F2} s, max {opened.Max(c => c.Seconds):F2} s");
        Console.WriteLine();
        Console.WriteLine($"{"",-34} {"before",10} {circuits + " open",10} {"closed",10} {"per circuit",12}");
        Line("working set (VmRSS)", before.RssBytes, during.RssBytes, after.RssBytes, circuits);
        Line("  anonymous (RssAnon)", before.RssAnonBytes, during.RssAnonBytes, after.RssAnonBytes, circuits);
        if (tools.Available)
        {
            Line("managed heap, live objects (gcdump)", before.LiveBytes, during.LiveBytes, after.LiveBytes, circuits);
            Line("GC heap after that full GC (counters)", before.HeapBytes, during.HeapBytes, after.HeapBytes, circuits);
        }
        if (tools.Available)
        {
            Console.WriteLine();
            DiagnosticTools.PrintGrowth(before, during, args.Whole("top", 15), circuits);
        }
        var perCircuit = tools.Available ? (during.LiveBytes - before.LiveBytes) / (double)circuits : (during.RssBytes - before.RssBytes) / (double)circuits;
        Console.WriteLine();
        Console.WriteLine($"{(tools.Available ? "managed heap" : "working set")} per circuit: {perCircuit / 1e6:F2} MB  target < 1 MB: {(perCircuit < 1e6 ? "met" : "NOT met")}");
        Console.WriteLine($"'closed' is {afterClose.TotalSeconds:F0} s after the contexts closed; a circuit whose page did not say goodbye is kept " +
                          "for the disconnected-circuit retention period (3 min by default) before it is freed.");
        return 0;
    }

    private static void Line(string label, long before, long during, long after, int n) =>
        Console.WriteLine($"{label,-34} {before / 1e6,8:F1}MB {during / 1e6,8:F1}MB {after / 1e6,8:F1}MB {(during - before) / 1e6 / n,10:F2}MB");

    private sealed record Circuit(IBrowserContext Context, IPage Page, double Seconds);

    /// <summary>A new context (own cookies), signed in through the form, landing on the page, waiting until it is live.</summary>
    private static async Task<Circuit> OpenAsync(IBrowser browser, Uri portal, string path, string email, string? ready)
    {
        var watch = Stopwatch.StartNew();
        var context = await browser.NewContextAsync(new() { BaseURL = portal.ToString(), ViewportSize = new() { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/signin?ReturnUrl=" + Uri.EscapeDataString(path));
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", DemoAccounts.Password);
        await page.ClickAsync("#signin-submit");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path, new() { Timeout = 60_000 });
        await page.Locator("#desc-app[data-interactive='true']").WaitForAsync(new() { Timeout = 60_000 });
        if (ready is not null) await page.Locator(ready).First.WaitForAsync(new() { Timeout = 60_000 });
        return new Circuit(context, page, watch.Elapsed.TotalSeconds);
    }

    private static async Task<int> CountInteractiveAsync(List<Circuit> circuits)
    {
        var n = 0;
        foreach (var c in circuits)
            if (await c.Page.Locator("#desc-app[data-interactive='true']").CountAsync() == 1) n++;
        return n;
    }

    /// <summary>The pid listening on 127.0.0.1:port, from `ss -ltnp`.</summary>
    internal static int FindListener(int port)
    {
        var output = Run("ss", $"-Hltnp sport = :{port}");
        var match = PidPattern().Match(output);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"Nothing listens on port {port} (ss said: {output.Trim()}); pass --pid.");
    }

    private static string ProcessName(int pid) =>
        File.Exists($"/proc/{pid}/cmdline") ? File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim() : "?";

    internal static string Run(string file, string arguments, int timeoutMs = 120_000)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeoutMs))
        {
            process.Kill();
            throw new TimeoutException($"{file} {arguments} did not finish in {timeoutMs / 1000} s.");
        }
        return stdout.Result + stderr.Result;
    }

    [GeneratedRegex(@"pid=(\d+)")]
    private static partial Regex PidPattern();
}

/// <summary>Reads a process's memory from outside: /proc, and the .NET diagnostics tools when installed.</summary>
public sealed partial class DiagnosticTools
{
    private readonly string? _gcdump, _counters;

    public DiagnosticTools(string? dir)
    {
        string?[] dirs = [dir, "/tmp/tools", Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools"),
                          .. (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')];
        _gcdump = dirs.Where(d => !string.IsNullOrEmpty(d)).Select(d => Path.Combine(d!, "dotnet-gcdump")).FirstOrDefault(File.Exists);
        _counters = dirs.Where(d => !string.IsNullOrEmpty(d)).Select(d => Path.Combine(d!, "dotnet-counters")).FirstOrDefault(File.Exists);
    }

    public bool Available => _gcdump is not null && _counters is not null;

    public sealed record Sample(long RssBytes, long RssAnonBytes, long LiveBytes, long HeapBytes, IReadOnlyDictionary<string, (long Bytes, long Count)> ByType);

    public async Task<Sample> MeasureAsync(int pid, string label)
    {
        long live = 0, heap = 0;
        var byType = new Dictionary<string, (long Bytes, long Count)>();
        if (Available)
        {
            // gcdump walks the heap after a full blocking GC: the live bytes, and a collection to read afterwards.
            var file = Path.Combine(Path.GetTempPath(), $"desc-bench-{pid}-{Guid.NewGuid():N}.gcdump");
            try
            {
                var collect = CircuitBenchmark.Run(_gcdump!, $"collect -p {pid} -o {file}");
                if (!File.Exists(file)) throw new InvalidOperationException("dotnet-gcdump collect failed: " + collect);
                var report = CircuitBenchmark.Run(_gcdump!, $"report {file}");
                live = long.Parse(HeapBytesPattern().Match(report).Groups[1].Value.Replace(",", ""), CultureInfo.InvariantCulture);
                foreach (Match m in TypeLinePattern().Matches(report))
                {
                    var type = SizeClassPattern().Replace(m.Groups[3].Value.Trim(), "");
                    // heapstat rows: average bytes of one object, count, type (one row per size class of a type).
                    var count = long.Parse(m.Groups[2].Value.Replace(",", ""), CultureInfo.InvariantCulture);
                    var bytes = long.Parse(m.Groups[1].Value.Replace(",", ""), CultureInfo.InvariantCulture) * count;
                    var sum = byType.GetValueOrDefault(type);
                    byType[type] = (sum.Bytes + bytes, sum.Count + count);
                }
            }
            finally
            {
                File.Delete(file);
            }
            heap = await LastCollectionHeapAsync(pid);
        }
        var status = File.ReadAllLines($"/proc/{pid}/status");
        long Kb(string key) => long.Parse(status.First(l => l.StartsWith(key + ":", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        var sample = new Sample(Kb("VmRSS"), Kb("RssAnon"), live, heap, byType);
        Console.WriteLine($"  [{label}] VmRSS {sample.RssBytes / 1e6:F1} MB, RssAnon {sample.RssAnonBytes / 1e6:F1} MB" +
                          (Available ? $", live managed objects {live / 1e6:F2} MB, GC heap after the full GC {heap / 1e6:F2} MB" : ""));
        return sample;
    }

    /// <summary>Sum over generations of dotnet.gc.last_collection.heap.size, as dotnet-counters reads it.</summary>
    private async Task<long> LastCollectionHeapAsync(int pid)
    {
        var file = Path.Combine(Path.GetTempPath(), $"desc-bench-{pid}-{Guid.NewGuid():N}.csv");
        try
        {
            await Task.Run(() => CircuitBenchmark.Run(_counters!, $"collect -p {pid} --counters System.Runtime --refresh-interval 1 --duration 00:00:00:03 --format csv -o {file}"));
            var rows = File.ReadAllLines(file).Where(l => l.Contains("dotnet.gc.last_collection.heap.size", StringComparison.Ordinal)).ToList();
            // The last row of each generation.
            return rows.Select(r => r.Split(','))
                .GroupBy(c => c[2])
                .Sum(g => (long)double.Parse(g.Last()[^1], CultureInfo.InvariantCulture));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The types whose live bytes grew most from one sample to the next.</summary>
    public static void PrintGrowth(Sample from, Sample to, int top, int divideBy)
    {
        var growth = to.ByType.Select(t => (Type: t.Key, Delta: t.Value.Bytes - from.ByType.GetValueOrDefault(t.Key).Bytes,
                Count: t.Value.Count - from.ByType.GetValueOrDefault(t.Key).Count))
            .OrderByDescending(t => t.Delta).Take(top).ToList();
        Console.WriteLine($"types that grew most (live bytes from gcdump's heapstat, approximate: average size x count):");
        Console.WriteLine($"  {"total",10} {"/circuit",10} {"objects/circuit",16}  type");
        foreach (var (type, delta, count) in growth)
            Console.WriteLine($"  {delta / 1e3,7:F0} kB {delta / 1e3 / divideBy,7:F1} kB {count / (double)divideBy,16:F0}  {(type.Length > 100 ? type[..100] + "..." : type)}");
        // Which of the application's and MudBlazor's objects each circuit holds (components among them).
        var ours = to.ByType.Where(t => t.Key.StartsWith("MudBlazor.", StringComparison.Ordinal) || t.Key.StartsWith("DescPortal.", StringComparison.Ordinal))
            .Select(t => (Type: t.Key, Count: (t.Value.Count - from.ByType.GetValueOrDefault(t.Key).Count) / (double)divideBy))
            .Where(t => t.Count >= 1).OrderByDescending(t => t.Count).Take(top).ToList();
        Console.WriteLine($"MudBlazor and DescPortal objects per circuit (top {top} by count):");
        foreach (var (type, count) in ours)
            Console.WriteLine($"  {count,6:F0}  {(type.Length > 110 ? type[..110] + "..." : type)}");
    }

    [GeneratedRegex(@"^\s*([\d,]+)\s+([\d,]+)\s+(\S.*)$", RegexOptions.Multiline)]
    private static partial Regex TypeLinePattern();

    [GeneratedRegex(@"\s*\(Bytes > [^)]*\)")]
    private static partial Regex SizeClassPattern();

    [GeneratedRegex(@"([\d,]+)\s+GC Heap bytes")]
    private static partial Regex HeapBytesPattern();
}
