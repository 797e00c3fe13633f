using System.Text.Encodings.Web;
using System.Text.Json;
using DescPortal.Core.Mrz;
using DescPortal.Web.Infrastructure.Http;
using DescPortal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace DescPortal.Web.Features.Examination;

/// <summary>
/// POST /api/v1/mrz/check (an exact contract): border systems call it on its own, with the key of their agency.
/// Anything with a line of MRZ characters gets 200 and the parser's findings, however wrong the MRZ; only input
/// with no MRZ at all is a 400.
/// </summary>
public static class MrzApi
{
    public const string Tag = "MRZ";

    /// <summary>Three lines of 44 with JSON around them fit many times over; more is not an MRZ.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    public sealed record MrzCheckRequest(string? Mrz);

    public static void MapMrzApi(this WebApplication app)
    {
        app.MapPost("/api/v1/mrz/check", CheckAsync)
            .RequireAuthorization(Policies.AgencyApi)
            .DisableAntiforgery()
            .WithTags(Tag)
            .WithName("checkMrz")
            .WithSummary("Check a machine readable zone")
            .WithDescription("Parses a TD1, TD2 or TD3 MRZ (`{ \"mrz\": \"<lines separated by \\n>\" }`) and checks every check "
                + "digit, every character against its field's set and the state codes against ICAO's list. Anything with a line "
                + "of MRZ characters gets 200 with the fields, checks and errors (each with its `field` and `code`), however "
                + "wrong the MRZ; 400 only when there is no MRZ line at all.")
            .DescribeJsonBody<MrzCheckRequest>()
            .Produces<MrzCheckResult>()
            .WithResponseExample(StatusCodes.Status200OK, Example)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    /// <summary>The document's example: what the check answers for ICAO Doc 9303's specimen passport of ANNA MARIA ERIKSSON.</summary>
    private static MrzCheckResult Example =>
        MrzCheck.TryRun("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10", new DateOnly(2026, 12, 7), out var result)
            ? result
            : throw new InvalidOperationException("The example MRZ is no MRZ.");

    private static async Task<IResult> CheckAsync(HttpContext http, TimeProvider clock, IOptions<JsonOptions> json, CancellationToken ct)
    {
        // A body without a content type is read as JSON; one that says it is something else is not.
        if (http.Request.ContentType is { Length: > 0 } && !http.Request.HasJsonContentType())
            return ApiProblems.Refused(StatusCodes.Status415UnsupportedMediaType, "The body must be application/json.", ApiProblems.Request.NotJson,
                "Send { \"mrz\": \"<the lines separated by \\n>\" } as application/json.");
        var body = await ReadBoundedAsync(http.Request.Body, ct);
        if (body is null)
            return ApiProblems.Refused(StatusCodes.Status413PayloadTooLarge, "The request is too large.", ApiProblems.Request.TooLarge,
                $"An MRZ check takes at most {MaxBodyBytes / 1024} KB.");

        MrzCheckRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<MrzCheckRequest>(body, json.Value.SerializerOptions);
        }
        catch (JsonException)
        {
            return Invalid(ApiProblems.Request.NotJson, "The body must be JSON: { \"mrz\": \"<the lines separated by \\n>\" }.");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return MrzCheck.TryRun(request?.Mrz, today, out var result)
            ? Results.Json(result, ResponseOptions(json.Value.SerializerOptions))
            : Invalid(ApiProblems.Request.NoMrz, "No line of MRZ characters (A to Z, 0 to 9 and the filler <) was found.");
    }

    private static IResult Invalid(string code, string message) => ApiProblems.Invalid("The MRZ cannot be checked.", "mrz", code, message);

    private static JsonSerializerOptions? _responseOptions;

    /// <summary>
    /// The app's options, but writing the filler '&lt;' as itself rather than \u003C: the answer is JSON for machines,
    /// never embedded in HTML, and people read MRZ fields in it.
    /// </summary>
    private static JsonSerializerOptions ResponseOptions(JsonSerializerOptions app) =>
        _responseOptions ??= new JsonSerializerOptions(app) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The body, or null when it is larger than <see cref="MaxBodyBytes"/> (read no further than that).</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, CancellationToken ct)
    {
        var buffer = new byte[MaxBodyBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(length), ct)) > 0) length += read;
        return length > MaxBodyBytes ? null : buffer[..length];
    }
}
