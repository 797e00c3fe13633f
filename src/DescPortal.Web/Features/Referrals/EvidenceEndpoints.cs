using DescPortal.Core.Referrals;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.Custody;
using DescPortal.Web.Infrastructure.DeepZoom;
using Hangfire;
using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Features.Cases;

namespace DescPortal.Web.Features.Referrals;

/// <summary>
/// Evidence images for the portal's pages (cookie sign-in). No public blob URLs: every request is checked against
/// the case's access rules, and the blob name, id and SHA-256 come from the case's events, never from the URL. The
/// original is hashed again on every read (<see cref="EvidenceOriginals"/>); derivatives are served only when they
/// were made from it. An image that failed its integrity check is answered 409 in every form (original, thumbnail,
/// tiles), so pages show the failure instead of the image.
/// </summary>
public static class EvidenceEndpoints
{
    public static void MapEvidenceEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/evidence").RequireAuthorization();
        group.MapGet("{caseId:guid}/{evidenceId:guid}", OriginalAsync);
        group.MapGet("{caseId:guid}/{evidenceId:guid}/thumbnail", ThumbnailAsync);
        group.MapGet("{caseId:guid}/{evidenceId:guid}/deepzoom", DeepZoomAsync);
        group.MapGet("{caseId:guid}/{evidenceId:guid}/tiles/{level:int}/{tile}", async (Guid caseId, Guid evidenceId, int level, string tile,
            HttpContext http, CaseQueries cases, TilePyramids pyramids, CancellationToken ct) =>
            await FindAsync(caseId, evidenceId, http, cases, ct) is not { } found ? Results.NotFound()
            : Failed(found) ?? await DeepZoomEndpoints.TileAsync(pyramids, http, evidenceId, found.Evidence.Sha256, level, tile, ct));
    }

    private sealed record Found(CaseRecord Record, EvidenceItem Evidence);

    /// <summary>The evidence item, if the user may see the case; another agency's case looks like none at all.</summary>
    private static async Task<Found?> FindAsync(Guid caseId, Guid evidenceId, HttpContext http, CaseQueries cases, CancellationToken ct) =>
        await cases.LoadForAsync(UserScope.From(http.User), caseId, ct) is { } record && record.FindEvidence(evidenceId) is { } evidence
            ? new Found(record, evidence)
            : null;

    /// <summary>The tile set's description; a viewer given one is about to read the tiles, which is recorded.</summary>
    private static async Task<IResult> DeepZoomAsync(Guid caseId, Guid evidenceId, HttpContext http, CaseQueries cases, TilePyramids pyramids,
        IBackgroundJobClient jobs, AccessLog accesses, CancellationToken ct)
    {
        if (await FindAsync(caseId, evidenceId, http, cases, ct) is not { } found) return Results.NotFound();
        if (Failed(found) is { } failed) return failed;
        var described = await DeepZoomEndpoints.DescribeAsync(pyramids, evidenceId, found.Evidence.Sha256, EvidenceUrls.Tiles(caseId, evidenceId),
            () => jobs.Enqueue<EvidenceTilesJob>(j => j.RunAsync(caseId, CancellationToken.None)), ct);
        if (described is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK })
            await accesses.RecordAsync(caseId, AccessAction.TilesRead, evidenceId.ToString(), UserScope.From(http.User), http, ct);
        return described;
    }

    private static IResult? Failed(Found found) =>
        found.Evidence.IntegrityFailure is null ? null
            : EvidenceOriginals.Refused(new EvidenceIntegrityException(found.Record.Reference, found.Evidence.Id));

    private static async Task<IResult> OriginalAsync(Guid caseId, Guid evidenceId, HttpContext http, CaseQueries cases, EvidenceOriginals originals,
        AccessLog accesses, CancellationToken ct)
    {
        if (await FindAsync(caseId, evidenceId, http, cases, ct) is not { } found) return Results.NotFound();
        var served = await ServeOriginalAsync(found, http, originals, ct);
        if (served is not IStatusCodeHttpResult { StatusCode: >= 400 })
            await accesses.RecordAsync(caseId, AccessAction.EvidenceRead, evidenceId.ToString(), UserScope.From(http.User), http, ct);
        return served;
    }

    /// <summary>
    /// The stored thumbnail when it was made from this original; otherwise (not made yet by the job, made from other
    /// bytes, made before derivatives named their original) made now from the checked original, under the recorded name.
    /// Until the job has recorded one, the original is shown.
    /// </summary>
    private static async Task<IResult> ThumbnailAsync(Guid caseId, Guid evidenceId, HttpContext http, CaseQueries cases, EvidenceOriginals originals,
        BlobContainers blobs, ILogger<EvidenceOriginals> log, CancellationToken ct)
    {
        if (await FindAsync(caseId, evidenceId, http, cases, ct) is not { } found) return Results.NotFound();
        var (record, evidence) = found;
        if (evidence.ThumbnailBlobName is not { } name) return await ServeOriginalAsync(found, http, originals, ct);
        if (Failed(found) is { } failed) return failed;

        // Evidence holds a person's document: no copy stays in a browser's or a proxy's cache.
        http.Response.Headers.CacheControl = "no-store";
        if (await ImageDerivatives.OpenAsync(blobs.Derivatives, name, evidence.Id, evidence.Sha256, log, ct) is { } stored)
            return Results.Stream(stored, ImageDerivatives.ContentType);
        try
        {
            await using var original = await originals.FetchAsync(record, evidence, EvidenceUse.Thumbnail, UserScope.From(http.User).Actor, ct);
            var made = await ImageDerivatives.MakeJpegPreviewAsync(original, evidence.Id, blobs.Derivatives, name, EvidenceThumbnailJob.Size, ct);
            return Results.File(made.Bytes, ImageDerivatives.ContentType);
        }
        catch (EvidenceIntegrityException e)
        {
            return EvidenceOriginals.Refused(e);
        }
    }

    private static async Task<IResult> ServeOriginalAsync(Found found, HttpContext http, EvidenceOriginals originals, CancellationToken ct)
    {
        CheckedOriginal original;
        try
        {
            original = await originals.FetchAsync(found.Record, found.Evidence, EvidenceUse.Shown, UserScope.From(http.User).Actor, ct);
        }
        catch (EvidenceIntegrityException e)
        {
            return EvidenceOriginals.Refused(e);
        }
        // The checked copy is deleted once the response is sent.
        http.Response.RegisterForDisposeAsync(original);
        // Evidence holds a person's document: no copy stays in a browser's or a proxy's cache.
        http.Response.Headers.CacheControl = "no-store";
        return Results.Stream(original.OpenRead(), found.Evidence.ContentType);
    }
}
