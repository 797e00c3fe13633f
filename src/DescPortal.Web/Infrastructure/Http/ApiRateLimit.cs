using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Infrastructure.Settings;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace DescPortal.Web.Infrastructure.Http;

/// <summary>Configuration section <c>Api</c>: what API v1 allows one border system.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary><c>Api:RequestsPerMinute</c>: requests one API key may make in a minute; beyond, 429 with Retry-After.</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerMinute { get; set; } = 600;
}

/// <summary>
/// Each API key gets <c>Api:RequestsPerMinute</c> requests a minute (ASP.NET Core's rate limiter, a fixed window per
/// key), so one border system's loop cannot starve the others or the examiners. The limiter runs after authorization:
/// it counts only requests whose key was accepted (a caller without one gets its 401 first), and it needs no attribute
/// on the endpoints, so an endpoint added later is limited too.
/// </summary>
public static class ApiRateLimit
{
    public static IServiceCollection AddDescApiRateLimit(this IServiceCollection services, IConfiguration config)
    {
        services.AddSettings<ApiOptions>(config);
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ApiOptions>>((o, api) =>
        {
            var perMinute = api.Value.RequestsPerMinute;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => KeyOf(http.User) is { } key
                ? RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(""));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, ct) => RejectAsync(context, perMinute);
        });
        return services;
    }

    /// <summary>After <c>UseAuthorization</c>: the key's principal is known by then.</summary>
    public static void UseDescApiRateLimit(this WebApplication app) => app.UseRateLimiter();

    /// <summary>The key a request was accepted with (its id, as the key handler names it), or null for anyone else.</summary>
    private static string? KeyOf(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, AuthenticationType: ApiKeyDefaults.Scheme }
            ? user.FindFirstValue(ClaimTypes.NameIdentifier)
            : null;

    private static async ValueTask RejectAsync(OnRejectedContext context, int perMinute)
    {
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        var http = context.HttpContext;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiProblems.Refused(StatusCodes.Status429TooManyRequests, "Too many requests for this API key.", ApiProblems.Request.RateLimited,
            $"An API key may make {perMinute} requests a minute; retry after {seconds} seconds.").ExecuteAsync(http);
    }
}
