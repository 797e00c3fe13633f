using System.Globalization;
using System.Net;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using DescPortal.Core;
using DescPortal.Testing;
using DescPortal.Web.Infrastructure.Blobs;
using NetVips;

namespace DescPortal.Benchmarks;

/// <summary>
/// API submission of a referral with three ~10 MB JPEGs against a raw upload of the same bytes to the same Azurite,
/// interleaved in one run so that both see the same machine. With --profile, the portal's steps are timed one by one
/// (in this process, with the portal's own ImageIntake code) to show where the time goes.
/// </summary>
public static class UploadBenchmark
{
    private static readonly string[] LightSources = ["White", "UV365", "IR"];

    public static async Task<int> RunAsync(Options args)
    {
        var portal = new Uri(args.Required("portal"));
        // `eval "$(infra/desc up)"` exports the connection string the portal uses.
        var blobs = args.Get("blobs") ?? Environment.GetEnvironmentVariable("ConnectionStrings__Blobs")
            ?? throw new ArgumentException("--blobs CONNECTION_STRING is required (or ConnectionStrings__Blobs in the environment).");
        var runs = args.Whole("runs", 20);
        var warmup = args.Whole("warmup", 2);
        var imageBytes = (long)(args.Number("image-mb", 10) * 1_000_000);
        var key = args.Get("key") ?? ReferralRequests.NorthKey;
        var settle = !args.Has("no-settle");
        var imagesDir = args.Get("images") ?? Path.Combine(Path.GetTempPath(), "desc-bench-images");
        if (runs is < 1 or > 200) throw new ArgumentException("--runs must be 1 to 200.");

        Machine.Print(Machine.CommandOf("upload", [$"--portal {portal.ToString().TrimEnd('/')}", "--blobs \"<connection string>\"", $"--runs {runs}",
            settle ? "" : "--no-settle", args.Has("profile") ? "--profile" : ""]));

        var pid = args.Get("pid") is { } p ? int.Parse(p, CultureInfo.InvariantCulture) : CircuitBenchmark.FindListener(portal.Port);
        var tools = new DiagnosticTools(args.Get("tools"));
        Console.WriteLine($"portal process: pid {pid}");
        var memoryBefore = await tools.MeasureAsync(pid, "portal memory before");
        var files = await Task.Run(() => TestJpegs.Ensure(imagesDir, 3, imageBytes));
        var payloadBytes = files.Sum(f => (long)f.Length);
        Console.WriteLine($"images: {string.Join(", ", files.Select(f => $"{f.Length / 1e6:F2} MB"))} JPEG, {TestJpegs.Width} x {TestJpegs.Height} px " +
                          $"(quality {string.Join("/", TestJpegs.Qualities(imagesDir))}); {payloadBytes / 1e6:F1} MB a submission");

        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = portal, Timeout = TimeSpan.FromMinutes(5),
        };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        var scratch = new BlobServiceClient(blobs).GetBlobContainerClient($"bench-scratch-{Guid.NewGuid():N}");
        await scratch.CreateAsync();
        try
        {
            var raw = new List<double>();
            var api = new List<double>();
            var sent = new List<double>();
            var thumbnails = new List<double>();
            Console.WriteLine($"warm-up: {warmup} of each, then {runs} interleaved pairs (order alternates)" +
                              (settle ? "; before each pair, waits until the previous submission's thumbnail job has finished" : "; back to back"));
            for (var i = -warmup; i < runs; i++)
            {
                var rawFirst = i % 2 == 0;
                double r = 0;
                if (rawFirst) r = await RawAsync(scratch, files, $"run{i + warmup}");
                var (a, bodySent, id) = await SubmitAsync(http, files);
                if (!rawFirst) r = await RawAsync(scratch, files, $"run{i + warmup}");
                if (settle)
                {
                    var lag = await WaitForThumbnailsAsync(http, id, files.Length, TimeSpan.FromSeconds(120));
                    if (i >= 0 && lag is { } seconds) thumbnails.Add(seconds);
                }
                if (i < 0) continue;
                raw.Add(r);
                api.Add(a);
                sent.Add(bodySent);
                Console.WriteLine($"  run {i + 1,2}: raw {r:F3} s, API {a:F3} s (body sent after {bodySent:F3} s)");
            }

            Console.WriteLine();
            Console.WriteLine($"{"",-44} {"median",8} {"mean",8} {"p90",8} {"min",8} {"max",8} {"MB/s",8}");
            Row("raw: BlobClient.UploadAsync x3 (Azurite)", raw, payloadBytes);
            Row("API: POST /api/v1/referrals (3 images)", api, payloadBytes);
            Row("  of which: until the body was sent", sent, 0);
            Row("  of which: after the last byte, to 201", api.Zip(sent, (x, y) => x - y).ToList(), 0);
            var ratio = Stats.Median(raw) / Stats.Median(api);
            Console.WriteLine();
            Console.WriteLine($"ratio of rates (API / raw, medians): {ratio:F2}  target >= 0.80: {(ratio >= 0.8 ? "met" : "NOT met")}");
            if (thumbnails.Count > 0)
                Console.WriteLine($"thumbnail job, from 201 Created to the 3rd EvidenceThumbnailCreated event: median {Stats.Median(thumbnails):F2} s");

            Console.WriteLine();
            await tools.MeasureAsync(pid, $"portal memory after {warmup + runs} submissions");
            Console.WriteLine($"  (VmRSS before: {memoryBefore.RssBytes / 1e6:F1} MB)");
            if (args.Has("profile"))
                await ProfileAsync(http, scratch, files, Math.Min(runs, 10), Stats.Median(api));
            return 0;
        }
        finally
        {
            await scratch.DeleteIfExistsAsync();
        }
    }

    private static void Row(string label, List<double> seconds, long bytes) =>
        Console.WriteLine($"{label,-44} {Stats.Median(seconds),7:F3}s {seconds.Average(),7:F3}s {Stats.Percentile(seconds, 90),7:F3}s " +
                          $"{seconds.Min(),7:F3}s {seconds.Max(),7:F3}s {(bytes > 0 ? (bytes / 1e6 / Stats.Median(seconds)).ToString("F1", CultureInfo.InvariantCulture) : ""),8}");

    /// <summary>The baseline: the same three files, one after another, with the client's default options.</summary>
    private static Task<double> RawAsync(BlobContainerClient container, byte[][] files, string prefix) =>
        Stats.TimeAsync(async () =>
        {
            for (var k = 0; k < files.Length; k++)
                await container.GetBlobClient($"{prefix}/image{k}.jpg").UploadAsync(new BinaryData(files[k]));
        });

    private static async Task<(double Seconds, double BodySent, Guid Id)> SubmitAsync(HttpClient http, byte[][] files)
    {
        using var form = new TimedContent(ReferralRequests.Multipart(ReferralRequests.Example(LightSources[..files.Length]), files));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        form.Clock = watch;
        using var response = await http.PostAsync("api/v1/referrals", form);
        var body = await response.Content.ReadAsStringAsync();
        var seconds = watch.Elapsed.TotalSeconds;
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"The submission answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return (seconds, form.SentAt, json.RootElement.GetProperty("id").GetGuid());
    }

    /// <summary>Notes when the last byte of the body was handed to the socket: the server has then read all but its buffers.</summary>
    private sealed class TimedContent : HttpContent
    {
        private readonly HttpContent inner;

        public TimedContent(HttpContent inner)
        {
            this.inner = inner;
            foreach (var header in inner.Headers) Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        public System.Diagnostics.Stopwatch? Clock { get; set; }
        public double SentAt { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await inner.CopyToAsync(stream, context);
            SentAt = Clock?.Elapsed.TotalSeconds ?? 0;
        }

        protected override bool TryComputeLength(out long length)
        {
            length = inner.Headers.ContentLength ?? -1;
            return length >= 0;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>Seconds from now until the case's history shows one thumbnail per image (null on timeout).</summary>
    private static async Task<double?> WaitForThumbnailsAsync(HttpClient http, Guid id, int count, TimeSpan timeout)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            using var doc = JsonDocument.Parse(await http.GetStringAsync($"api/v1/referrals/{id}/history"));
            var made = doc.RootElement.EnumerateArray().Count(e => e.GetProperty("type").GetString() == "EvidenceThumbnailCreated");
            if (made >= count) return watch.Elapsed.TotalSeconds;
            await Task.Delay(100);
        }
        Console.WriteLine($"  (thumbnails of {id} not done after {timeout.TotalSeconds:F0} s)");
        return null;
    }

    /// <summary>
    /// The portal's steps for one submission, each measured here on its own with the same code and libraries
    /// (MultipartReader, ImageIntake.StageAsync and StoreAsync, NetVips, Azure.Storage.Blobs), on the same machine
    /// and Azurite. The fixed cost (validation, reference number, Marten append, Hangfire enqueue, HTTP round trip)
    /// is a submission of three tiny JPEGs through the API. Every figure is for all three images.
    /// </summary>
    private static async Task ProfileAsync(HttpClient http, BlobContainerClient scratch, byte[][] files, int runs, double apiMedian)
    {
        Console.WriteLine();
        Console.WriteLine($"profile: the portal's steps for one submission (all three images), each timed {runs} times in this process; medians");
        var intake = new ImageIntake(UploadLimits.Default);
        var tmp = Directory.CreateTempSubdirectory("desc-bench-profile");
        var tiny = Enumerable.Range(0, files.Length).Select(k => TestImages.Jpeg(64, 48, seed: 900 + k)).ToArray();
        var lights = LightSources[..files.Length];
        // The request body exactly as the API receives it.
        byte[] body;
        string boundary;
        using (var form = ReferralRequests.Multipart(ReferralRequests.Example(lights), files))
        {
            body = await form.ReadAsByteArrayAsync();
            boundary = form.Headers.ContentType!.Parameters.First(p => p.Name == "boundary").Value!.Trim('"');
        }
        await using var drain = await DrainServer.StartAsync(scratch);
        var steps = new List<(string Step, List<double> Seconds)>();
        void Add(string step, double s)
        {
            var entry = steps.FirstOrDefault(e => e.Step == step);
            if (entry.Seconds is null) steps.Add(entry = (step, []));
            entry.Seconds.Add(s);
        }
        try
        {
            for (var run = -1; run < runs; run++)
            {
                var sample = new List<(string, double)>
                {
                    (Steps.HttpDrain, await drain.PostAsync(body, boundary, 0)),
                    ("  same, MultipartReader buffer 64 KiB", await drain.PostAsync(body, boundary, 64 * 1024)),
                    (Steps.ParseDrain, await Stats.TimeAsync(() => ParseAsync(body, boundary, 0, null, null))),
                    ("  same, MultipartReader buffer 64 KiB", await Stats.TimeAsync(() => ParseAsync(body, boundary, 64 * 1024, null, null))),
                    (Steps.ParseStage, await Stats.TimeAsync(() => ParseAsync(body, boundary, 0, intake, null))),
                    ("  same, MultipartReader buffer 64 KiB", await Stats.TimeAsync(() => ParseAsync(body, boundary, 64 * 1024, intake, null))),
                };
                sample.Add((Steps.Overlapped, await drain.PostOverlappedAsync(body, boundary, put: false)));
                sample.Add((Steps.OverlappedPut, await drain.PostOverlappedAsync(body, boundary, put: true)));
                double decode = 0, shrunk = 0, store = 0, storeParallel = 0, rawFile = 0;
                var paths = new string[files.Length];
                for (var k = 0; k < files.Length; k++)
                {
                    paths[k] = Path.Combine(tmp.FullName, $"image{k}");
                    await File.WriteAllBytesAsync(paths[k], files[k]);
                    decode += Stats.Time(() => Decode(paths[k], shrink: 1));
                    shrunk += Stats.Time(() => Decode(paths[k], shrink: 8));
                }
                var staged = new List<StagedImage>();
                foreach (var file in files) staged.Add(await intake.StageAsync(new MemoryStream(file, writable: false), "Image", default));
                try
                {
                    foreach (var image in staged)
                        store += await Stats.TimeAsync(() => ImageIntake.StoreAsync(image, scratch, $"profile/{Guid.NewGuid():N}.jpg", default));
                    storeParallel = await Stats.TimeAsync(() => Task.WhenAll(staged.Select(image =>
                        ImageIntake.StoreAsync(image, scratch, $"profile/{Guid.NewGuid():N}.jpg", default))));
                }
                finally
                {
                    foreach (var image in staged) await image.DisposeAsync();
                }
                foreach (var file in files)
                    rawFile += await Stats.TimeAsync(() => scratch.GetBlobClient($"profile/{Guid.NewGuid():N}.raw.jpg").UploadAsync(new BinaryData(file)));
                foreach (var path in paths) File.Delete(path);
                sample.Add(("NetVips full decode (as ImageIntake: Avg)", decode));
                sample.Add(("  JPEG shrink-on-load 1/8 + Avg (all data still read)", shrunk));
                sample.Add((Steps.Store, store));
                sample.Add(("  same, the three uploads in parallel", storeParallel));
                sample.Add(("raw BlobClient.UploadAsync x3 (defaults)", rawFile));
                using (var form = ReferralRequests.Multipart(ReferralRequests.Example(lights), tiny))
                    sample.Add((Steps.Fixed, await Stats.TimeAsync(async () =>
                    {
                        using var response = await http.PostAsync("api/v1/referrals", form);
                        if (response.StatusCode != HttpStatusCode.Created)
                            throw new InvalidOperationException($"The tiny submission answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    })));
                if (run < 0) continue; // warm-up
                foreach (var (step, s) in sample) Add(step, s);
            }
        }
        finally
        {
            tmp.Delete(recursive: true);
        }

        foreach (var (step, seconds) in steps)
            Console.WriteLine($"  {step,-58} {Stats.Median(seconds),7:F3} s");
        double M(string step) => Stats.Median(steps.First(e => e.Step == step).Seconds);
        var receive = M(Steps.HttpDrain) - M(Steps.ParseDrain);
        var model = receive + M(Steps.ParseStage) + M(Steps.Store) + M(Steps.Fixed);
        Console.WriteLine($"  model of the portal, serial as it runs: HTTP receive ({receive:F3}) + parse and stage ({M(Steps.ParseStage):F3})");
        Console.WriteLine($"    + store ({M(Steps.Store):F3}) + fixed cost ({M(Steps.Fixed):F3}) = {model:F3} s; API median measured above: {apiMedian:F3} s");
        var rawMedian = M("raw BlobClient.UploadAsync x3 (defaults)");
        Console.WriteLine($"  ratio to raw ({rawMedian:F3} s in the same loop), each with the fixed cost added: the portal's way (model) {rawMedian / model:F2}," +
                          $" prototype A {rawMedian / (M(Steps.Overlapped) + M(Steps.Fixed)):F2}, prototype B {rawMedian / (M(Steps.OverlappedPut) + M(Steps.Fixed)):F2}");
        var truncated = TestImages.TruncatedJpeg();
        var truncatedPath = Path.Combine(Path.GetTempPath(), $"desc-bench-truncated-{Guid.NewGuid():N}.jpg");
        await File.WriteAllBytesAsync(truncatedPath, truncated);
        try
        {
            string Check(int shrink) { try { Decode(truncatedPath, shrink); return "NOT detected"; } catch (VipsException) { return "detected"; } }
            Console.WriteLine($"  truncated JPEG: full decode {Check(1)}, shrink-on-load 1/8 {Check(8)}");
        }
        finally
        {
            File.Delete(truncatedPath);
        }
    }

    private static class Steps
    {
        public const string HttpDrain = "HTTP receive + multipart parse, drained (Kestrel here)";
        public const string ParseDrain = "multipart parse from memory, drained";
        public const string ParseStage = "multipart parse + ImageIntake.StageAsync (copy, hash, decode)";
        public const string Store = "ImageIntake.StoreAsync x3, one after another (as the portal)";
        public const string Fixed = "API with 3 tiny JPEGs (fixed cost)";
        public const string Overlapped = "PROTOTYPE A: blocks staged while receiving, decode overlapped";
        public const string OverlappedPut = "PROTOTYPE B: one Put Blob per file + 1/8 decode, in parallel";
    }

    private static void Decode(string path, int shrink)
    {
        using var image = shrink == 1
            ? Image.NewFromFile(path, access: Enums.Access.Sequential, failOn: Enums.FailOn.Truncated)
            : Image.Jpegload(path, shrink: shrink, access: Enums.Access.Sequential, failOn: Enums.FailOn.Truncated);
        _ = image.Avg();
    }

    /// <summary>The API's reading loop: MultipartReader sections, file parts staged by ImageIntake or drained.</summary>
    internal static async Task ParseAsync(byte[] body, string boundary, int bufferSize, ImageIntake? intake, Stream? source)
    {
        var stream = source ?? new MemoryStream(body, writable: false);
        var reader = bufferSize > 0 ? new MultipartReader(boundary, stream, bufferSize) : new MultipartReader(boundary, stream);
        MultipartSection? section;
        while ((section = await reader.ReadNextSectionAsync()) is not null)
        {
            if (intake is not null && section.GetContentDispositionHeader() is { } d && d.IsFileDisposition())
                await using (await intake.StageAsync(section.Body, "Image", default)) { }
            else
                await section.Body.CopyToAsync(Stream.Null);
        }
    }
}

/// <summary>A bare Kestrel endpoint in this process that parses a multipart body and throws it away: the cost of receiving.</summary>
internal sealed class DrainServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _client;

    private DrainServer(WebApplication app, Uri address)
    {
        _app = app;
        _client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
    }

    public static async Task<DrainServer> StartAsync(BlobContainerClient container)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/drain", async (HttpContext http, int buffer) =>
        {
            var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(http.Request.ContentType).Boundary).Value!;
            await UploadBenchmark.ParseAsync([], boundary, buffer, null, http.Request.Body);
            return Results.Ok();
        });
        app.MapPost("/overlap", async (HttpContext http, bool put) =>
        {
            var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(http.Request.ContentType).Boundary).Value!;
            if (put) await OverlappedIntake.ReceivePutAsync(boundary, http.Request.Body, container);
            else await OverlappedIntake.ReceiveAsync(boundary, http.Request.Body, container);
            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DrainServer(app, new Uri(address));
    }

    public async Task<double> PostAsync(byte[] body, string boundary, int buffer) => await PostToAsync(body, boundary, $"/drain?buffer={buffer}");

    public async Task<double> PostOverlappedAsync(byte[] body, string boundary, bool put) => await PostToAsync(body, boundary, $"/overlap?put={put}");

    private async Task<double> PostToAsync(byte[] body, string boundary, string path)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary=\"{boundary}\"");
        return await Stats.TimeAsync(async () => (await _client.PostAsync(path, content)).EnsureSuccessStatusCode().Dispose());
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>
/// Photo-like JPEGs of a target size: a 24-megapixel colour gradient with soft blotches and per-channel sensor
/// noise, saved at the JPEG quality (searched) that brings each file closest to the target. Cached in a folder.
/// </summary>
public static class TestJpegs
{
    public const int Width = 6000, Height = 4000;
    private const double NoiseSigma = 9;

    public static byte[][] Ensure(string dir, int count, long targetBytes)
    {
        Directory.CreateDirectory(dir);
        var result = new byte[count][];
        for (var k = 0; k < count; k++)
        {
            var path = Path.Combine(dir, $"photo{k}-{targetBytes}-v2.jpg");
            if (!File.Exists(path))
            {
                var (bytes, quality) = Make(seed: 100 + k, targetBytes);
                File.WriteAllBytes(path, bytes);
                File.WriteAllText(path + ".q", quality.ToString(CultureInfo.InvariantCulture));
            }
            result[k] = File.ReadAllBytes(path);
        }
        return result;
    }

    public static IEnumerable<string> Qualities(string dir) =>
        Directory.EnumerateFiles(dir, "*-v2.jpg.q").Order().Select(File.ReadAllText);

    private static (byte[] Bytes, int Quality) Make(int seed, long target)
    {
        using var pixels = Photo(seed);
        byte[]? best = null;
        var bestQuality = 0;
        int lo = 40, hi = 100;
        while (lo <= hi)
        {
            var q = (lo + hi) / 2;
            // 4:2:0 like a camera (libvips turns subsampling off at Q >= 90 by default: a jump in size).
            var bytes = pixels.JpegsaveBuffer(q: q, subsampleMode: Enums.ForeignSubsample.On, keep: Enums.ForeignKeep.None);
            if (best is null || Math.Abs(bytes.Length - target) < Math.Abs(best.Length - target)) (best, bestQuality) = (bytes, q);
            if (bytes.Length < target) lo = q + 1; else hi = q - 1;
        }
        return (best!, bestQuality);
    }

    private static Image Photo(int seed)
    {
        using var xy = Image.Xyz(Width, Height);
        using var x = xy[0];
        using var y = xy[1];
        var bands = new Image[3];
        for (var b = 0; b < 3; b++)
        {
            // Soft blotches: coarse noise blown up, as uneven light and texture on a document photo.
            using var coarse = Image.Gaussnoise(Width / 100, Height / 100, sigma: 30, mean: 0, seed: seed * 10 + b);
            using var blotches = coarse.Resize(100, kernel: Enums.Kernel.Cubic);
            using var grain = Image.Gaussnoise(Width, Height, sigma: NoiseSigma, mean: 0, seed: seed * 10 + 5 + b);
            using var gradient = b switch { 0 => x * (200.0 / Width) + 30, 1 => y * (180.0 / Height) + 40, _ => (x + y) * (150.0 / (Width + Height)) + 60 };
            using var sum = gradient + blotches.Crop(0, 0, Math.Min(Width, blotches.Width), Math.Min(Height, blotches.Height)).Embed(0, 0, Width, Height, extend: Enums.Extend.Copy) + grain;
            bands[b] = sum.Cast(Enums.BandFormat.Uchar);
        }
        using var rgb = bands[0].Bandjoin(bands[1], bands[2]);
        foreach (var band in bands) band.Dispose();
        using var srgb = rgb.Copy(interpretation: Enums.Interpretation.Srgb);
        return srgb.CopyMemory();
    }
}

/// <summary>
/// PROTOTYPE of a faster intake, for the benchmark only (the portal's code is not changed): while a file part is
/// being received, each 4 MiB is hashed, written to the temporary file and staged as an uncommitted block of the final
/// blob (at most 4 blocks in flight); when the part ends, its decode starts in the background while the next part is
/// read; at the end the decodes are awaited and, only if all succeeded, the block lists are committed (with
/// If-None-Match: *, content type and the hash as metadata). A refused image is never committed: its uncommitted
/// blocks are discarded by the storage service (after 7 days on Azure) and no blob is ever visible under its name.
/// </summary>
internal static class OverlappedIntake
{
    private const int BlockSize = 4 * 1024 * 1024;

    public static async Task ReceiveAsync(string boundary, Stream body, BlobContainerClient container)
    {
        var reader = new MultipartReader(boundary, body, 64 * 1024);
        var parts = new List<(BlockBlobClient Blob, List<string> Blocks, Task Uploads, Task Decode, string Sha256, string Path)>();
        using var inFlight = new SemaphoreSlim(4);
        try
        {
            MultipartSection? section;
            while ((section = await reader.ReadNextSectionAsync()) is not null)
            {
                if (section.GetContentDispositionHeader() is not { } d || !d.IsFileDisposition())
                {
                    await section.Body.CopyToAsync(Stream.Null);
                    continue;
                }
                var blob = container.GetBlockBlobClient($"overlap/{Guid.NewGuid():N}.jpg");
                var path = Path.Combine(Path.GetTempPath(), $"desc-bench-overlap-{Guid.NewGuid():N}");
                var blocks = new List<string>();
                var uploads = new List<Task>();
                using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
                await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0, FileOptions.Asynchronous))
                {
                    while (true)
                    {
                        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(BlockSize);
                        var length = 0;
                        int read;
                        while (length < BlockSize && (read = await section.Body.ReadAsync(buffer.AsMemory(length, BlockSize - length))) > 0) length += read;
                        if (length == 0) { System.Buffers.ArrayPool<byte>.Shared.Return(buffer); break; }
                        sha.AppendData(buffer, 0, length);
                        await file.WriteAsync(buffer.AsMemory(0, length));
                        var id = Convert.ToBase64String(BitConverter.GetBytes((long)blocks.Count));
                        blocks.Add(id);
                        await inFlight.WaitAsync();
                        uploads.Add(StageAsync(blob, id, buffer, length, inFlight));
                        if (length < BlockSize) break;
                    }
                }
                var decode = Task.Run(() =>
                {
                    using var image = Image.NewFromFile(path, access: Enums.Access.Sequential, failOn: Enums.FailOn.Truncated);
                    _ = image.Avg();
                });
                parts.Add((blob, blocks, Task.WhenAll(uploads), decode, Convert.ToHexStringLower(sha.GetHashAndReset()), path));
            }
            await Task.WhenAll(parts.Select(p => p.Decode));   // any refusal throws here: nothing is committed
            await Task.WhenAll(parts.Select(p => p.Uploads));
            await Task.WhenAll(parts.Select(p => p.Blob.CommitBlockListAsync(p.Blocks, new CommitBlockListOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "image/jpeg" },
                Metadata = new Dictionary<string, string> { ["sha256"] = p.Sha256 },
                Conditions = new BlobRequestConditions { IfNoneMatch = Azure.ETag.All },
            })));
        }
        finally
        {
            foreach (var p in parts) File.Delete(p.Path);
        }
    }

    /// <summary>
    /// PROTOTYPE B: each file part is received into its temporary file (hashing), then, while the next part is read,
    /// uploaded with one Put Blob under its final server-chosen name and, at the same time, decoded (JPEG with 1/8
    /// shrink-on-load: every entropy-coded byte is still decoded, so truncation is still caught). If any decode
    /// fails, the blobs already written are deleted: none of them was referenced by an event yet.
    /// </summary>
    public static async Task ReceivePutAsync(string boundary, Stream body, BlobContainerClient container)
    {
        var reader = new MultipartReader(boundary, body, 64 * 1024);
        var work = new List<(Task Upload, Task Decode, BlobClient Blob, string Path)>();
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(128 * 1024);
        try
        {
            MultipartSection? section;
            while ((section = await reader.ReadNextSectionAsync()) is not null)
            {
                if (section.GetContentDispositionHeader() is not { } d || !d.IsFileDisposition())
                {
                    await section.Body.CopyToAsync(Stream.Null);
                    continue;
                }
                var path = Path.Combine(Path.GetTempPath(), $"desc-bench-put-{Guid.NewGuid():N}");
                using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
                await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0, FileOptions.Asynchronous))
                {
                    int read;
                    while ((read = await section.Body.ReadAsync(buffer)) > 0)
                    {
                        sha.AppendData(buffer, 0, read);
                        await file.WriteAsync(buffer.AsMemory(0, read));
                    }
                }
                var hash = Convert.ToHexStringLower(sha.GetHashAndReset());
                var blob = container.GetBlobClient($"put/{Guid.NewGuid():N}.jpg");
                var upload = Task.Run(async () =>
                {
                    await using var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
                    await blob.UploadAsync(source, new BlobUploadOptions
                    {
                        HttpHeaders = new BlobHttpHeaders { ContentType = "image/jpeg" },
                        Metadata = new Dictionary<string, string> { ["sha256"] = hash },
                        Conditions = new BlobRequestConditions { IfNoneMatch = Azure.ETag.All },
                        TransferOptions = new Azure.Storage.StorageTransferOptions { InitialTransferSize = 256L * 1024 * 1024, MaximumTransferSize = 8 * 1024 * 1024 },
                    });
                });
                var decode = Task.Run(() =>
                {
                    using var image = Image.Jpegload(path, shrink: 8, access: Enums.Access.Sequential, failOn: Enums.FailOn.Truncated);
                    _ = image.Avg();
                });
                work.Add((upload, decode, blob, path));
            }
            try
            {
                await Task.WhenAll(work.Select(w => w.Decode));
            }
            catch
            {
                await Task.WhenAll(work.Select(w => w.Upload.ContinueWith(_ => { }, TaskScheduler.Default)));
                await Task.WhenAll(work.Select(w => w.Blob.DeleteIfExistsAsync()));
                throw;
            }
            await Task.WhenAll(work.Select(w => w.Upload));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            foreach (var w in work) File.Delete(w.Path);
        }
    }

    private static async Task StageAsync(BlockBlobClient blob, string id, byte[] buffer, int length, SemaphoreSlim inFlight)
    {
        try
        {
            using var content = new MemoryStream(buffer, 0, length, writable: false);
            await blob.StageBlockAsync(id, content);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            inFlight.Release();
        }
    }
}
