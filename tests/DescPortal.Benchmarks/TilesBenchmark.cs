using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using DescPortal.Web.Infrastructure.DeepZoom;
using NetVips;

namespace DescPortal.Benchmarks;

/// <summary>
/// The Deep Zoom pyramid of a large image made by the portal's code (TilePyramids.Tile, NetVips) beside the `vips`
/// command line doing the same (`vips dzsave`, same tile size, overlap and JPEG quality) on the same file, each in a
/// process of its own under /usr/bin/time, alternating, so that wall time and peak memory (max RSS) compare like
/// with like. The test image is generated: a noisy gradient, so JPEG tiles are not trivially small.
/// </summary>
public static partial class TilesBenchmark
{
    public static async Task<int> RunAsync(Options args)
    {
        var megapixels = args.Number("megapixels", 50);
        var runs = args.Whole("runs", 3);
        Machine.Print(Machine.CommandOf("tiles", [$"--megapixels {megapixels.ToString(CultureInfo.InvariantCulture)}", $"--runs {runs}"]));
        var work = Directory.CreateTempSubdirectory("desc-tiles-").FullName;
        try
        {
            var source = Path.Combine(work, "source.jpg");
            var width = (int)Math.Round(Math.Sqrt(megapixels * 1e6 * 3 / 2));
            var height = (int)Math.Round(width * 2.0 / 3);
            using (var noise = Image.Gaussnoise(width, height, mean: 128, sigma: 30))
            using (var ramp = Image.Xyz(width, height)[0] * (255.0 / width))
            using (var image = ((noise + ramp) / 2).Cast(Enums.BandFormat.Uchar))
            using (var rgb = image.Bandjoin(image, image))
                rgb.Jpegsave(source, q: 90);
            Console.WriteLine($"source: {width} × {height} = {width * (long)height / 1e6:0.0} MP, {new FileInfo(source).Length / 1e6:0.0} MB JPEG");

            var self = Environment.ProcessPath!;
            // Run by the apphost, or by `dotnet the.dll`: only the latter needs the dll named.
            var selfArgs = Path.GetFileNameWithoutExtension(self) == "dotnet" ? $"\"{typeof(TilesBenchmark).Assembly.Location}\" " : "";
            var ours = new List<(double Seconds, long Kb)>();
            var theirs = new List<(double Seconds, long Kb)>();
            for (var i = 0; i < runs; i++)
            {
                ours.Add(await TimeAsync(self, $"{selfArgs}tiles-child --source \"{source}\" --target \"{Path.Combine(work, $"ours{i}")}\""));
                theirs.Add(await TimeAsync("vips", $"dzsave \"{source}\" \"{Path.Combine(work, $"vips{i}")}\" --tile-size {TilePyramid.DefaultTileSize} --overlap {TilePyramid.DefaultOverlap} --suffix .jpg[Q={TilePyramids.JpegQuality},strip]"));
            }
            var o = Median(ours);
            var t = Median(theirs);
            Console.WriteLine($"portal (NetVips, own process):  median {o.Seconds:0.00} s, peak {o.Kb / 1024.0:0} MB   runs: {string.Join(", ", ours.Select(r => $"{r.Seconds:0.00} s/{r.Kb / 1024} MB"))}");
            Console.WriteLine($"vips dzsave (command line):     median {t.Seconds:0.00} s, peak {t.Kb / 1024.0:0} MB   runs: {string.Join(", ", theirs.Select(r => $"{r.Seconds:0.00} s/{r.Kb / 1024} MB"))}");
            Console.WriteLine($"ratio portal / vips: time {o.Seconds / t.Seconds:0.00} (target ≤ 1.2), peak memory {o.Kb / 1024.0:0} MB (target < 500 MB)");
            var tiles = Directory.EnumerateFiles(Path.Combine(work, "ours0_files"), "*.jpg", SearchOption.AllDirectories).Count();
            var expected = TilePyramid.TilesOf(width, height, TilePyramid.DefaultTileSize).Count();
            Console.WriteLine($"tiles: {tiles} (expected {expected})");
            return tiles == expected ? 0 : 1;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The child of the benchmark: the portal's own tiling code and nothing else.</summary>
    public static int RunChild(Options args)
    {
        TilePyramids.Tile(args.Required("source"), args.Required("target"));
        return 0;
    }

    private static (double Seconds, long Kb) Median(List<(double Seconds, long Kb)> runs) =>
        (runs.Select(r => r.Seconds).Order().ElementAt(runs.Count / 2), runs.Select(r => r.Kb).Order().ElementAt(runs.Count / 2));

    private static async Task<(double Seconds, long Kb)> TimeAsync(string program, string arguments)
    {
        var start = new ProcessStartInfo("/usr/bin/time", $"-v {program} {arguments}") { RedirectStandardError = true, RedirectStandardOutput = true };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        watch.Stop();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} failed: {stderr}");
        var kb = long.Parse(MaxRss().Match(stderr).Groups[1].Value, CultureInfo.InvariantCulture);
        return (watch.Elapsed.TotalSeconds, kb);
    }

    [GeneratedRegex(@"Maximum resident set size \(kbytes\): (\d+)")]
    private static partial Regex MaxRss();
}
