using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using DescPortal.Core;
using DescPortal.Core.Referrals;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.Custody;
using DescPortal.Web.Infrastructure.Http;
using DescPortal.Web.Infrastructure.Identity;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using DescPortal.Web.Features.Cases;

namespace DescPortal.Web.Features.Referrals;

/// <summary>API v1 for border systems (an exact contract: other systems depend on its names and codes).</summary>
public static class ReferralApi
{
    public static void MapReferralApi(this WebApplication app)
    {
        var api = app.MapReferralsGroup();

        api.MapPost("", SubmitAsync)
            .WithName("submitReferral")
            .WithSummary("Submit a referral")
            .WithDescription("Refers a questioned document to the centre: a multipart/form-data body with one `referral` part "
                + "(JSON, at most 256 KB) and one `images` file part per entry of `referral.images`, in the same order. The "
                + "referral part is validated before any file is read; every field error comes back at once, with its codes.\n\n"
                + ReferralApiExample.Markdown)
            .DescribeMultipartBody<ReferralSubmission>("referral", "images")
            .DescribeHeader(IdempotentRequest.Header,
                "Makes a retry safe: 1 to 255 visible ASCII characters, new for each referral. Sent again by the same agency "
                + $"within {IdempotentRequest.Window.TotalHours:0} hours with the same body, it answers the first submission's 201 "
                + "(the same id) and stores nothing; with another body, 422 `idempotency-key.reused`. Older keys are forgotten.",
                maxLength: IdempotentRequest.MaxLength, pattern: "^[!-~]{1,255}$")
            .Produces<CreatedReferral>(StatusCodes.Status201Created)
            .WithResponseExample(StatusCodes.Status201Created, ReferralExamples.Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("", ListAsync)
            .WithName("listReferrals")
            .WithSummary("List the agency's referrals")
            .WithDescription("The referrals of the key's agency, newest first, a page at a time (`page` from 1, `pageSize` "
                + "20 by default), optionally only those of one status.")
            .DescribeQuery<ReferralStatus>("status", "Only the referrals of this status.")
            .DescribePaging()
            .Produces<ReferralList>()
            .WithResponseExample(StatusCodes.Status200OK, ReferralExamples.List)
            .ProducesValidationProblem();
        api.MapGet("{id:guid}", GetAsync)
            .WithName("getReferral")
            .WithSummary("Read a referral")
            .WithDescription("The referral as submitted, its status, its evidence images and its current report. Another "
                + "agency's referral is answered 404, as one that does not exist.")
            .Produces<ReferralDetails>()
            .WithResponseExample(StatusCodes.Status200OK, ReferralExamples.Details)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("{id:guid}/evidence/{evidenceId:guid}", GetEvidenceAsync)
            .WithName("getReferralEvidence")
            .WithSummary("Download an evidence image")
            .WithDescription("The original bytes of one evidence image, as received (JPEG, PNG or TIFF). They are hashed again "
                + "before they are sent and compared with the SHA-256 taken when they were received: bytes that no longer match "
                + $"are never sent, and the answer is 409 with code `{Refusals.Evidence.IntegrityFailed}`.")
            .ProducesImage()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .DescribeResponse(StatusCodes.Status409Conflict, $"The evidence failed its integrity check (`{Refusals.Evidence.IntegrityFailed}`): "
                + "its stored bytes no longer match the SHA-256 taken when it was received, so they are not sent.");
        api.MapGet("{id:guid}/history", GetHistoryAsync)
            .WithName("getReferralHistory")
            .WithSummary("Read a referral's history")
            .WithDescription("Every event of the referral, oldest first: its type, when and by whom.")
            .Produces<IReadOnlyList<ReferralHistoryEntry>>()
            .WithResponseExample(StatusCodes.Status200OK, ReferralExamples.History)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> SubmitAsync(HttpContext http, SubmitReferral handler, UploadLimits limits, ImageIntake intake, CancellationToken ct)
    {
        EvidenceMultipart.AllowBody(http, limits);
        if (EvidenceMultipart.ReaderOf(http.Request) is not { } reader)
            return EvidenceMultipart.NotMultipart("referral", "The body must be multipart/form-data with a 'referral' part and one 'images' file part per image.");

        IdempotentRequest? idempotent = null;
        string? key = null;
        if (http.Request.Headers.TryGetValue(IdempotentRequest.Header, out var sent))
        {
            if (sent.Count != 1 || !IdempotentRequest.IsValid(sent[0] ?? ""))
                return Invalid(IdempotentRequest.Header, ApiProblems.Request.IdempotencyKeyInvalid,
                    $"The {IdempotentRequest.Header} header must be one value of 1 to {IdempotentRequest.MaxLength} visible ASCII characters.");
            key = sent[0];
        }

        var scope = UserScope.From(http.User);
        ValidationResult? validation = null;
        await using var evidence = handler.StartEvidence();
        try
        {
            MultipartSection? section;
            while ((section = await reader.ReadNextSectionAsync(ct)) is not null)
            {
                var disposition = section.GetContentDispositionHeader();
                var name = disposition?.Name.Value;
                if (name == "referral" && validation is null)
                {
                    if (await EvidenceMultipart.ReadJsonPartAsync(section, ct) is not { } json) return EvidenceMultipart.PartTooLarge("referral");
                    // Its exact bytes, hashed: a retry under the same Idempotency-Key must send the same referral.
                    if (key is not null) idempotent = new IdempotentRequest(key, SHA256.HashData(json));
                    ReferralSubmission? submission;
                    try
                    {
                        submission = JsonSerializer.Deserialize<ReferralSubmission>(json, JsonSerializerOptions.Web);
                    }
                    catch (JsonException e)
                    {
                        return Invalid(JsonPath(e.Path), ApiProblems.Request.NotJson, $"The referral is not valid JSON here: {e.Message.Split(". Path:", 2)[0]}.");
                    }
                    if (submission is null) return Invalid("referral", ApiProblems.Request.PartEmpty, "The referral part is empty.");
                    // Validate before reading any file: a bad field costs the border post no upload time.
                    validation = await handler.ValidateAsync(scope, submission, ct);
                    if (!validation.IsValid) return ApiProblems.Validation(Title, validation.Errors);
                }
                else if (name == "images" && disposition!.IsFileDisposition())
                {
                    if (evidence.Count >= limits.MaxFilesPerReferral)
                        return Invalid("images", ApiProblems.Request.TooManyFiles, $"At most {limits.MaxFilesPerReferral} images can be sent with one referral.");
                    await EvidenceMultipart.ReceiveAsync(evidence, intake, section, ct);
                }
                else
                {
                    return Invalid(name ?? "(unnamed part)", ApiProblems.Request.PartUnexpected, "Unexpected part: send one 'referral' part and one 'images' file part per image.");
                }
            }

            if (validation is null) return Invalid("referral", ApiProblems.Request.PartMissing, "The 'referral' part is required.");
            var images = validation.Referral!.Images.Count;
            if (evidence.Count != images)
                return Invalid("images", ApiProblems.Request.FilesMismatch,
                    $"The referral describes {images} image(s) but {evidence.Count} file(s) were sent; send one 'images' part per entry, in the same order.");

            var submitted = await handler.SubmitAsync(scope, validation.Referral, evidence, ct, idempotent);
            return Results.Created($"/api/v1/referrals/{submitted.Id}", new CreatedReferral(submitted.Id, submitted.Reference, submitted.Status));
        }
        catch (ImageRejectedException e)
        {
            return EvidenceMultipart.Refused(e);
        }
        catch (DomainException e) when (e.Code == Refusals.IdempotencyKey.Reused)
        {
            return ApiProblems.Refused(StatusCodes.Status422UnprocessableEntity, "The Idempotency-Key was used for another submission.", e);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return EvidenceMultipart.BodyTooLarge(e);
        }
    }

    private static async Task<IResult> ListAsync(HttpContext http, CaseQueries cases, string? status, int? page, int? pageSize, CancellationToken ct)
    {
        var scope = UserScope.From(http.User);
        ReferralStatus? filter = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Code.TryParse<ReferralStatus>(status, out var parsed))
                return Invalid("status", ApiProblems.Request.QueryValueUnknown, $"'{status}' is not a referral status; use {Code.ListOf<ReferralStatus>()}.");
            filter = parsed;
        }
        var result = await cases.ListForAgencyAsync(scope.AgencyCode!, filter, page ?? 1, pageSize ?? 20, ct);
        return Results.Ok(new ReferralList([.. result.Items.Select(r => new ReferralListItem(r.Id, r.Reference, r.Status, r.SubmittedAt))], result.Total));
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, CaseQueries cases, AccessLog accesses, CancellationToken ct)
    {
        var scope = UserScope.From(http.User);
        var record = await cases.LoadForAsync(scope, id, ct);
        if (record is null) return NotFound();
        await accesses.RecordAsync(id, AccessAction.CaseRead, id.ToString(), scope, http, ct);
        return Results.Ok(ReferralDetails.Of(record));
    }

