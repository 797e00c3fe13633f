using System.Diagnostics;
using System.Globalization;

namespace DescPortal.Benchmarks;

/// <summary>"--name value" options and "--flag" switches, nothing more.</summary>
public sealed class Options
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.OrdinalIgnoreCase);

    public static Options Parse(string[] args)
    {
        var line = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
                throw new ArgumentException($"Unexpected argument '{args[i]}': options are written --name value.");
            var name = args[i][2..];
            var value = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            line._options[name] = value;
        }
        return line;
    }

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Get(string name) => _options.GetValueOrDefault(name);

    public string Required(string name) =>
        Get(name) ?? throw new ArgumentException($"--{name} is required.");

    public int Whole(string name, int fallback) =>
        Get(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public double Number(string name, double fallback) =>
        Get(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
}

/// <summary>What docs/performance.md records with every figure: the machine and the date.</summary>
public static class Machine
{
    public static void Print(string command)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        var memKb = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[..3];
        Console.WriteLine($"command: {command}");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {long.Parse(memKb, CultureInfo.InvariantCulture) / 1048576.0:F1} GiB, {cpu}, " +
                          $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        Console.WriteLine($"date: {DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ssZ}; load average at start: {string.Join(' ', load)}");
        Console.WriteLine();
    }

    public static string CommandOf(string mode, string[] shown) =>
        $"dotnet run -c Release --project tests/DescPortal.Benchmarks -- {mode} {string.Join(' ', shown.Where(s => s.Length > 0))}";
}

public static class Stats
{
    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>One row of a timing table: label, then median, p95 and max in milliseconds.</summary>
    public static void Line(string label, IReadOnlyList<double> seconds, int width) =>
        Console.WriteLine($"{label.PadRight(width)} {Median(seconds) * 1000,8:F0} {Percentile(seconds, 95) * 1000,8:F0} {seconds.Max() * 1000,8:F0}");

    /// <summary>Nearest-rank percentile.</summary>
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static async Task<double> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalSeconds;
    }

    public static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalSeconds;
    }
}
