using DescPortal.Core;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Testing;
using DescPortal.Web.Features.ReferenceLibrary;
using DescPortal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DescPortal.Benchmarks;

/// <summary>
/// Search latency over many generated specimens (the issue's target: 95th percentile under 100 ms over 1,000).
/// Runs a real portal in-process on a database of its own (DESC_TEST_POSTGRES / DESC_TEST_BLOBS, as the tests do),
/// generates the specimens through <see cref="LibraryCommands"/>, then times <see cref="LibraryQueries.SearchAsync"/>
/// beside a baseline in the same run: loading one entry by id.
/// </summary>
public static class LibrarySearchBenchmark
{
    private static readonly string[] States = ["UTO", "XXA", "XXB", "XXC", "XXD", "FRA", "DEU", "ITA", "ESP", "NLD", "POL", "SWE", "FIN", "GRC", "PRT"];
    private static readonly string[] Words =
        ["guilloche", "rainbow", "microprint", "laminate", "hologram", "portrait", "fibres", "watermark", "intaglio", "perforation",
         "seal", "ghost", "window", "thread", "numbering", "stitching", "fluorescent", "metallic", "variable", "latent"];

    public static async Task<int> RunAsync(Options options)
    {
        var count = options.Whole("specimens", 1000);
        var iterations = options.Whole("iterations", 200);
        Machine.Print(Machine.CommandOf("library-search", [$"--specimens {count}", $"--iterations {iterations}"]));

        // WebApplicationFactory's content root, found from here (the benchmark is not a test project).
        var web = FindUp(AppContext.BaseDirectory, Path.Combine("src", "DescPortal.Web"));
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_DESCPORTAL_WEB", web);
        await using var host = new GeneratorHost();
        await host.InitializeAsync();
        var commands = host.Services.GetRequiredService<LibraryCommands>();
        var queries = host.Services.GetRequiredService<LibraryQueries>();
        var editor = new UserScope("bench", "Benchmark generator", new HashSet<string> { Roles.Examiner }, null, null, false);

        var image = TestImages.Png(120, 80, seed: 7);
        var random = new Random(42);
        var types = SecurityFeatureTaxonomy.All.ToArray();
        var generate = Stats.Time(() => Generate(commands, editor, image, random, types, count).GetAwaiter().GetResult());
        Console.WriteLine($"generated {count} specimens with 1 image and 20 features each in {generate:F1} s");

        var some = (await queries.SearchAsync(editor, new LibraryFilter(), 1, 1, default)).Items[0].Id;
        var cases = new (string Name, Func<Task> Run)[]
        {
            ("baseline: load one entry by id", () => queries.LoadAsync(editor, some, default)),
            ("first page, no filter", () => queries.SearchAsync(editor, new LibraryFilter(), 1, 20, default)),
            ("issuing state", () => queries.SearchAsync(editor, new LibraryFilter(IssuingState: "FRA"), 1, 20, default)),
            ("document type + year of issue", () => queries.SearchAsync(editor, new LibraryFilter(DocumentType: DocumentType.Passport, YearOfIssue: 2015), 1, 20, default)),
            ("feature type", () => queries.SearchAsync(editor, new LibraryFilter(FeatureType: "Watermark"), 1, 20, default)),
            ("free text", () => queries.SearchAsync(editor, new LibraryFilter(Text: "rainbow hologram"), 1, 20, default)),
            ("everything together", () => queries.SearchAsync(editor, new LibraryFilter("DEU", DocumentType.Passport, 2012, "Guilloche", "portrait"), 1, 20, default)),
            ("issuing authority scope (UTO)", () => queries.SearchAsync(
                new UserScope("a", "Authority", new HashSet<string> { Roles.IssuingAuthority }, null, "UTO", false), new LibraryFilter(), 1, 20, default)),
        };

        Console.WriteLine();
        Console.WriteLine($"{"query",-40} {"p50",8} {"p95",8} {"max",8}   ({iterations} runs after 20 warm-up)");
        var worst = 0.0;
        foreach (var (name, run) in cases)
        {
            for (var i = 0; i < 20; i++) await run();
            var times = new List<double>(iterations);
            for (var i = 0; i < iterations; i++) times.Add(await Stats.TimeAsync(run) * 1000);
            var p95 = Stats.Percentile(times, 95);
            if (!name.StartsWith("baseline", StringComparison.Ordinal)) worst = Math.Max(worst, p95);
            Console.WriteLine($"{name,-40} {Stats.Median(times),6:F1}ms {p95,6:F1}ms {times.Max(),6:F1}ms");
        }
        Console.WriteLine();
        Console.WriteLine($"worst 95th percentile of the searches: {worst:F1} ms  target < 100 ms: {(worst < 100 ? "met" : "NOT met")}");
        return 0;
    }

    private static async Task Generate(LibraryCommands commands, UserScope editor, byte[] image, Random random, SecurityFeatureType[] types, int count)
    {
        for (var n = 0; n < count; n++)
        {
            var id = Guid.CreateVersion7();
            var from = new DateOnly(2000 + random.Next(0, 24), 1, 1);
            var docType = (DocumentType)random.Next(0, 5);
            var details = new SpecimenDetails(docType, $"Series {n}", from, random.Next(3) == 0 ? null : from.AddYears(random.Next(2, 11)),
                docType == DocumentType.IdentityCard ? DocumentFormat.TD1 : DocumentFormat.TD3,
                $"Generated specimen {n}: {Sentence(random)}", [DocumentArea.DataPage]);
            await commands.CreateAsync(editor, id, States[random.Next(States.Length)], details, default);
            var imageId = Guid.CreateVersion7();
            using (var bytes = new MemoryStream(image, writable: false))
                await commands.AddImageAsync(editor, id, imageId, bytes, DocumentArea.DataPage, LightSource.White, 600, null, null, null, default);
            for (var f = 0; f < 20; f++)
            {
                var type = types[random.Next(types.Length)];
                await commands.AddFeatureAsync(editor, id, new SecurityFeature(Guid.CreateVersion7(), type.Category, type.Code,
                    [LightSource.White], 1 + random.Next(3), $"{type.Label}: {Sentence(random)}",
                    [new FeatureLocation(imageId, random.Next(0, 60), random.Next(0, 40), 20, 20)]), default);
            }
            if (n % 100 == 99) Console.WriteLine($"  {n + 1} specimens");
        }
    }

    private static string FindUp(string from, string relative)
    {
        for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, relative))) return Path.Combine(dir.FullName, relative);
        throw new DirectoryNotFoundException($"No {relative} above {from}.");
    }

    private static string Sentence(Random random) => string.Join(' ', Enumerable.Range(0, 6).Select(_ => Words[random.Next(Words.Length)]));

    /// <summary>A portal of its own, without the demo library, so the count is exactly what was generated.</summary>
    private sealed class GeneratorHost : PortalHost
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("DemoData:Specimens", "false");
        }
    }
}
