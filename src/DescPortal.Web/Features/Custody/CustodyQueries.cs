using System.Security.Cryptography;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.Custody;
using DescPortal.Web.Infrastructure.Identity;

namespace DescPortal.Web.Features.Custody;

/// <summary>Builds a case's chain of custody for whoever may read the case (checked here, as every case read is).</summary>
public sealed class CustodyQueries(CaseQueries cases, CustodyChainStore chains, AccessLog accesses, BlobContainers blobs, TimeProvider clock)
{
    public async Task<CustodyView?> ForAsync(UserScope scope, Guid id, CancellationToken ct)
    {
        if (await cases.LoadForAsync(scope, id, ct) is not { } record) return null;
        var chain = await ChainOfAsync(id, ct);
        var trail = await ChainOfAsync(AccessLog.StreamOf(id), ct);

        var evidence = new List<CustodyEvidence>();
        foreach (var item in record.Evidence)
            evidence.Add(new CustodyEvidence(item.Id, item.Sha256, await HashOfAsync(item.BlobName, ct) == item.Sha256, clock.GetUtcNow()));

        return new CustodyView(record.Reference, chain.Intact && trail.Intact,
            [.. chain.Links.Select(l => new CustodyEvent(l.Sequence, l.Type, l.At, l.Actor, l.Hash, l.PreviousHash, l.Intact))],
            evidence,
            [.. (await accesses.OfAsync(id, ct)).Select(a => new CustodyAccess(a.At, a.Actor, a.Action, a.Target, a.From))]);
    }

    private async Task<StreamChain> ChainOfAsync(Guid stream, CancellationToken ct) =>
        ChainCheck.Check(stream, await chains.EventsOfAsync(stream, ct), await chains.StreamVersionAsync(stream, ct), await chains.SaltOfAsync(stream, ct));

    /// <summary>The SHA-256 of an original's bytes as stored now, read as a stream (an original may be 45 MB); null when it is gone.</summary>
    private async Task<string?> HashOfAsync(string blobName, CancellationToken ct)
    {
        var blob = blobs.Evidence.GetBlobClient(blobName);
        try
        {
            await using var bytes = await blob.OpenReadAsync(cancellationToken: ct);
            return Convert.ToHexStringLower(await SHA256.HashDataAsync(bytes, ct));
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