    private static async Task<IResult> GetEvidenceAsync(Guid id, Guid evidenceId, HttpContext http, CaseQueries cases, EvidenceOriginals originals,
        AccessLog accesses, CancellationToken ct)
    {
        var scope = UserScope.From(http.User);
        var record = await cases.LoadForAsync(scope, id, ct);
        var evidence = record?.FindEvidence(evidenceId);
        if (evidence is null) return NotFound();
        CheckedOriginal original;
        try
        {
            original = await originals.FetchAsync(record!, evidence, EvidenceUse.Downloaded, scope.Actor, ct);
        }
        catch (EvidenceIntegrityException e)
        {
            return EvidenceOriginals.Refused(e);
        }
        // The checked copy is deleted once the response is sent.
        http.Response.RegisterForDisposeAsync(original);
        await accesses.RecordAsync(id, AccessAction.EvidenceRead, evidenceId.ToString(), scope, http, ct);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Stream(original.OpenRead(), evidence.ContentType, enableRangeProcessing: false);
    }

    private static async Task<IResult> GetHistoryAsync(Guid id, HttpContext http, CaseQueries cases, AccessLog accesses, CancellationToken ct)
    {
        var scope = UserScope.From(http.User);
        var record = await cases.LoadForAsync(scope, id, ct);
        if (record is null) return NotFound();
        await accesses.RecordAsync(id, AccessAction.CaseRead, id.ToString(), scope, http, ct);
        // What changed, in English as the API's other words are; the text a person wrote beside it, when the caller may read it.
        var audience = CaseAccess.HistoryAudienceOf(scope);
        return Results.Ok(record.History.Select(h =>
        {
            var line = h.LineFor(audience);
            return new ReferralHistoryEntry(h.Type, h.At, h.Actor, line.In(CultureInfo.InvariantCulture), line.Text);
        }).ToList());
    }

    // Another agency's referral is indistinguishable from one that does not exist.
    private static IResult NotFound() => Results.Problem(statusCode: 404, title: "No such referral.");

    private const string Title = "The referral has errors.";

    private static IResult Invalid(string field, string code, string message) => ApiProblems.Invalid(Title, field, code, message);

    private static string JsonPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "referral" : path.TrimStart('$', '.');
}
