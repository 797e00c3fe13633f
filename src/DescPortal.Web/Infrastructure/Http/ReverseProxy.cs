using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace DescPortal.Web.Infrastructure.Http;

/// <summary>
/// Behind a reverse proxy every request comes from the proxy's address, so the per-client limits (report
/// verification) would throttle everyone at once. <c>Proxy:KnownProxies</c> ("10.0.0.5, 10.0.0.6") names the proxies
/// whose X-Forwarded-For and X-Forwarded-Proto are believed; nobody else's are, so a client cannot pick its own address.
/// Unset (the default): the connection's own address counts and the headers are ignored.
/// </summary>
public static class ReverseProxy
{
    public const string Setting = "Proxy:KnownProxies";

    /// <summary>The options for the configured proxies, or null when there are none.</summary>
    public static ForwardedHeadersOptions? OptionsFrom(IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var listed = config[Setting];
        if (string.IsNullOrWhiteSpace(listed)) return null;
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = 1,
        };
        // ASP.NET Core trusts loopback by default: only the named proxies are.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in listed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!IPAddress.TryParse(entry, out var address))
                throw new InvalidOperationException($"{Setting}: '{entry}' is not an IP address (list the proxies' addresses, separated by commas).");
            options.KnownProxies.Add(address);
        }
        return options;
    }

    public static void UseDescForwardedHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (OptionsFrom(app.Configuration) is { } options) app.UseForwardedHeaders(options);
    }
}
