using DescPortal.Core;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.DeepZoom;
using DescPortal.Web.Infrastructure.Http;
using Hangfire;
using DescPortal.Web.Infrastructure.Identity;

namespace DescPortal.Web.Features.ReferenceLibrary;

/// <summary>
/// The library for border inspection systems (API v1, any agency's key, read only: an exact contract) and the
/// specimen images for the portal's pages (cookie). Image bytes are served only after the specimen's scope check;
/// blob names come from the specimen's events, never from the URL.
/// </summary>
public static class LibraryEndpoints
{
    public const string Tag = "Reference library";

    public static void MapLibraryEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/specimens").RequireAuthorization(Policies.AgencyApi).WithTags(Tag);
        api.MapGet("", ListAsync)
            .WithName("listSpecimens")
            .WithSummary("Search the reference library")
            .WithDescription("Genuine specimens of the reference library whose current version their issuing authority "
                + "confirmed (drafts, specimens awaiting confirmation or changed since, and withdrawn ones are not listed), "
                + "optionally of one issuing state and one document type, a page at a time (`page` from 1, `pageSize` 20 by "
                + "default). Any agency's key may read it.")
            .DescribeQuery("issuingState", "Only specimens of this issuing state or organisation (ICAO code).")
            .DescribeQuery<DocumentType>("documentType", "Only specimens of this kind of document.")
            .DescribePaging()
            .Produces<SpecimenList>()
            .WithResponseExample(StatusCodes.Status200OK, LibraryExamples.List)
            .ProducesValidationProblem();
        // Border systems see what the list shows (LibraryAccess: confirmed specimens only); the portal shows every one.
        api.MapGet("{id:guid}/images/{imageId:guid}", (Guid id, Guid imageId, HttpContext http, LibraryQueries queries, BlobContainers blobs, CancellationToken ct)
            => ImageAsync(id, imageId, http, queries, blobs, ct))
            .WithName("getSpecimenImage")
            .WithSummary("Download a specimen image")
            .WithDescription("The original bytes of one image of a listed specimen (JPEG, PNG or TIFF).")
            .ProducesImage()
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/library/{id:guid}/images/{imageId:guid}", (Guid id, Guid imageId, HttpContext http, LibraryQueries queries, BlobContainers blobs, CancellationToken ct)
            => ImageAsync(id, imageId, http, queries, blobs, ct)).RequireAuthorization();
        // The list page's card thumbnails: a small JPEG instead of the 300 dpi original.
        app.MapGet("/library/{id:guid}/images/{imageId:guid}/preview", PreviewAsync).RequireAuthorization();
        // Deep zoom for the examination workspace: the same scope check as the image itself, for every tile.
        app.MapGet("/library/{id:guid}/images/{imageId:guid}/deepzoom", async (Guid id, Guid imageId, HttpContext http, LibraryQueries queries,
            TilePyramids pyramids, IBackgroundJobClient jobs, CancellationToken ct) =>
            await FindImageAsync(id, imageId, http, queries, ct) is not { } image
                ? Results.Problem(statusCode: 404, title: "No such image.")
                : await DeepZoomEndpoints.DescribeAsync(pyramids, imageId, image.Sha256, SpecimenTilesJob.TilesUrl(id, imageId),
                    () => jobs.Enqueue<SpecimenTilesJob>(j => j.RunAsync(id, CancellationToken.None)), ct)).RequireAuthorization();
        app.MapGet("/library/{id:guid}/images/{imageId:guid}/tiles/{level:int}/{tile}", async (Guid id, Guid imageId, int level, string tile,
            HttpContext http, LibraryQueries queries, TilePyramids pyramids, CancellationToken ct) =>
            await FindImageAsync(id, imageId, http, queries, ct) is not { } image
                ? Results.NotFound()
                : await DeepZoomEndpoints.TileAsync(pyramids, http, imageId, image.Sha256, level, tile, ct)).RequireAuthorization();
    }

    /// <summary>Where the portal's pages get a specimen image (relative to the app's base address).</summary>
    public static string ImageUrl(Guid specimenId, Guid imageId) => $"library/{specimenId}/images/{imageId}";

    /// <summary>The longest side of a specimen image's preview, in pixels.</summary>
    public const int PreviewSize = 480;

    /// <summary>Where the preview of a specimen image is stored in the derivatives container (made on first request).</summary>
    public static string PreviewBlobName(Core.ReferenceLibrary.SpecimenImage image) =>
        ImageDerivatives.NameOf("previews", image.ImageId, image.Sha256, $"-{PreviewSize}.jpg");

    private static async Task<IResult> ListAsync(HttpContext http, LibraryQueries queries, string? issuingState, string? documentType,
        int? page, int? pageSize, CancellationToken ct)
    {
        DocumentType? type = null;
        if (!string.IsNullOrWhiteSpace(documentType))
        {
            if (!Code.TryParse<DocumentType>(documentType, out var parsed))
                return ApiProblems.Invalid(null, "documentType", ApiProblems.Request.QueryValueUnknown,
                    $"'{documentType}' is not a document type; use {Code.ListOf<DocumentType>()}.");
            type = parsed;
        }
        var result = await queries.SearchAsync(UserScope.From(http.User), new LibraryFilter(issuingState, type), page ?? 1, pageSize ?? 20, ct);
        return Results.Ok(new SpecimenList([.. result.Items.Select(e => SpecimenSummary.Of(e.Specimen))], result.Total));
    }

    /// <summary>
    /// Serves the stored preview when it was made from this image's original, or makes it from the checked original on
    /// the spot, stores it and serves it. A derivative is no part of the specimen's history: no event records it, and
    /// two requests at once may both write it (same name, same bytes).
    /// </summary>
    private static async Task<IResult> PreviewAsync(Guid id, Guid imageId, HttpContext http, LibraryQueries queries, BlobContainers blobs,
        ILogger<LibraryQueries> log, CancellationToken ct)
    {
        var entry = await queries.LoadAsync(UserScope.From(http.User), id, ct);
        var image = entry?.Specimen.FindImage(imageId);
        if (image is null) return Results.Problem(statusCode: 404, title: "No such image.");
        http.Response.Headers.CacheControl = "private, max-age=300";

        var blobName = PreviewBlobName(image);
        if (await ImageDerivatives.OpenAsync(blobs.Derivatives, blobName, image.ImageId, image.Sha256, log, ct) is { } stored)
            return Results.Stream(stored, ImageDerivatives.ContentType);
        await using var original = await Originals.FetchAsync(blobs.Library, image.BlobName, image.Sha256, ct);
        var preview = await ImageDerivatives.MakeJpegPreviewAsync(original, image.ImageId, blobs.Derivatives, blobName, PreviewSize, ct);
        return Results.File(preview.Bytes, ImageDerivatives.ContentType);
    }

    private static async Task<IResult> ImageAsync(Guid id, Guid imageId, HttpContext http, LibraryQueries queries, BlobContainers blobs, CancellationToken ct)
    {
        var entry = await queries.LoadAsync(UserScope.From(http.User), id, ct);
        var image = entry?.Specimen.FindImage(imageId);
        if (image is null) return Results.Problem(statusCode: 404, title: "No such image.");
        var download = await blobs.Library.GetBlobClient(image.BlobName).DownloadStreamingAsync(cancellationToken: ct);
        // Short: a withdrawal or a change of access must take effect soon in browsers too.
        http.Response.Headers.CacheControl = "private, max-age=300";
        return Results.Stream(download.Value.Content, image.ContentType);
    }

    private static async Task<Core.ReferenceLibrary.SpecimenImage?> FindImageAsync(Guid id, Guid imageId, HttpContext http, LibraryQueries queries, CancellationToken ct) =>
        (await queries.LoadAsync(UserScope.From(http.User), id, ct))?.Specimen.FindImage(imageId);
}
