using System.Net;
using System.Net.Sockets;
using Azure;
using DescPortal.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace DescPortal.Web.Infrastructure.Http;

/// <summary>
/// PostgreSQL or blob storage out of reach (stopped, restarting, the network gone) is an outage, not a fault of the
/// request: the answer is 503 with <c>Retry-After</c>, for the API a problem document with code
/// <see cref="Code"/>, for a page a short message; never a 500 with a stack trace. Nothing waits for the storage to
/// come back and nothing has to restart: the next request uses fresh connections. After the security headers, before
/// everything that may reach the storage.
/// </summary>
public static class StorageOutage
{
    public const string Code = "service.unavailable";
    public const int RetryAfterSeconds = 10;

    public static void UseDescStorageOutage(this WebApplication app) => app.Use(async (http, next) =>
    {
        try
        {
            await next(http);
        }
        catch (Exception e) when (IsOutage(e) && !http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StorageOutage))
                .LogWarning(e, "Storage unreachable during {Method} {Path}: answered 503", http.Request.Method, http.Request.Path);
            // Not Clear(): the security headers set before the endpoint ran stay on the answer.
            http.Response.Headers.ContentLength = null;
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (http.Request.Path.StartsWithSegments("/api"))
            {
                await ApiProblems.Refused(StatusCodes.Status503ServiceUnavailable, "The service is unavailable for a moment.", Code,
                    $"The portal cannot reach its storage. Try again in {RetryAfterSeconds} seconds; a submission sent again with the "
                    + "same Idempotency-Key is never stored twice.").ExecuteAsync(http);
                return;
            }
            var l = http.RequestServices.GetRequiredService<IStringLocalizer<Strings>>();
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync($"""
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{Html(l["DescPortal is unavailable for a moment"])}</title></head>
                <body><main data-testid="storage-outage"><h1>{Html(l["DescPortal is unavailable for a moment"])}</h1>
                <p>{Html(l["The portal cannot reach its storage. Nothing you saved is lost. Reload this page in a minute."])}</p></main></body></html>
                """);
        }
    });

    /// <summary>
    /// True when <paramref name="e"/> (or what it wraps: Marten's and the Azure SDK's retries wrap the cause) says the
    /// storage could not be reached, rather than that it refused what was asked (a constraint, a conflict, a 4xx).
    /// </summary>
    public static bool IsOutage(Exception e) => e switch
    {
        // Connection lost or refused, server shutting down or starting (08: connection exception, 57P: operator intervention).
        PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("57P", StringComparison.Ordinal),
        NpgsqlException => true,
        RequestFailedException { Status: 0 } => true,
        RequestFailedException { Status: (int)HttpStatusCode.ServiceUnavailable or (int)HttpStatusCode.GatewayTimeout } => true,
        HttpRequestException or SocketException => true,
        AggregateException a => a.InnerExceptions.Any(IsOutage),
        _ => e.InnerException is { } inner && IsOutage(inner),
    };

    private static string Html(LocalizedString s) => WebUtility.HtmlEncode(s.Value);
}
