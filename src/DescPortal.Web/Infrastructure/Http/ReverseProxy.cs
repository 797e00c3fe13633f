using Microsoft.AspNetCore.HttpOverrides;
using DescPortal.Web.Infrastructure.Settings;
using Microsoft.Extensions.Options;

namespace DescPortal.Web.Infrastructure.Http;

/// <summary>
/// Behind a reverse proxy every request comes from the proxy's address, so the per-client limits (report
/// verification) would throttle everyone at once. <c>Proxy:KnownProxies</c> (<see cref="ProxyOptions"/>) names the
/// proxies whose X-Forwarded-For and X-Forwarded-Proto are believed; nobody else's are, so a client cannot pick its own
/// address. Unset (the default): the connection's own address counts and the headers are ignored.
/// </summary>
public static class ReverseProxy
{
    /// <summary>The options for the configured proxies, or null when there are none.</summary>
    public static ForwardedHeadersOptions? OptionsFrom(ProxyOptions proxies)
    {
        ArgumentNullException.ThrowIfNull(proxies);
        var addresses = proxies.Addresses();
        if (addresses.Count == 0) return null;
        var options = new ForwardedHeadersOptions();
        Apply(options, addresses);
        return options;
    }

    public static void UseDescForwardedHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Its options (AddDescForwardedHeaders) are read when the pipeline is built at start, after the settings' check.
        app.UseForwardedHeaders();
    }

    /// <summary>Section <c>Proxy</c>, and the middleware's options from it: no proxies, no headers believed.</summary>
    public static IServiceCollection AddDescForwardedHeaders(this IServiceCollection services, IConfiguration config)
    {
        services.AddSettings<ProxyOptions>(config);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((o, proxies) => Apply(o, proxies.Value.Addresses()));
        return services;
    }

    private static void Apply(ForwardedHeadersOptions options, IReadOnlyList<System.Net.IPAddress> proxies)
    {
        options.ForwardedHeaders = proxies.Count == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = 1;
        // ASP.NET Core trusts loopback by default: only the named proxies are.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies) options.KnownProxies.Add(proxy);
    }
}
