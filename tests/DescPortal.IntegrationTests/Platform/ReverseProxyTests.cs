using System.Net;
using DescPortal.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace DescPortal.IntegrationTests.Platform;

/// <summary>Which client address the per-client limits see, behind a reverse proxy and without one (ASP.NET Core's own middleware).</summary>
public sealed class ReverseProxyTests
{
    private static ProxyOptions Config(string? proxies) => new() { KnownProxies = proxies };

    /// <summary>The address verification would count for a request from <paramref name="peer"/> saying it forwards <paramref name="forwardedFor"/>.</summary>
    private static async Task<string> ClientSeenAsync(string? proxies, string peer, string forwardedFor)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        http.Request.Headers["X-Forwarded-For"] = forwardedFor;
        string? seen = null;
        RequestDelegate app = ctx => { seen = ClientAddress.Of(ctx); return Task.CompletedTask; };
        if (ReverseProxy.OptionsFrom(Config(proxies)) is { } options)
            await new ForwardedHeadersMiddleware(app, NullLoggerFactory.Instance, Microsoft.Extensions.Options.Options.Create(options)).Invoke(http);
        else
            await app(http);
        return seen!;
    }

    [Fact]
    public async Task Behind_a_named_proxy_each_client_is_counted_by_its_own_address()
    {
        Assert.Equal("203.0.113.7", await ClientSeenAsync("10.0.0.5, 10.0.0.6", "10.0.0.6", "203.0.113.7"));
        // Only the last hop is believed: a client cannot slip in an address of its choosing before it.
        Assert.Equal("203.0.113.7", await ClientSeenAsync("10.0.0.5", "10.0.0.5", "198.51.100.1, 203.0.113.7"));
    }

    [Fact]
    public async Task A_client_that_is_not_a_named_proxy_cannot_choose_its_address()
    {
        Assert.Equal("192.0.2.10", await ClientSeenAsync("10.0.0.5", "192.0.2.10", "203.0.113.7"));
        // Loopback is not trusted unless named.
        Assert.Equal("127.0.0.1", await ClientSeenAsync("10.0.0.5", "127.0.0.1", "203.0.113.7"));
        // No proxies configured: the header means nothing.
        Assert.Equal("127.0.0.1", await ClientSeenAsync(null, "127.0.0.1", "203.0.113.7"));
    }

    [Fact]
    public void A_setting_that_is_not_an_address_is_refused_naming_the_setting_and_the_entry()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => ReverseProxy.OptionsFrom(Config("10.0.0.5, proxy.local")));
        Assert.Contains("Proxy:KnownProxies", refused.Message, StringComparison.Ordinal);
        Assert.Contains("'proxy.local'", refused.Message, StringComparison.Ordinal);
    }
}
