using System.Globalization;
using DescPortal.Core;
using DescPortal.Core.Referrals;

namespace DescPortal.Web.Infrastructure.Http;

/// <summary>
/// Problem details for API callers, an exact contract: the English words as they always were (<c>errors</c> by field,
/// a refusal's <c>detail</c>), whatever the server's culture, and beside them the codes another system acts on:
/// <c>codes</c> (field to codes) on a validation problem, <c>code</c> on a single refusal. Codes are those of
/// <see cref="Refusals"/> for what the content breaks, and of <see cref="Request"/> for the form of the request.
/// </summary>
public static class ApiProblems
{
    /// <summary>
    /// Problems with the request itself rather than with what it says (a body of another kind, a part missing, too
    /// many files, a query value that is no code): the API's own, worded in English only.
    /// </summary>
    public static class Request
    {
        public const string NotMultipart = "request.not-multipart";
        public const string NotJson = "request.not-json";
        public const string PartEmpty = "request.part-empty";
        public const string PartMissing = "request.part-missing";
        public const string PartUnexpected = "request.part-unexpected";
        public const string TooManyFiles = "request.too-many-files";
        public const string FilesMismatch = "request.files-mismatch";
        public const string TooLarge = "request.too-large";
        public const string PartTooLarge = "request.part-too-large";
        public const string QueryValueUnknown = "request.query-value-unknown";
        public const string NoMrz = "request.no-mrz";
        public const string IdempotencyKeyInvalid = "request.idempotency-key-invalid";
        public const string RateLimited = "request.rate-limited";
    }

    /// <summary>400 with every field error: <c>errors</c> their English words by path, <c>codes</c> their codes by path.</summary>
    public static IResult Validation(string title, IEnumerable<FieldError> errors)
    {
        var byPath = errors.GroupBy(e => e.Path, StringComparer.Ordinal).ToList();
        return Results.ValidationProblem(
            byPath.ToDictionary(g => g.Key, g => g.Select(e => e.MessageIn(CultureInfo.InvariantCulture)).ToArray(), StringComparer.Ordinal),
            title: title,
            extensions: new Dictionary<string, object?>
            {
                ["codes"] = byPath.ToDictionary(g => g.Key, g => g.Select(e => e.Code).ToArray(), StringComparer.Ordinal),
            });
    }

    /// <summary>400 for one field, worded by the API itself; a null title is ASP.NET Core's own.</summary>
    public static IResult Invalid(string? title, string field, string code, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: title,
            extensions: new Dictionary<string, object?> { ["codes"] = new Dictionary<string, string[]> { [field] = [code] } });

    /// <summary>A refusal (409, say): its English words as <c>detail</c>, its <c>code</c> beside them.</summary>
    public static IResult Refused(int status, string title, DomainException refusal) =>
        Refused(status, title, refusal.Code, refusal.MessageIn(CultureInfo.InvariantCulture));

    /// <summary>A single refusal with its <c>code</c>; <paramref name="detail"/> is left out when null.</summary>
    public static IResult Refused(int status, string title, string code, string? detail, IDictionary<string, string[]>? errors = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (errors is not null)
            extensions["errors"] = errors;
        return Results.Problem(statusCode: status, title: title, detail: detail, extensions: extensions);
    }
}
