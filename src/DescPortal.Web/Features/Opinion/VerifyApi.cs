using DescPortal.Web.Infrastructure.Http;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DescPortal.Web.Features.Opinion;

/// <summary>
/// <c>POST /api/v1/reports/verify</c>, without a key: the PDF as the body (application/pdf), matched by its SHA-256,
/// or <c>{ "code": "..." }</c>. Always 200 with Genuine, Superseded or Unknown (429 when asked too often).
/// </summary>
public static class VerifyApi
{
    public const string Tag = "Reports";

    /// <summary>The verification code printed on the report (and in its QR code).</summary>
    public sealed record VerificationRequest(string? Code);

    public sealed record VerificationResponse(
        [property: JsonConverter(typeof(JsonStringEnumConverter<VerificationResult>))] VerificationResult Result,
        string? ReportNumber, DateTimeOffset? IssuedAt, string? SupersededBy);

    public static void MapVerifyApi(this WebApplication app) =>
        app.MapPost("/api/v1/reports/verify", VerifyAsync).AllowAnonymous().DisableAntiforgery().WithTags(Tag)
            .WithName("verifyReport")
            .WithSummary("Verify an expert report")
            .WithDescription("Tells whether a report is one this centre issued, without a key: send the PDF itself "
                + "(application/pdf, matched by its SHA-256) or the verification code printed on it (`{ \"code\": \"...\" }`). "
                + "Always 200 with `Genuine`, `Superseded` (with the report that replaces it) or `Unknown`; 429 when one "
                + "address asks too often.")
            .DescribeJsonOrBinaryBody<VerificationRequest>("application/pdf")
            .Produces<VerificationResponse>()
            .WithResponseExample(StatusCodes.Status200OK, new VerificationResponse(VerificationResult.Superseded, "DESC-2026-000042-R1",
                new DateTimeOffset(2026, 12, 7, 10, 42, 0, TimeSpan.Zero), "DESC-2026-000042-R2"))
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<IResult> VerifyAsync(HttpContext http, ReportVerification verification, CancellationToken ct)
    {
        if (!verification.TryAcquire(ClientAddress.Of(http)))
            return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many verifications from this address; try again in a minute.");
        var type = http.Request.ContentType ?? "";
        VerificationAnswer answer;
        if (type.StartsWith("application/pdf", StringComparison.OrdinalIgnoreCase))
        {
            answer = await verification.ByPdfAsync(http.Request.Body, ct);
        }
        else
        {
            string? code = null;
            try
            {
                using var json = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: ct);
                if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String)
                    code = c.GetString();
            }
            catch (JsonException)
            {
                // Not JSON: no code, so Unknown, as the contract says.
            }
            answer = await verification.ByCodeAsync(code, ct);
        }
        return Results.Ok(new VerificationResponse(answer.Result, answer.ReportNumber, answer.IssuedAt, answer.SupersededBy));
    }
}
