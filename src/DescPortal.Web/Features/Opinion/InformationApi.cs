using System.ComponentModel;
using System.Text.Json;
using DescPortal.Core;
using DescPortal.Core.Referrals;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.Http;
using DescPortal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using DescPortal.Web.Features.Cases;

namespace DescPortal.Web.Features.Opinion;

/// <summary>
/// <c>POST /api/v1/referrals/{id}/information</c> (agency key): the answer to the examiner's request for more
/// material, as multipart: an <c>answer</c> part <c>{ "message": "...", "images": [ { "document", "lightSource",
/// "area", "dpi", ... } ] }</c> (the image fields of a submission) and one <c>images</c> file part per image.
/// 200 with the referral's id, reference and status; 409 when no request is open.
/// </summary>
public static class InformationApi
{
    [Description("The answer to a request for more material: a message, images, or both.")]
    public sealed class AnswerSubmission
    {
        [Description("What the officer has to say: required when no image is sent (why there is none).")]
        public string? Message { get; set; }

        [Description("One entry per `images` file part, in the same order (the image fields of a referral).")]
        public List<ImageSubmission> Images { get; set; } = [];
    }

    /// <summary>The referral once answered (its status is back to where the examiner can go on).</summary>
    public sealed record AnsweredReferral(Guid Id, string Reference, ReferralStatus Status);

    public static void MapInformationApi(this WebApplication app) =>
        app.MapReferralsGroup().MapPost("{id:guid}/information", AnswerAsync)
            .WithName("answerInformationRequest")
            .WithSummary("Answer a request for more material")
            .WithDescription("Answers the examiner's open request for more material: a multipart/form-data body with one "
                + "`answer` part (JSON, at most 256 KB: a message and the description of each image) and one `images` file part per image, in "
                + "the same order. Images are optional when the message says why there are none. 409 when no request is open "
                + "or the referral changed meanwhile.")
            .DescribeMultipartBody<AnswerSubmission>("answer", "images")
            .Produces<AnsweredReferral>()
            .WithResponseExample(StatusCodes.Status200OK,
                new AnsweredReferral(Guid.Parse("6f1c2a4e-0b7d-4c8e-9a35-2d1f0e7b9c41"), "DESC-2026-000042", ReferralStatus.InExamination))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> AnswerAsync(Guid id, HttpContext http, AnswerInformation handler, ImageIntake intake, UploadLimits limits,
        CaseQueries cases, TimeProvider clock, CancellationToken ct)
    {
        EvidenceMultipart.AllowBody(http, limits);
        var scope = UserScope.From(http.User);
        var record = await cases.LoadForAsync(scope, id, ct);
        if (record is null) return Results.Problem(statusCode: 404, title: "No such referral.");
        if (EvidenceMultipart.ReaderOf(http.Request) is not { } reader)
            return EvidenceMultipart.NotMultipart("answer", "The body must be multipart/form-data with an 'answer' part and one 'images' file part per image.");

        AnswerSubmission? answer = null;
        IReadOnlyList<ImageDescription> images = [];
        await using var evidence = handler.StartEvidence(id);
        try
        {
            MultipartSection? section;
            while ((section = await reader.ReadNextSectionAsync(ct)) is not null)
            {
                var disposition = section.GetContentDispositionHeader();
                if (disposition?.Name.Value == "answer" && answer is null)
                {
                    if (await EvidenceMultipart.ReadJsonPartAsync(section, ct) is not { } json) return EvidenceMultipart.PartTooLarge("answer");
                    try
                    {
                        answer = JsonSerializer.Deserialize<AnswerSubmission>(json, JsonSerializerOptions.Web);
                    }
                    catch (JsonException e)
                    {
                        return Invalid("answer", ApiProblems.Request.NotJson, $"The answer is not valid JSON: {e.Message.Split(". Path:", 2)[0]}.");
                    }
                    if (answer is null) return Invalid("answer", ApiProblems.Request.PartEmpty, "The answer part is empty.");
                    // Images are optional here: a message alone can answer ("no better image exists").
                    if (answer.Images is { Count: > 0 })
                    {
                        var (valid, errors) = ReferralValidation.ValidateAddedImages(answer.Images, record.Case.DocumentCount, clock.GetUtcNow(), limits);
                        if (errors.Count > 0)
                            return ApiProblems.Validation(Title, errors);
                        images = valid;
                    }
                }
                else if (disposition?.Name.Value == "images" && disposition.IsFileDisposition())
                {
                    if (evidence.Count >= limits.MaxFilesPerReferral)
                        return Invalid("images", ApiProblems.Request.TooManyFiles, $"At most {limits.MaxFilesPerReferral} images can be sent at once.");
                    await EvidenceMultipart.ReceiveAsync(evidence, intake, section, ct);
                }
                else
                {
                    return Invalid(disposition?.Name.Value ?? "(unnamed part)", ApiProblems.Request.PartUnexpected,
                        "Unexpected part: send one 'answer' part and one 'images' file part per image.");
                }
            }
            if (answer is null) return Invalid("answer", ApiProblems.Request.PartMissing, "The 'answer' part is required.");
            if (evidence.Count != images.Count)
                return Invalid("images", ApiProblems.Request.FilesMismatch, $"The answer describes {images.Count} image(s) but {evidence.Count} file(s) were sent.");
            if (images.Count == 0 && string.IsNullOrWhiteSpace(answer.Message))
                return Invalid("message", Refusals.Opinion.AnswerEmpty, "Send images, or a message saying why there are none.");

            var after = await handler.AnswerAsync(scope, id, record.Version, answer.Message, images, evidence, ct);
            return Results.Ok(new AnsweredReferral(after.Id, after.Reference, after.Status));
        }
        catch (CaseChangedException e)
        {
            return ApiProblems.Refused(StatusCodes.Status409Conflict, "The referral changed meanwhile; read it again and resend.", e.Code, detail: null);
        }
        catch (DomainException e)
        {
            return ApiProblems.Refused(StatusCodes.Status409Conflict, "The answer cannot be recorded.", e);
        }
        catch (ImageRejectedException e)
        {
            return EvidenceMultipart.Refused(e);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return EvidenceMultipart.BodyTooLarge(e);
        }
    }

    private const string Title = "The answer has errors.";

    private static IResult Invalid(string field, string code, string message) => ApiProblems.Invalid(Title, field, code, message);
}
