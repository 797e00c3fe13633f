using Marten;

namespace DescPortal.Web.Infrastructure.Custody;

/// <summary>One thing found broken in the store: what kind of thing, which one (a case's reference, a specimen's id, an evidence id), where, and a code.</summary>
public sealed record CustodyFinding(string Kind, string Subject, long? Sequence, string Code, string Detail)
{
    public override string ToString() =>
        $"{Kind} {Subject}{(Sequence is { } s ? $" event {s}" : "")}: {Code} ({Detail})";
}

/// <summary>What a check looked at, in words ("117 events"), and what it found broken.</summary>
public sealed record StoreCheckResult(string Looked, IReadOnlyList<CustodyFinding> Breaks)
{
    /// <summary>"1 event", "2 events": <paramref name="forms"/> is Core's "{0} {0:event|events}".</summary>
    public static string Count(int count, string forms) => DescPortal.Core.Wording.Format(forms, [count], System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// A check of the whole store, run by <c>infra/desc verify</c> and the admin page: the chains of every stream
/// (<see cref="StreamsCheck"/>), and whatever features register (evidence originals, issued reports).
/// </summary>
public interface IStoreCheck
{
    Task<StoreCheckResult> RunAsync(CancellationToken ct);
}

/// <summary>Every stream's custody chain.</summary>
public sealed class StreamsCheck(CustodyChainStore chains) : IStoreCheck
{
    public async Task<StoreCheckResult> RunAsync(CancellationToken ct)
    {
        var breaks = new List<CustodyFinding>();
        var events = 0;
        foreach (var (stream, version, type) in await chains.StreamsAsync(ct))
        {
            var stored = await chains.EventsOfAsync(stream, ct);
            events += stored.Count;
            var chain = ChainCheck.Check(stream, stored, version, await chains.SaltOfAsync(stream, ct));
            var kind = type ?? "stream";
            var subject = chain.Label is { } label ? $"{label} ({stream})" : stream.ToString();
            breaks.AddRange(chain.Breaks.Select(b => new CustodyFinding(kind, subject, b.Sequence, b.Code, b.Detail)));
        }
        return new StoreCheckResult(StoreCheckResult.Count(events, "{0} {0:event|events}"), breaks);
    }
}

/// <summary>The last verification of the whole store, kept so every administrator sees when it ran, by whom, and what it found.</summary>
public sealed class StoreVerificationRun
{
    public const string LastId = "last";

    public string Id { get; set; } = LastId;
    public DateTimeOffset At { get; set; }
    public string By { get; set; } = "";
    public List<StoreCheckResult> Results { get; set; } = [];

    public bool Intact => Results.All(r => r.Breaks.Count == 0);
}

/// <summary>Runs every registered check: what <c>infra/desc verify</c> prints and the admin page shows; the run is kept.</summary>
public sealed class StoreVerification(IEnumerable<IStoreCheck> checks, IDocumentStore store, TimeProvider clock)
{
    public async Task<StoreVerificationRun> RunAsync(string by, CancellationToken ct)
    {
        var run = new StoreVerificationRun { At = clock.GetUtcNow(), By = by };
        foreach (var check in checks) run.Results.Add(await check.RunAsync(ct));
        await using var session = store.LightweightSession();
        session.Store(run);
        await session.SaveChangesAsync(ct);
        return run;
    }

    public async Task<StoreVerificationRun?> LastAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<StoreVerificationRun>(StoreVerificationRun.LastId, ct);
    }

    /// <summary>The command: prints each break and a summary; 0 when everything is intact, 1 otherwise.</summary>
    public static async Task<int> RunCommandAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var run = await services.GetRequiredService<StoreVerification>().RunAsync("infra/desc verify", ct);
        foreach (var finding in run.Results.SelectMany(r => r.Breaks)) await output.WriteLineAsync("BROKEN " + finding);
        var counts = string.Join(", ", run.Results.Select(r => r.Looked));
        var broken = run.Results.Sum(r => r.Breaks.Count);
        await output.WriteLineAsync(broken == 0 ? $"intact: {counts} checked" : $"{broken} broken: {counts} checked");
        return broken == 0 ? 0 : 1;
    }
}
