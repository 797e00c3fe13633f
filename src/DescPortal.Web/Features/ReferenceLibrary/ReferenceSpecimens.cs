using DescPortal.Core;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Infrastructure.Identity;

namespace DescPortal.Web.Features.ReferenceLibrary;

/// <summary>The library as case work sees it (<see cref="IReferenceSpecimens"/>), through the same scoped queries as its pages.</summary>
public sealed class ReferenceSpecimens(LibraryQueries queries) : IReferenceSpecimens
{
    /// <summary>More than any issuing state has of one document type; the examiner picks from a short list.</summary>
    private const int MaxCandidates = 20;

    public async Task<IReadOnlyList<Specimen>> CandidatesAsync(UserScope scope, string issuingState, DocumentType documentType, CancellationToken ct)
    {
        var page = await queries.SearchAsync(scope, new LibraryFilter(issuingState, documentType), 1, MaxCandidates, ct);
        return [.. page.Items.Select(e => e.Specimen)];
    }

    public async Task<Specimen?> FindAsync(UserScope scope, Guid specimenId, CancellationToken ct) =>
        (await queries.LoadAsync(scope, specimenId, ct))?.Specimen;

    public string ImageUrl(Guid specimenId, Guid imageId) => LibraryEndpoints.ImageUrl(specimenId, imageId);

    public string TilesUrl(Guid specimenId, Guid imageId) => SpecimenTilesJob.TilesUrl(specimenId, imageId);
}
