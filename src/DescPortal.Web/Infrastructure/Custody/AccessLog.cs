using System.Security.Cryptography;
using System.Text;
using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Infrastructure.Persistence;
using JasperFx.Events;
using Marten;

namespace DescPortal.Web.Infrastructure.Custody;

/// <summary>What was done with a case's material (the custody API's <c>action</c>: an exact contract).</summary>
public enum AccessAction
{
    CaseRead,
    EvidenceRead,
    TilesRead,
    ReportRead,
    EvidenceDerived,
    ReportPrinted,
}

/// <summary>
/// One access to a case's material: who (<see cref="Actor"/>), through what (<see cref="Via"/>: "portal", or the API
/// key's id), from which address, what was done to which object (the case, an evidence id, a report number).
/// </summary>
public sealed record AccessRecorded(Guid CaseId, AccessAction Action, string Target, string Actor, string Via, string? From, DateTimeOffset At);

/// <summary>Marten's aggregate of an access stream: nothing to fold, its version is all an append needs.</summary>
public sealed class AccessTrail
{
    public Guid Id { get; set; }

    public void Apply(AccessRecorded _) { }
}

/// <summary>
/// The append-only access record of each case: a stream of its own beside the case's (so the case's history and its
/// version are not touched by reads), hash-chained like every stream (<see cref="CustodyChainListener"/>).
/// </summary>
public sealed class AccessLog(IDocumentStore store, TimeProvider clock)
{
    /// <summary>The id of a case's access stream: derived from the case's, never the case's own.</summary>
    public static Guid StreamOf(Guid caseId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("desc-access:" + caseId.ToString("N")));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8 (derived), RFC 9562
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    /// <summary>
    /// Records that <paramref name="scope"/> did <paramref name="action"/> to <paramref name="target"/> of case
    /// <paramref name="caseId"/> (the case's id for a case read, an evidence id, a report number).
    /// </summary>
    public Task RecordAsync(Guid caseId, AccessAction action, string target, UserScope scope, HttpContext? http, CancellationToken ct) =>
        AppendAsync(new AccessRecorded(caseId, action, target, scope.Actor, scope.ViaApiKey ? "api key " + scope.UserId : "portal",
            http?.Connection.RemoteIpAddress?.ToString(), clock.GetUtcNow()), ct);

    /// <summary>Records what the portal itself did (a job deriving tiles, printing a report).</summary>
    public Task RecordSystemAsync(Guid caseId, AccessAction action, string target, string actor, CancellationToken ct) =>
        AppendAsync(new AccessRecorded(caseId, action, target, actor, "portal", null, clock.GetUtcNow()), ct);

    public async Task<IReadOnlyList<AccessRecorded>> OfAsync(Guid caseId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(StreamOf(caseId), token: ct);
        return [.. events.Select(e => e.Data).OfType<AccessRecorded>()];
    }

    private async Task AppendAsync(AccessRecorded access, CancellationToken ct)
    {
        var stream = StreamOf(access.CaseId);
        // Reads of one case at once append to one stream: the one that lost appends again after the winner.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var session = store.LightweightSession();
                var trail = await session.Events.FetchForWriting<AccessTrail>(stream, ct);
                trail.AppendOne(access);
                await session.SaveChangesAsync(ct);
                return;
            }
            catch (Exception e) when (EventStreams.IsConflict(e) || EventStreams.IsCreationRace(e))
            {
                if (attempt == EventStreams.Attempts) throw;
                // Readers that met at once would meet again: each waits a different moment before appending again.
                await Task.Delay(Random.Shared.Next(5, 25 * attempt), ct);
            }
        }
    }
}
