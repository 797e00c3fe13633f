using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace DescPortal.Web.Infrastructure.Http;

/// <summary>
/// The headers every answer carries: a Content-Security-Policy that runs only the portal's own script files, no
/// framing, no sniffing; outside Development, HSTS and cookies sent over HTTPS only.
/// </summary>
public static partial class SecurityHeaders
{
    /// <summary>
    /// The pages' policy. Scripts: the portal's own files only (Blazor, MudBlazor, OpenSeadragon and ours are files, no
    /// page has an inline script, Blazor Server needs no eval). Styles keep 'unsafe-inline': MudBlazor writes style
    /// attributes and its theme's &lt;style&gt; element at run time; a style cannot run code. Images: data: and blob:
    /// for MudBlazor's icons and the viewers' canvases. connect-src 'self' covers the circuit's WebSocket.
    /// </summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference page (Scalar): its one inline script (the configuration) is allowed by its SHA-256, computed
    /// from the page as served, so script-src needs neither 'unsafe-inline' nor 'unsafe-eval' there either (Scalar's
    /// bundle probes for eval and works without it). Workers from blob: for its code samples.
    /// </summary>
    private static string ReferencePolicy(string scriptHashes) =>
        $"default-src 'self'; script-src 'self' {scriptHashes}; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; "
        + "form-action 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddDescSecurityHeaders(this IServiceCollection services, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        // Every cookie (sign-in, antiforgery) is Secure outside Development, where the portal is reached over HTTPS
        // (directly, or through a proxy named in Proxy:KnownProxies); plain http on a developer's machine keeps working.
        services.Configure<CookiePolicyOptions>(o =>
            o.Secure = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
        return services;
    }

    /// <summary>Early in the pipeline (after the exception handler, before static files), so every answer has them.</summary>
    public static void UseDescSecurityHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseCookiePolicy();
        app.Use((ctx, next) =>
        {
            var headers = ctx.Response.Headers;
            headers.ContentSecurityPolicy = PagePolicy;
            // For browsers older than frame-ancestors, and against sniffing evidence into something else.
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            return next(ctx);
        });
        app.UseWhen(ctx => IsReferencePage(ctx.Request.Path), reference => reference.Use(AllowInlineScriptsByHashAsync));
    }

    /// <summary>The reference page itself (<c>/api/docs/</c>), not its script files.</summary>
    private static bool IsReferencePage(PathString path) =>
        path.StartsWithSegments(ApiReference.Path, out var rest) && !Path.HasExtension(rest.Value);

    /// <summary>Holds the (small) page back, hashes each inline script in it and names those hashes in the policy.</summary>
    private static async Task AllowInlineScriptsByHashAsync(HttpContext ctx, RequestDelegate next)
    {
        var body = ctx.Response.Body;
        using var page = new MemoryStream();
        ctx.Response.Body = page;
        try
        {
            await next(ctx);
        }
        finally
        {
            ctx.Response.Body = body;
        }
        if (ctx.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            var hashes = InlineScript().Matches(Encoding.UTF8.GetString(page.GetBuffer(), 0, (int)page.Length))
                .Select(m => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups[1].Value)))}'");
            ctx.Response.Headers.ContentSecurityPolicy = ReferencePolicy(string.Join(' ', hashes));
        }
        page.Position = 0;
        await page.CopyToAsync(body, ctx.RequestAborted);
    }

    /// <summary>A script element without src, and its text exactly as the browser hashes it.</summary>
    [GeneratedRegex(@"<script\b(?![^>]*\bsrc\s*=)[^>]*>(.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
