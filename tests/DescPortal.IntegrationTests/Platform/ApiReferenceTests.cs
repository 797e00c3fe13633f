using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DescPortal.Testing;
using Xunit;

namespace DescPortal.IntegrationTests.Platform;

/// <summary>
/// The integrators' reference page (<c>/api/docs</c>): open without signing in, it reads the OpenAPI document and loads
/// nothing from outside the portal; the worked example of a submission it shows is the document's own, and works.
/// </summary>
[Collection(nameof(CaseWriteCollection))]
public sealed partial class ApiReferenceTests(IntegrationHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("""(?:src|href)\s*=\s*["']([^"']+)["']""")]
    private static partial Regex Links();

    [GeneratedRegex("""https?://[^\s"'`)]+""")]
    private static partial Regex AbsoluteUrls();

    private async Task<string> SubmitDescriptionAsync()
    {
        using var client = host.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json", Ct))!;
        return document["paths"]!["/api/v1/referrals"]!["post"]!["description"]!.GetValue<string>();
    }

    [Fact]
    public async Task The_page_opens_without_signing_in_reads_the_document_and_loads_only_the_portals_own_assets()
    {
        using var client = host.CreateClient(new() { AllowAutoRedirect = false });

        // Scalar's page lives at /api/docs/ (its script is relative to it): /api/docs leads there, never to sign-in.
        var entry = await client.GetAsync("/api/docs", Ct);
        Assert.True(entry.StatusCode is HttpStatusCode.Found or HttpStatusCode.MovedPermanently, entry.StatusCode.ToString());
        Assert.Equal("/api/docs/", new Uri(new Uri("http://localhost/api/docs"), entry.Headers.Location!).AbsolutePath);
        var response = await client.GetAsync("/api/docs/", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);

        // No CDN, fonts or telemetry from outside: an installation has no internet. Every script is served here.
        var outside = AbsoluteUrls().Matches(html).Select(m => m.Value).Where(u => !u.StartsWith("http://localhost", StringComparison.Ordinal)).ToList();
        Assert.True(outside.Count == 0, "Loaded from outside: " + string.Join(", ", outside));
        var scripts = Links().Matches(html).Select(m => m.Groups[1].Value).Where(l => l.EndsWith(".js", StringComparison.Ordinal)).ToList();
        Assert.Contains("scalar.js", scripts);
        foreach (var script in scripts)
        {
            var asset = await client.GetAsync(new Uri(new Uri("http://localhost/api/docs/"), script), Ct);
            Assert.True(asset.StatusCode == HttpStatusCode.OK, $"{script}: {asset.StatusCode}");
            var size = (await asset.Content.ReadAsByteArrayAsync(Ct)).Length;
            // Scalar's whole bundle is served by the portal, not fetched from a CDN by a small loader.
            Assert.True(size > (script == "scalar.js" ? 1_000_000 : 0), $"{script}: {size} bytes");
        }
    }

    [Fact]
    public async Task The_submit_operation_carries_the_worked_example_in_curl_and_in_csharp()
    {
        var description = await SubmitDescriptionAsync();

        Assert.Contains("curl -H \"X-Api-Key: $DESC_API_KEY\" -H \"Idempotency-Key: $KEY\"", description, StringComparison.Ordinal);
        Assert.Contains("request.Headers.Add(\"Idempotency-Key\", referralKey)", description, StringComparison.Ordinal);
        Assert.Contains("-F \"referral=@referral.json;type=application/json\"", description, StringComparison.Ordinal);
        Assert.Contains("```csharp", description, StringComparison.Ordinal);
        Assert.Contains("new MultipartFormDataContent()", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_worked_examples_referral_is_accepted_as_the_example_sends_it()
    {
        var description = await SubmitDescriptionAsync();
        var json = Regex.Match(description, "```json\n(.*?)\n```", RegexOptions.Singleline).Groups[1].Value;
        var referral = JsonNode.Parse(json)!;
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);

        // As the C# example builds it: the JSON part, then one file part per image, in order.
        using var form = new MultipartFormDataContent();
        var part = new StringContent(json, Encoding.UTF8);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(part, "referral");
        form.Add(new ByteArrayContent(TestImages.Jpeg(seed: 31)), "images", "white.jpg");
        form.Add(new ByteArrayContent(TestImages.Png(seed: 32)), "images", "uv.png");
        var response = await client.PostAsync("/api/v1/referrals", form, Ct);

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(2, referral["images"]!.AsArray().Count);
    }
}
