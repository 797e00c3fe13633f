namespace DescPortal.Web.Infrastructure.Custody;

/// <summary>One thing found broken in the store: what kind of thing, which one (a case's reference, a specimen's id, an evidence id), where, and a code.</summary>
public sealed record CustodyFinding(string Kind, string Subject, long? Sequence, string Code, string Detail)
{
    public override string ToString() =>
        $"{Kind} {Subject}{(Sequence is { } s ? $" event {s}" : "")}: {Code} ({Detail})";
}

/// <summary>What a check looked at, and what it found broken.</summary>
public sealed record StoreCheckResult(string What, int Checked, IReadOnlyList<CustodyFinding> Breaks);

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
        return new StoreCheckResult("events", events, breaks);
    }
}

/// <summary>Runs every registered check: what <c>infra/desc verify</c> prints, and its exit code.</summary>
public sealed class StoreVerification(IEnumerable<IStoreCheck> checks)
{
    public async Task<IReadOnlyList<StoreCheckResult>> RunAsync(CancellationToken ct)
    {
        var results = new List<StoreCheckResult>();
        foreach (var check in checks) results.Add(await check.RunAsync(ct));
        return results;
    }

    /// <summary>The command: prints each break and a summary; 0 when everything is intact, 1 otherwise.</summary>
    public static async Task<int> RunCommandAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var results = await services.GetRequiredService<StoreVerification>().RunAsync(ct);
        foreach (var finding in results.SelectMany(r => r.Breaks)) await output.WriteLineAsync("BROKEN " + finding);
        var counts = string.Join(", ", results.Select(r => $"{r.Checked} {r.What}"));
        var broken = results.Sum(r => r.Breaks.Count);
        await output.WriteLineAsync(broken == 0 ? $"intact: {counts} checked" : $"{broken} broken: {counts} checked");
        return broken == 0 ? 0 : 1;
    }
}
