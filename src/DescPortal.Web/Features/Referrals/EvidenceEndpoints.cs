using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.Identity;
using Marten;

namespace DescPortal.Web.Features.Referrals;

/// <summary>
/// Evidence images for the portal's pages (cookie sign-in). No public blob URLs: every request is checked against
/// the case's access rules, and the blob name comes from the case's events, never from the URL.
/// </summary>
public static class EvidenceEndpoints
{
    public static void MapEvidenceEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/evidence").RequireAuthorization();
        group.MapGet("{caseId:guid}/{evidenceId:guid}", (Guid caseId, Guid evidenceId, HttpContext http, IDocumentStore store, BlobContainers blobs, CancellationToken ct)
            => ServeAsync(caseId, evidenceId, thumbnail: false, http, store, blobs, ct));
        group.MapGet("{caseId:guid}/{evidenceId:guid}/thumbnail", (Guid caseId, Guid evidenceId, HttpContext http, IDocumentStore store, BlobContainers blobs, CancellationToken ct)
            => ServeAsync(caseId, evidenceId, thumbnail: true, http, store, blobs, ct));
    }

    private static async Task<IResult> ServeAsync(Guid caseId, Guid evidenceId, bool thumbnail, HttpContext http, IDocumentStore store, BlobContainers blobs, CancellationToken ct)
    {
        var record = await ReferralQueries.LoadForAsync(store, UserScope.From(http.User), caseId, ct);
        var evidence = record?.FindEvidence(evidenceId);
        if (evidence is null) return Results.NotFound();

        // Until the job has made the thumbnail, the original is shown.
        var (container, name, type) = thumbnail && evidence.ThumbnailBlobName is { } thumb
            ? (blobs.Derivatives, thumb, "image/jpeg")
            : (blobs.Evidence, evidence.BlobName, evidence.ContentType);
        var download = await container.GetBlobClient(name).DownloadStreamingAsync(cancellationToken: ct);
        http.Response.Headers.CacheControl = "private, max-age=3600";
        return Results.Stream(download.Value.Content, type);
    }
}
