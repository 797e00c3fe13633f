using DescPortal.Core.Referrals;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Infrastructure.Custody;
using DescPortal.Web.Infrastructure.Identity;

namespace DescPortal.Web.Features.Custody;

/// <summary>Builds a case's chain of custody for whoever may read the case (checked here, as every case read is).</summary>
public sealed class CustodyQueries(CaseQueries cases, CustodyChainStore chains, AccessLog accesses, EvidenceOriginals originals, TimeProvider clock)
{
    public async Task<CustodyView?> ForAsync(UserScope scope, Guid id, CancellationToken ct)
    {
        if (await cases.LoadForAsync(scope, id, ct) is not { } record) return null;
        var chain = await ChainOfAsync(id, ct);
        var trail = await ChainOfAsync(AccessLog.StreamOf(id), ct);

        var evidence = new List<CustodyEvidence>();
        foreach (var item in record.Evidence)
            evidence.Add(new CustodyEvidence(item.Id, item.Sha256, await IntactAsync(record, item, scope, ct), clock.GetUtcNow()));

        return new CustodyView(record.Reference, chain.Intact && trail.Intact,
            [.. chain.Links.Select(l => new CustodyEvent(l.Sequence, l.Type, l.At, l.Actor, l.Hash, l.PreviousHash, l.Intact))],
            evidence,
            [.. (await accesses.OfAsync(id, ct)).Select(a => new CustodyAccess(a.At, a.Actor, a.Action, a.Target, a.From))]);
    }

    private async Task<StreamChain> ChainOfAsync(Guid stream, CancellationToken ct) =>
        ChainCheck.Check(stream, await chains.EventsOfAsync(stream, ct), await chains.StreamVersionAsync(stream, ct), await chains.SaltOfAsync(stream, ct));

    /// <summary>Read as every read of an original is (a mismatch raises the case's integrity alarm), then let go.</summary>
    private async Task<bool> IntactAsync(CaseRecord record, EvidenceItem item, UserScope scope, CancellationToken ct)
    {
        try
        {
            await using var checkedOriginal = await originals.FetchAsync(record, item, EvidenceUse.Verified, scope.Actor, ct);
            return true;
        }
        catch (EvidenceIntegrityException)
        {
            return false;
        }
    }
}
