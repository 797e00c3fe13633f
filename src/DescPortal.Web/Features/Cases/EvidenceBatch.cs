using DescPortal.Core;
using DescPortal.Core.Referrals;
using DescPortal.Web.Infrastructure.Blobs;

namespace DescPortal.Web.Features.Cases;

/// <summary>
/// The evidence of one submission on its way in. Each received image is verified (decoded) and stored at once, in
/// the background, while the next one is still arriving; <see cref="CompleteAsync"/> waits for all of them. Until the
/// case is committed the batch owns its blobs: disposing an uncommitted batch deletes them, so a refused or failed
/// submission leaves nothing stored.
/// </summary>
public sealed class EvidenceBatch(Guid referralId, BlobContainers blobs) : IAsyncDisposable
{
    private readonly List<(StagedImage Image, string BlobName, Task<StoredEvidence> Work)> _items = [];
    private bool _committed;

    public Guid ReferralId { get; } = referralId;
    public int Count => _items.Count;

    /// <summary>Takes ownership of a received image and starts verifying and storing it.</summary>
    public void Add(StagedImage image, string label)
    {
        var index = _items.Count;
        var evidenceId = Guid.CreateVersion7();
        var blobName = $"referrals/{ReferralId:N}/{evidenceId:N}{ImageContent.FileExtension(image.Kind)}";
        _items.Add((image, blobName, Task.Run(async () =>
        {
            var verify = ImageIntake.VerifyAsync(image, label, CancellationToken.None);
            var store = ImageIntake.StoreAsync(image, blobs.Evidence, blobName, CancellationToken.None);
            try
            {
                await Task.WhenAll(verify, store);
            }
            catch when (verify.Exception?.InnerException is ImageRejectedException e)
            {
                // A refusal says which image it was; a storage failure is thrown as it is.
                throw e.OfImage(index);
            }
            return new StoredEvidence(evidenceId, blobName, image.Sha256, image.SizeBytes, image.Width, image.Height, image.ContentType);
        })));
    }

    /// <summary>Waits for every image; the first refused one, in submission order, is thrown.</summary>
    public async Task<IReadOnlyList<StoredEvidence>> CompleteAsync()
    {
        try
        {
            await Task.WhenAll(_items.Select(i => i.Work));
        }
        catch
        {
            foreach (var (_, _, work) in _items)
                if (work.IsFaulted) throw work.Exception!.InnerException!;
            throw;
        }
        return _items.Select(i => i.Work.Result).ToList();
    }

    /// <summary>The case now refers to the blobs: they are no longer the batch's to delete.</summary>
    public void Commit() => _committed = true;

    /// <summary>
    /// The commit's outcome is unknown (the database went away during it): the case may exist, so its blobs stay. An
    /// unreferenced blob is the lesser harm; a case without its evidence is not allowed.
    /// </summary>
    public void Keep() => _committed = true;

    public async ValueTask DisposeAsync()
    {
        foreach (var (image, blobName, work) in _items)
        {
            try { await work; }
            catch (Exception e) when (e is not OutOfMemoryException) { /* CompleteAsync reported it */ }
            await image.DisposeAsync();
            if (_committed) continue;
            try
            {
                await blobs.Evidence.DeleteBlobIfExistsAsync(blobName, cancellationToken: CancellationToken.None);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Blob storage out of reach: the submission failed anyway, and the next images' staged files must still go.
            }
        }
    }
}
