using System.Diagnostics;
using System.Security.Cryptography;
using Azure.Storage.Blobs;
using DescPortal.Core;
using DescPortal.Core.Referrals;
using DescPortal.Testing;
using DescPortal.Web.Infrastructure.Custody;
using JasperFx;
using JasperFx.Events;
using Marten;
using Weasel.Core;

namespace DescPortal.Benchmarks;

/// <summary>
/// What the custody chain costs, with and without it in the same run (alternating, twice each):
/// <list type="bullet">
/// <item>events appended a second by concurrent writers: a case's start (submission and three images) then single appends
/// that each follow the version before, on a Marten store configured as the portal's, with the chain's listener and
/// without it (each in a schema of its own);</item>
/// <item>evidence served a second: a 10 MB original downloaded from Azurite, with the SHA-256 computed as it streams and
/// without.</item>
/// </list>
/// Services: DESC_TEST_POSTGRES / DESC_TEST_BLOBS (or `infra/desc up`'s defaults), as the tests.
/// </summary>
public static class CustodyBenchmark
{
    public static async Task<int> RunAsync(Options options)
    {
        var cases = options.Whole("cases", 200);
        var writers = options.Whole("writers", 8);
        var downloads = options.Whole("downloads", 30);
        Machine.Print(Machine.CommandOf("custody", [$"--cases {cases}", $"--writers {writers}", $"--downloads {downloads}"]));

        using var plain = Store("bench_plain", chain: false);
        using var chained = Store("bench_chain", chain: true);
        await plain.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await chained.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        Console.WriteLine($"{"events appended a second",-44} {"run 1",8} {"run 2",8}   ({cases} cases x 8 events, {writers} writers)");
        var appends = new Dictionary<string, List<double>> { ["without the chain"] = [], ["with the chain"] = [] };
        for (var run = 0; run < 2; run++)
        {
            appends["without the chain"].Add(await AppendRateAsync(plain, cases, writers));
            appends["with the chain"].Add(await AppendRateAsync(chained, cases, writers));
        }
        foreach (var (name, rates) in appends) Console.WriteLine($"{name,-44} {rates[0],8:F0} {rates[1],8:F0}");

        var container = new BlobServiceClient(TestServices.Blobs).GetBlobContainerClient("bench-custody");
        await container.CreateIfNotExistsAsync();
        var blob = container.GetBlobClient("original.jpg");
        var bytes = new byte[10 * 1024 * 1024];
        new Random(3).NextBytes(bytes);
        await blob.UploadAsync(new BinaryData(bytes), overwrite: true);
        Console.WriteLine();
        Console.WriteLine($"{"10 MB originals served a second",-44} {"run 1",8} {"run 2",8}   ({downloads} downloads, one at a time)");
        var serves = new Dictionary<string, List<double>> { ["streamed"] = [], ["streamed and hashed"] = [] };
        for (var run = 0; run < 2; run++)
        {
            serves["streamed"].Add(await ServeRateAsync(blob, downloads, hash: false));
            serves["streamed and hashed"].Add(await ServeRateAsync(blob, downloads, hash: true));
        }
        foreach (var (name, rates) in serves) Console.WriteLine($"{name,-44} {rates[0],8:F1} {rates[1],8:F1}");
        await container.DeleteIfExistsAsync();
        return 0;
    }

    private static DocumentStore Store(string schema, bool chain) => DocumentStore.For(opts =>
    {
        opts.Connection(TestServices.Postgres);
        opts.DatabaseSchemaName = schema;
        opts.Events.StreamIdentity = StreamIdentity.AsGuid;
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString);
        opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        if (!chain) return;
        opts.Events.MetadataConfig.HeadersEnabled = true;
        opts.Listeners.Add(new CustodyChainListener());
        opts.Schema.For<CustodySalt>();
    });

    private static async Task<double> AppendRateAsync(DocumentStore store, int cases, int writers)
    {
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < cases) await OneCaseAsync(store);
        })));
        return cases * 8 / watch.Elapsed.TotalSeconds;
    }

    /// <summary>A case's typical life in events: started with its submission and three images, then four appends one by one.</summary>
    private static async Task OneCaseAsync(DocumentStore store)
    {
        var id = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        const string Officer = "BCP-NORTH (API key)";
        await using (var session = store.LightweightSession())
        {
            session.Events.StartStream(id, [Submitted(id, now), .. Enumerable.Range(0, 3).Select(i => Attached(id, i, now))]);
            await session.SaveChangesAsync();
        }
        for (var version = 4; version < 8; version++)
        {
            await using var session = store.LightweightSession();
            session.Events.Append(id, version + 1, new CaseAssigned(id, "examiner-" + version, "Erik Examiner", Officer, now));
            await session.SaveChangesAsync();
        }
    }

    private static ReferralSubmitted Submitted(Guid id, DateTimeOffset now) => new(
        id, "DESC-2026-" + id.ToString("N")[..6], "BCP-NORTH", "NORTH-GATE", now.AddMinutes(-30), "UTO", "XXA",
        "Laminate edge lifted near the portrait", Urgency.Urgent, now.AddHours(2),
        new Bearer("ERIKSSON", "ANNA MARIA", null, "UTO", new PartialDate(1974, 8, 12), Sex.F),
        [new QuestionedDocument(0, DocumentType.Passport, "UTO", "L898902C3", "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10")],
        "BCP-NORTH (API key)", now);

    private static EvidenceImageAttached Attached(Guid id, int i, DateTimeOffset now) => new(
        id, Guid.NewGuid(), 0, LightSource.White, DocumentArea.DataPage, 600, null, "Regula 4308", now, null,
        $"{id:N}/{i}.jpg", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), 10_485_760, 4000, 2800, "image/jpeg",
        "BCP-NORTH (API key)", now);

    private static async Task<double> ServeRateAsync(BlobClient blob, int downloads, bool hash)
    {
        var buffer = new byte[81920];
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < downloads; i++)
        {
            await using var stream = (await blob.DownloadStreamingAsync()).Value.Content;
            using var sha = hash ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0) sha?.AppendData(buffer, 0, read);
            _ = sha?.GetHashAndReset();
        }
        return downloads / watch.Elapsed.TotalSeconds;
    }
}
