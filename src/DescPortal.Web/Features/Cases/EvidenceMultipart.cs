using System.Globalization;
using DescPortal.Core;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace DescPortal.Web.Features.Cases;

/// <summary>
/// The parts every API that receives evidence shares (a referral, an answer to a request for more material): a
/// multipart body of one JSON part and one <c>images</c> file part per image, streamed section by section into an
/// <see cref="EvidenceBatch"/>, and the same answers when an image or the body is refused.
/// </summary>
public static class EvidenceMultipart
{
    /// <summary>
    /// The largest JSON part (<c>referral</c>, <c>answer</c>) read: a referral with every field at its longest is
    /// far smaller, so anything larger is refused (413) instead of being held in memory.
    /// </summary>
    public const int MaxJsonPartBytes = 256 * 1024;

    /// <summary>Lets the body be as large as every file at its limit; the limit per file is the intake's.</summary>
    public static void AllowBody(HttpContext http, UploadLimits limits)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } max)
            max.MaxRequestBodySize = limits.MaxFileBytes * limits.MaxFilesPerReferral + 1024 * 1024;
    }

    /// <summary>The reader of a multipart/form-data body; null for any other body.</summary>
    public static MultipartReader? ReaderOf(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
        && HeaderUtilities.RemoveQuotes(type.Boundary).Value is { Length: > 0 } boundary
            ? new MultipartReader(boundary, request.Body)
            : null;

    /// <summary>
    /// The JSON part's bytes, read a chunk at a time and never more than <see cref="MaxJsonPartBytes"/> of them; null
    /// as soon as the part proves larger (the rest is not read).
    /// </summary>
    public static async Task<byte[]?> ReadJsonPartAsync(MultipartSection section, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(section);
        using var json = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await section.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (json.Length + read > MaxJsonPartBytes) return null;
            json.Write(chunk, 0, read);
        }
        return json.ToArray();
    }

    /// <summary>413 for a JSON part over <see cref="MaxJsonPartBytes"/>, naming the part in <c>errors</c>.</summary>
    public static IResult PartTooLarge(string part)
    {
        var message = $"The '{part}' part may be at most {MaxJsonPartBytes / 1024} KB.";
        return ApiProblems.Refused(StatusCodes.Status413PayloadTooLarge, $"The {part} part is too large.", ApiProblems.Request.PartTooLarge,
            message, new Dictionary<string, string[]> { [part] = [message] });
    }

    /// <summary>Receives one image part (checked by content, hashed) into the batch as "Image N".</summary>
    /// <exception cref="ImageRejectedException">Refused, with the image's index.</exception>
    public static async Task ReceiveAsync(EvidenceBatch evidence, ImageIntake intake, MultipartSection section, CancellationToken ct)
    {
        var index = evidence.Count;
        var label = $"Image {index + 1}";
        StagedImage received;
        try
        {
            received = await intake.ReceiveAsync(section.Body, label, ct);
        }
        catch (ImageRejectedException e)
        {
            throw e.OfImage(index);
        }
        // Verified and stored in the background while the next part arrives.
        evidence.Add(received, label);
    }

    /// <summary>
    /// 415 for a body that is not multipart/form-data (<see cref="ReaderOf"/> gave no reader), naming the JSON part in
    /// <c>errors</c>. The handler checks this itself, after authorization (see <c>ApiRequestBody</c>).
    /// </summary>
    public static IResult NotMultipart(string part, string message) =>
        ApiProblems.Refused(StatusCodes.Status415UnsupportedMediaType, "The body must be multipart/form-data.", ApiProblems.Request.NotMultipart,
            message, new Dictionary<string, string[]> { [part] = [message] });

    /// <summary>413, 415 or 422 by the reason, naming the image in <c>errors["images[i]"]</c>, with the refusal's code.</summary>
    public static IResult Refused(ImageRejectedException e)
    {
        var status = e.Reason switch
        {
            ImageRejection.TooLarge => StatusCodes.Status413PayloadTooLarge,
            ImageRejection.NotAnImage => StatusCodes.Status415UnsupportedMediaType,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        var message = e.MessageIn(CultureInfo.InvariantCulture);
        return ApiProblems.Refused(status, "An image was refused.", e.Code, message,
            new Dictionary<string, string[]> { [$"images[{e.ImageIndex ?? 0}]"] = [message] });
    }

    /// <summary>413 for a body past <see cref="AllowBody"/>'s limit.</summary>
    public static IResult BodyTooLarge(BadHttpRequestException e) =>
        ApiProblems.Refused(StatusCodes.Status413PayloadTooLarge, "The request is too large.", ApiProblems.Request.TooLarge, e.Message);
}
