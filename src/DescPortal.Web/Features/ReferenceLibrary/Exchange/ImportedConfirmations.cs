using DescPortal.Core.ReferenceLibrary;
using Marten;

namespace DescPortal.Web.Features.ReferenceLibrary.Exchange;

/// <summary>
/// Library entries of specimens imported before confirmations said where they were made were projected as confirmed
/// here, and border systems were served them (decision 0013). Each start folds those again from their streams: the fold
/// attributes an archive's confirmations to its signer, so such an entry becomes <see cref="SpecimenStatus.ConfirmedAtPartner"/>.
/// An imported specimen the authority confirmed here stays as it is. Cheap: only imported entries stored as confirmed.
/// </summary>
public static class ImportedConfirmations
{
    public static async Task<int> ReprojectAsync(IDocumentStore store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var session = store.LightweightSession();
        var stored = await session.Query<LibraryEntry>()
            .Where(e => e.Status == SpecimenStatus.Confirmed && e.Specimen.Origin != null)
            .ToListAsync(ct);
        var changed = 0;
        foreach (var entry in stored)
        {
            var events = await session.Events.FetchStreamAsync(entry.Id, token: ct);
            if (Specimen.Fold(events.Select(e => e.Data)) is not { } specimen || specimen.Status == entry.Status) continue;
            var next = LibraryEntry.From(specimen);
            next.StreamVersion = events[^1].Version;
            session.Store(next);
            changed++;
        }
        if (changed > 0) await session.SaveChangesAsync(ct);
        return changed;
    }
}
