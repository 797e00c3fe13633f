using System.Net;
using System.Text;
using System.Text.Json;
using DescPortal.IntegrationTests;
using DescPortal.Testing;
using DescPortal.Web.Infrastructure.Identity;
using Xunit;

namespace DescPortal.IntegrationTests.Platform;

/// <summary>
/// Every API v1 endpoint that needs an agency key answers 401 (problem details) to a caller without a valid key,
/// before anything else about the request is looked at: its content type, its body, its route values. The endpoints
/// are read from the running portal's endpoint data source, so an endpoint added later is checked too.
/// </summary>
public sealed class ApiKeyFirstTests(IntegrationHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The API v1 endpoints anyone may call, without a key.</summary>
    private static readonly HashSet<string> Public = ["POST /api/v1/reports/verify"];

    private const string Json = """{ "mrz": "P<UTOERIKSSON<<ANNA<MARIA", "referral": {} }""";

    /// <summary>
    /// What each endpoint is sent: no key or a wrong one, with no body, an empty form (what <c>curl -d ''</c> sends), or
    /// JSON under a content type the endpoint does not take (JSON for the multipart ones, text for all).
    /// </summary>
    private static readonly (string Case, string? Key, string? Body, string? ContentType)[] Requests =
    [
        ("no key, no body", null, null, null),
        ("no key, empty form body", null, "", "application/x-www-form-urlencoded"),
        ("no key, JSON sent as application/json", null, Json, "application/json"),
        ("no key, JSON sent as text/plain", null, Json, "text/plain"),
        ("no key, garbage as multipart", null, "\u0000\u00ff--not a multipart body\r\n\r\n\u0001", "multipart/form-data; boundary=xyz"),
        ("no key, garbage as JSON", null, "{\"referral\": [[[[[[", "application/json"),
        ("wrong key, no body", "not-a-key", null, null),
        ("wrong key, JSON sent as text/plain", "not-a-key", Json, "text/plain"),
    ];

    [Fact]
    public async Task Every_keyed_api_v1_endpoint_answers_401_problem_details_before_looking_at_the_request()
    {
        var endpoints = KeyedEndpoints();
        // The enumeration itself must find the API (an empty list would pass vacuously).
        Assert.Contains("POST /api/v1/referrals", endpoints.Select(e => e.Name));
        Assert.Contains("POST /api/v1/referrals/{id:guid}/information", endpoints.Select(e => e.Name));
        Assert.Contains("POST /api/v1/mrz/check", endpoints.Select(e => e.Name));
        Assert.Contains("GET /api/v1/specimens", endpoints.Select(e => e.Name));

        using var client = host.CreateClient(new() { AllowAutoRedirect = false });
        var failures = new List<string>();
        foreach (var (name, method, url) in endpoints)
        {
            foreach (var (what, key, body, contentType) in Requests)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (key is not null) request.Headers.Add(ApiKeyDefaults.Header, key);
                if (body is not null) request.Content = new StringContent(body, System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType!));

                using var response = await client.SendAsync(request, Ct);
                var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                    && (await response.JsonAsync()).TryGetProperty("status", out var status) && status.GetInt32() == 401;
                if (response.StatusCode != HttpStatusCode.Unauthorized || !problem)
                {
                    failures.Add($"{name} ({url}), {what}: {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
                }
            }
        }
        Assert.True(failures.Count == 0, "Expected 401 problem details:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task With_a_key_a_body_of_another_content_type_is_still_refused_with_415()
    {
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);

        var referral = await client.PostAsync("/api/v1/referrals", new StringContent(Json, Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, referral.StatusCode);
        Assert.True((await referral.JsonAsync()).GetProperty("errors").TryGetProperty("referral", out _));

        var mrz = await client.PostAsync("/api/v1/mrz/check", new StringContent(Json, Encoding.UTF8, "text/plain"), Ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, mrz.StatusCode);
        Assert.Equal("application/problem+json", mrz.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_request_bodies_the_handlers_check()
    {
        using var client = host.CreateClient();
        var paths = (await (await client.GetAsync("/openapi/v1.json", Ct)).JsonAsync()).GetProperty("paths");
        JsonElement Body(string path) => paths.GetProperty(path).GetProperty("post").GetProperty("requestBody").GetProperty("content");

        Assert.Equal(["application/json"], Body("/api/v1/mrz/check").EnumerateObject().Select(p => p.Name));
        foreach (var (path, part) in new[] { ("/api/v1/referrals", "referral"), ("/api/v1/referrals/{id}/information", "answer") })
        {
            Assert.Equal(["multipart/form-data"], Body(path).EnumerateObject().Select(p => p.Name));
            var form = Body(path).GetProperty("multipart/form-data");
            Assert.Equal([part, "images"], form.GetProperty("schema").GetProperty("properties").EnumerateObject().Select(p => p.Name));
            Assert.Equal("application/json", form.GetProperty("encoding").GetProperty(part).GetProperty("contentType").GetString());
        }
    }

    /// <summary>The API v1 endpoints that take a key (every one but the public ones).</summary>
    private List<(string Name, string Method, string Url)> KeyedEndpoints() =>
    [
        .. from e in PortalEndpoints.Of(host.Services)
           where e.Name.Split(' ')[1].StartsWith("/api/v1/", StringComparison.Ordinal) && !Public.Contains(e.Name)
           select (e.Name, e.Method, e.Url),
    ];
}
