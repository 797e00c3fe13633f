using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.DeepZoom;
using Hangfire;
using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Features.Cases;

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
        group.MapGet("{caseId:guid}/{evidenceId:guid}", (Guid caseId, Guid evidenceId, HttpContext http, CaseQueries cases, BlobContainers blobs, CancellationToken ct)
            => ServeAsync(caseId, evidenceId, thumbnail: false, http, cases, blobs, ct));
        group.MapGet("{caseId:guid}/{evidenceId:guid}/thumbnail", (Guid caseId, Guid evidenceId, HttpContext http, CaseQueries cases, BlobContainers blobs, CancellationToken ct)
            => ServeAsync(caseId, evidenceId, thumbnail: true, http, cases, blobs, ct));
        group.MapGet("{caseId:guid}/{evidenceId:guid}/deepzoom", async (Guid caseId, Guid evidenceId, HttpContext http, CaseQueries cases,
            TilePyramids pyramids, IBackgroundJobClient jobs, CancellationToken ct) =>
            await FindAsync(caseId, evidenceId, http, cases, ct) is null
                ? Results.NotFound()
                : await DeepZoomEndpoints.DescribeAsync(pyramids, evidenceId, EvidenceUrls.Tiles(caseId, evidenceId),
                    () => jobs.Enqueue<EvidenceTilesJob>(j => j.RunAsync(caseId, CancellationToken.None)), ct));
        group.MapGet("{caseId:guid}/{evidenceId:guid}/tiles/{level:int}/{tile}", async (Guid caseId, Guid evidenceId, int level, string tile,
            HttpContext http, CaseQueries cases, TilePyramids pyramids, CancellationToken ct) =>
            await FindAsync(caseId, evidenceId, http, cases, ct) is null
                ? Results.NotFound()
                : await DeepZoomEndpoints.TileAsync(pyramids, http, evidenceId, level, tile, ct));
    }

    /// <summary>The evidence item, if the user may see the case; another agency's case looks like none at all.</summary>
    private static async Task<EvidenceItem?> FindAsync(Guid caseId, Guid evidenceId, HttpContext http, CaseQueries cases, CancellationToken ct) =>
        (await cases.LoadForAsync(UserScope.From(http.User), caseId, ct))?.FindEvidence(evidenceId);

    private static async Task<IResult> ServeAsync(Guid caseId, Guid evidenceId, bool thumbnail, HttpContext http, CaseQueries cases, BlobContainers blobs, CancellationToken ct)
    {
        var evidence = await FindAsync(caseId, evidenceId, http, cases, ct);
        if (evidence is null) return Results.NotFound();

        // Until the job has made the thumbnail, the original is shown.
        var (container, name, type) = thumbnail && evidence.ThumbnailBlobName is { } thumb
            ? (blobs.Derivatives, thumb, "image/jpeg")
            : (blobs.Evidence, evidence.BlobName, evidence.ContentType);
        var download = await container.GetBlobClient(name).DownloadStreamingAsync(cancellationToken: ct);
        // Evidence holds a person's document: no copy stays in a browser's or a proxy's cache.
        http.Response.Headers.CacheControl = "no-store";
        return Results.Stream(download.Value.Content, type);
    }
}
