using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using DescPortal.Testing;
using Microsoft.AspNetCore.Components.Endpoints;
using Xunit;

namespace DescPortal.IntegrationTests.Platform;

/// <summary>
/// Every page (enumerated from the running portal's routable components) and every other answer carries a
/// Content-Security-Policy that runs no inline script and no eval and forbids framing, and the other headers against
/// sniffing and framing, whoever asks. The browser tests check that the pages still work under it.
/// </summary>
public sealed partial class SecurityHeadersTests(IntegrationHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The policy's directives by name.</summary>
    private static Dictionary<string, string> Directives(HttpResponseMessage response, string what)
    {
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var values), $"{what} has no Content-Security-Policy");
        return Assert.Single(values).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d[(d.Split(' ')[0].Length)..].Trim(), StringComparer.Ordinal);
    }

    /// <summary>What every answer must say; the problems found, in words.</summary>
    private static IEnumerable<string> Problems(HttpResponseMessage response, string what)
    {
        var csp = Directives(response, what);
        if (!csp.TryGetValue("script-src", out var scripts)) yield return $"{what}: no script-src";
        else if (scripts.Contains("'unsafe-inline'", StringComparison.Ordinal) || scripts.Contains("'unsafe-eval'", StringComparison.Ordinal))
            yield return $"{what}: script-src {scripts}";
        if (csp.GetValueOrDefault("frame-ancestors") != "'none'") yield return $"{what}: frame-ancestors {csp.GetValueOrDefault("frame-ancestors")}";
        if (csp.GetValueOrDefault("object-src") != "'none'") yield return $"{what}: object-src {csp.GetValueOrDefault("object-src")}";
        if (csp.GetValueOrDefault("default-src") != "'self'") yield return $"{what}: default-src {csp.GetValueOrDefault("default-src")}";
        if (!response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) || sniff.Single() != "nosniff") yield return $"{what}: sniffing allowed";
        if (!response.Headers.TryGetValues("X-Frame-Options", out var frame) || frame.Single() != "DENY") yield return $"{what}: X-Frame-Options";
    }

    [Fact]
    public async Task Every_page_carries_the_policy_for_anyone_and_for_each_role()
    {
        var pages = PortalEndpoints.Of(host.Services)
            .Where(e => e.Method == "GET" && e.Endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null).ToList();
        Assert.Contains(pages, p => p.Name == "GET /account/signin");
        Assert.Contains(pages, p => p.Name == "GET /cases/{Id:guid}/workspace");
        Assert.True(pages.Count >= 15, $"only {pages.Count} pages found");

        var clients = new List<(string Who, HttpClient Client)> { ("anonymous", host.CreateClient(new() { AllowAutoRedirect = false })) };
        foreach (var email in new[] { "officer.north@desc.local", "examiner@desc.local", "authority@desc.local", "admin@desc.local" })
            clients.Add((email, await host.SignedInClientAsync(email)));
        var problems = new List<string>();
        foreach (var (who, client) in clients)
        {
            foreach (var page in pages)
            {
                using var response = await client.GetAsync(page.Url, Ct);
                problems.AddRange(Problems(response, $"{who} {page.Url} ({(int)response.StatusCode})"));
            }
            client.Dispose();
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Theory]
    [InlineData("/health", null)]
    [InlineData("/favicon.svg", null)]
    [InlineData("/openapi/v1.json", null)]
    [InlineData("/api/v1/specimens", ReferralRequests.NorthKey)]
    [InlineData("/api/v1/specimens", null)]
    public async Task The_other_answers_carry_it_too(string url, string? key)
    {
        using var client = host.CreateClient(new() { AllowAutoRedirect = false });
        if (key is not null) client.WithKey(key);
        using var response = await client.GetAsync(url, Ct);
        Assert.Empty(Problems(response, url));
    }

    [Fact]
    public async Task The_api_reference_page_runs_its_one_inline_script_by_its_hash_and_nothing_else_inline()
    {
        using var client = host.CreateClient();
        using var response = await client.GetAsync("/api/docs/", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        var inline = InlineScript().Matches(html).Select(m => m.Groups[1].Value).ToList();
        var script = Assert.Single(inline);
        Assert.Empty(Problems(response, "/api/docs/"));
        var hash = $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)))}'";
        Assert.Equal($"'self' {hash}", Directives(response, "/api/docs/")["script-src"]);
    }

    [GeneratedRegex(@"<script\b(?![^>]*\bsrc\s*=)[^>]*>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();
}
