using DescPortal.Core;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Web.Infrastructure.Identity;

namespace DescPortal.Web.Features.Cases;

/// <summary>
/// What examining a case needs of the reference library: the genuine specimens a document may be compared with, one
/// specimen, and where its images are served. The ReferenceLibrary slice implements it; slices that compare evidence
/// with specimens depend on this, not on the library.
/// </summary>
public interface IReferenceSpecimens
{
    /// <summary>The specimens of a document's issuing state and type that are not withdrawn, as far as the reader may see.</summary>
    Task<IReadOnlyList<Specimen>> CandidatesAsync(UserScope scope, string issuingState, DocumentType documentType, CancellationToken ct);

    /// <summary>The specimen, or null when it does not exist or the reader may not see it (the two look the same).</summary>
    Task<Specimen?> FindAsync(UserScope scope, Guid specimenId, CancellationToken ct);

    /// <summary>Where one of its images is served (relative to the app's base address), after the same scope check.</summary>
    string ImageUrl(Guid specimenId, Guid imageId);

    /// <summary>Where that image's Deep Zoom tiles are served.</summary>
    string TilesUrl(Guid specimenId, Guid imageId);
}
