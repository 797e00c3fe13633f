using System.Net;
using DescPortal.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.StaticAssets;
using Xunit;

namespace DescPortal.IntegrationTests.Platform;

/// <summary>
/// The fallback policy: every endpoint the portal maps (read from the running portal, so one added later is checked
/// too) needs a signed-in person or an agency key, unless it is one of the public ones below, decided one by one.
/// An endpoint that says nothing about access is closed, not open.
/// </summary>
public sealed class FallbackPolicyTests(IntegrationHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>What anyone may reach without signing in, besides static files (stylesheets, scripts, Blazor's framework files).</summary>
    // The second-factor step (its caller holds Identity's two-factor cookie, not yet a session) and the one-time link's
    // page (its caller has no password yet: the link's token is the proof) are reached before anyone is signed in.
    private static readonly string[] PublicPaths =
        ["/account/signin", "/account/denied", "/account/second-factor", "/account/set-password", "/verify", "/alive", "/health",
         "/api/docs", "/openapi", "/api/v1/reports/verify"];

    private static bool IsStaticFile(PortalEndpoint e) => e.Endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null;

    private static bool IsPublic(PortalEndpoint e)
    {
        var path = e.Name.Split(' ')[1];
        return IsStaticFile(e) || PublicPaths.Any(p => path == p || path.StartsWith(p + "/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_endpoint_but_the_public_ones_sends_an_anonymous_caller_to_sign_in_or_answers_401()
    {
        var closed = PortalEndpoints.Of(host.Services).Where(e => !IsPublic(e)).ToList();
        // Pages, the case API, the circuit's hub, and an endpoint that declares nothing at all (the not-found page):
        // the last is what the fallback policy is for.
        Assert.Contains(closed, e => e.Name == "GET /queue");
        Assert.Contains(closed, e => e.Name == "POST /api/v1/referrals");
        Assert.Contains(closed, e => e.Name == "GET /_blazor/negotiate");
        Assert.Contains(closed, e => e.Endpoint.Metadata.GetMetadata<IAuthorizeData>() is null && e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null);

        using var anonymous = host.CreateClient(new() { AllowAutoRedirect = false });
        var open = new List<string>();
        foreach (var e in closed)
        {
            using var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(e.Method), e.Url), Ct);
            var toSignIn = response.StatusCode == HttpStatusCode.Redirect
                && response.Headers.Location?.OriginalString.Contains("/account/signin", StringComparison.Ordinal) == true;
            if (response.StatusCode != HttpStatusCode.Unauthorized && !toSignIn)
                open.Add($"{e.Name} ({e.Url}): {(int)response.StatusCode} {response.Headers.Location}");
        }
        Assert.True(open.Count == 0, "Answered an anonymous caller:\n" + string.Join('\n', open));
    }

    [Fact]
    public void Every_endpoint_that_lets_anyone_in_is_one_of_the_public_ones()
    {
        var anonymous = PortalEndpoints.Of(host.Services).Where(e => e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null).ToList();
        Assert.Contains(anonymous, IsStaticFile);
        Assert.Empty(anonymous.Where(e => !IsPublic(e)).Select(e => e.Name));
    }

    [Theory]
    [InlineData("/account/signin")]
    [InlineData("/verify")]
    [InlineData("/alive")]
    [InlineData("/health")]
    [InlineData("/api/docs/")]
    [InlineData("/api/docs/scalar.js")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.js")]
    [InlineData("/favicon.svg")]
    [InlineData("/vendor/openseadragon/openseadragon.min.js")]
    public async Task The_public_ones_answer_without_signing_in(string url)
    {
        using var anonymous = host.CreateClient(new() { AllowAutoRedirect = false });
        var response = await anonymous.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
