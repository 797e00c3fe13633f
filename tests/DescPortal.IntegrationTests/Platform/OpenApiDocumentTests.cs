using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DescPortal.Core;
using DescPortal.Core.Referrals;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using DescPortal.Testing;
using Xunit;

namespace DescPortal.IntegrationTests.Platform;

/// <summary>
/// The OpenAPI document integrators start from (<c>/openapi/v1.json</c>, fetched from the running portal): it
/// describes exactly API v1, says which operations need the agency key, names and describes every operation and
/// its answers, describes the multipart submissions part by part, and passes redocly's recommended rules.
/// </summary>
public sealed class OpenApiDocumentTests(IntegrationHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Verify = "POST /api/v1/reports/verify";

    private async Task<JsonObject> DocumentAsync()
    {
        using var client = host.CreateClient();
        return JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json", Ct))!.AsObject();
    }

    /// <summary>"METHOD /path" of every operation in the document, with the operation.</summary>
    private static List<(string Name, JsonObject Operation)> Operations(JsonObject document) =>
    [
        .. from path in document["paths"]!.AsObject()
           from operation in path.Value!.AsObject()
           select ($"{operation.Key.ToUpperInvariant()} {path.Key}", operation.Value!.AsObject()),
    ];

    /// <summary>The component a <c>$ref</c> names, or the schema itself when it is inline.</summary>
    private static JsonObject Resolve(JsonObject document, JsonNode schema) =>
        schema["$ref"]?.GetValue<string>() is { } reference
            ? document["components"]!["schemas"]![reference.Split('/')[^1]]!.AsObject()
            : schema.AsObject();

    [Fact]
    public async Task The_document_describes_api_v1_and_every_operation_of_it()
    {
        var document = await DocumentAsync();
        var documented = Operations(document).Select(o => o.Name).ToHashSet();

        // What the portal maps under /api/v1 (constraints such as :guid are no part of an OpenAPI path).
        var mapped = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => $"{m} /{Regex.Replace(e.RoutePattern.RawText!.Trim('/'), @"\{(\w+):[^}]+\}", "{$1}")}"))
            .ToHashSet();

        Assert.Contains("POST /api/v1/referrals", mapped);
        Assert.Equal(mapped.Order(), documented.Order());
        // The portal's own cookie endpoints (evidence, library images, sign-out, report downloads) stay out.
        Assert.All(documented, name => Assert.StartsWith("/api/v1/", name.Split(' ')[1], StringComparison.Ordinal));

        Assert.False(string.IsNullOrWhiteSpace(document["info"]?["description"]?.GetValue<string>()));
        Assert.NotNull(document["info"]?["contact"]);
        Assert.NotNull(document["info"]?["license"]?["name"]);
        Assert.StartsWith("http", document["servers"]![0]!["url"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_operation_but_verification_requires_the_key_and_answers_401_without_it()
    {
        var document = await DocumentAsync();
        var scheme = document["components"]!["securitySchemes"]!["ApiKey"]!;
        Assert.Equal("apiKey", scheme["type"]!.GetValue<string>());
        Assert.Equal("header", scheme["in"]!.GetValue<string>());
        Assert.Equal("X-Api-Key", scheme["name"]!.GetValue<string>());

        foreach (var (name, operation) in Operations(document))
        {
            var security = operation["security"]?.AsArray();
            Assert.True(security is not null, $"{name} says nothing about security");
            if (name == Verify)
            {
                Assert.Empty(security);
                Assert.Null(operation["responses"]!["401"]);
                continue;
            }
            var requirement = Assert.Single(security);
            Assert.Equal(["ApiKey"], requirement!.AsObject().Select(p => p.Key));
            Assert.True(operation["responses"]!["401"]?["content"]?["application/problem+json"] is not null, $"{name} has no 401 problem");
        }
    }

    [Fact]
    public async Task Every_operation_that_takes_the_key_answers_429_with_retry_after_past_the_keys_limit()
    {
        foreach (var (name, operation) in Operations(await DocumentAsync()).Where(o => o.Name != Verify))
        {
            var tooMany = operation["responses"]!["429"];
            Assert.True(tooMany?["content"]?["application/problem+json"] is not null, $"{name} has no 429 problem");
            Assert.Equal("integer", tooMany!["headers"]?["Retry-After"]?["schema"]?["type"]?.GetValue<string>());
        }
    }

    [Fact]
    public async Task Every_operation_is_named_summarised_described_and_its_answers_have_schemas()
    {
        var document = await DocumentAsync();
        var tags = document["tags"]!.AsArray().ToDictionary(t => t!["name"]!.GetValue<string>(), t => t!["description"]?.GetValue<string>());
        var ids = new List<string>();
        foreach (var (name, operation) in Operations(document))
        {
            ids.Add(operation["operationId"]?.GetValue<string>() ?? $"(none: {name})");
            Assert.False(string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()), $"{name} has no summary");
            Assert.False(string.IsNullOrWhiteSpace(operation["description"]?.GetValue<string>()), $"{name} has no description");
            var tag = Assert.Single(operation["tags"]!.AsArray())!.GetValue<string>();
            Assert.False(string.IsNullOrWhiteSpace(tags.GetValueOrDefault(tag)), $"{name}: tag '{tag}' has no description");

            foreach (var (status, response) in operation["responses"]!.AsObject())
            {
                var content = response!["content"]?.AsObject();
                Assert.True(content is { Count: > 0 }, $"{name} {status} has no body described");
                if (status.StartsWith('4'))
                {
                    Assert.True(content.ContainsKey("application/problem+json"), $"{name} {status} is not problem details");
                }
                else if (content["application/json"]?["schema"] is { } schema)
                {
                    // A named schema (or a list of one), so that a generated client types the answer.
                    var named = schema["$ref"] ?? schema["items"]?["$ref"];
                    Assert.True(named is not null, $"{name} {status} answers an unnamed schema");
                    // With an example (redocly checks that it fits the schema).
                    Assert.True(content["application/json"]!["example"] is not null, $"{name} {status} has no example");
                }
            }
        }
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(ids, id => id.StartsWith("(none", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_multipart_submissions_describe_their_json_part_and_their_image_parts()
    {
        var document = await DocumentAsync();
        JsonObject Form(string path) => document["paths"]![path]!["post"]!["requestBody"]!["content"]!["multipart/form-data"]!.AsObject();

        var referralForm = Form("/api/v1/referrals");
        var referral = Resolve(document, referralForm["schema"]!["properties"]!["referral"]!);
        Assert.Equal(["bearer", "borderCrossingPoint", "documents", "images", "interceptedAt", "reason", "urgency"],
            referral["required"]!.AsArray().Select(n => n!.GetValue<string>()).Order());
        var properties = referral["properties"]!;
        Assert.Equal(Code.NamesOf<Urgency>(), properties["urgency"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(ReferralValidation.MaxReasonLength, properties["reason"]!["maxLength"]!.GetValue<int>());
        Assert.Equal("date-time", properties["interceptedAt"]!["format"]!.GetValue<string>());
        var bearer = Resolve(document, properties["bearer"]!);
        Assert.Equal(["nationality", "surname"], bearer["required"]!.AsArray().Select(n => n!.GetValue<string>()).Order());
        Assert.Equal(Code.NamesOf<DocumentType>(),
            Resolve(document, properties["documents"]!["items"]!)["properties"]!["documentType"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));

        // The partial date's pattern says what the validation accepts.
        var pattern = new Regex(bearer["properties"]!["dateOfBirth"]!["pattern"]!.GetValue<string>());
        foreach (var date in new[] { "1974-08-12", "1974-08", "1974", "", "12.08.1974", "74", "1974-8-12", "1974-08-12-01" })
            Assert.True(pattern.IsMatch(date) == PartialDate.TryParse(date, out _), $"pattern and validation disagree on '{date}'");

        foreach (var (path, part) in new[] { ("/api/v1/referrals", "referral"), ("/api/v1/referrals/{id}/information", "answer") })
        {
            var form = Form(path);
            Assert.Equal([part], form["schema"]!["required"]!.AsArray().Select(n => n!.GetValue<string>()));
            var images = form["schema"]!["properties"]!["images"]!;
            Assert.Equal("array", images["type"]!.GetValue<string>());
            Assert.Equal("binary", images["items"]!["format"]!.GetValue<string>());
            Assert.Contains("image/jpeg", form["encoding"]!["images"]!["contentType"]!.GetValue<string>(), StringComparison.Ordinal);
            // Each file is described by an entry of the JSON part's images, with the shared codes.
            var image = Resolve(document, Resolve(document, form["schema"]!["properties"]![part]!)["properties"]!["images"]!["items"]!);
            Assert.Equal(Code.NamesOf<LightSource>(), image["properties"]!["lightSource"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task The_lists_query_parameters_give_their_codes_and_ranges()
    {
        var document = await DocumentAsync();
        JsonObject Query(string path, string name) => document["paths"]![path]!["get"]!["parameters"]!.AsArray()
            .Single(p => p!["name"]!.GetValue<string>() == name)!.AsObject();

        Assert.Equal(Code.NamesOf<ReferralStatus>(), Resolve(document, Query("/api/v1/referrals", "status")["schema"]!)["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(Code.NamesOf<DocumentType>(), Resolve(document, Query("/api/v1/specimens", "documentType")["schema"]!)["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
        foreach (var path in new[] { "/api/v1/referrals", "/api/v1/specimens" })
        {
            Assert.Equal(1, Query(path, "page")["schema"]!["minimum"]!.GetValue<int>());
            Assert.Equal(100, Query(path, "pageSize")["schema"]!["maximum"]!.GetValue<int>());
            Assert.All(document["paths"]![path]!["get"]!["parameters"]!.AsArray(), p => Assert.NotNull(p!["description"]));
        }
    }

    [Fact]
    public async Task Every_path_parameter_says_what_it_is_the_id_of()
    {
        var document = await DocumentAsync();
        var parameters = Operations(document)
            .SelectMany(o => (o.Operation["parameters"]?.AsArray() ?? []).Where(p => p!["in"]!.GetValue<string>() == "path")
                .Select(p => (o.Name, Parameter: p!)))
            .ToList();
        Assert.Contains(parameters, p => p.Parameter["name"]!.GetValue<string>() == "evidenceId");
        Assert.All(parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.Parameter["description"]?.GetValue<string>()),
            $"{p.Name}: path parameter {p.Parameter["name"]} has no description"));
    }

    [Fact]
    public async Task The_evidence_download_says_it_answers_409_when_the_evidence_fails_its_integrity_check()
    {
        var document = await DocumentAsync();
        var conflict = document["paths"]!["/api/v1/referrals/{id}/evidence/{evidenceId}"]!["get"]!["responses"]!["409"];

        Assert.NotNull(conflict?["content"]?["application/problem+json"]);
        Assert.Contains($"`{Refusals.Evidence.IntegrityFailed}`", conflict!["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>redocly's recommended rules (redocly.yaml) on the document as served: no error and no warning.</summary>
    [Fact]
    public async Task Redocly_finds_no_error_and_no_warning()
    {
        var repo = Repository.Root;
        var cli = Path.Combine(repo, "tests", "tools", "node_modules", "@redocly", "cli", "bin", "cli.js");
        Assert.True(File.Exists(cli), $"{cli} is missing: infra/desc test installs it (npm ci in tests/tools).");

        var file = Path.Combine(Directory.CreateTempSubdirectory("desc-openapi-").FullName, "v1.json");
        await File.WriteAllTextAsync(file, (await DocumentAsync()).ToJsonString(), Ct);
        try
        {
            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = repo };
            foreach (var argument in new[] { cli, "lint", file, "--config", Path.Combine(repo, "redocly.yaml"), "--format", "json" })
                start.ArgumentList.Add(argument);
            // No telemetry and no update check from a test run.
            start.Environment["REDOCLY_TELEMETRY"] = "off";
            start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
            using var lint = Process.Start(start)!;
            var stderr = lint.StandardError.ReadToEndAsync(Ct);
            var output = await lint.StandardOutput.ReadToEndAsync(Ct);
            await lint.WaitForExitAsync(Ct);

            var report = JsonNode.Parse(output) ?? throw new InvalidOperationException("redocly printed nothing: " + await stderr);
            var problems = report["problems"]!.AsArray()
                .Select(p => $"{p!["severity"]} {p["ruleId"]}: {p["message"]} at {p["location"]?[0]?["pointer"]}");
            Assert.True(report["totals"]!["errors"]!.GetValue<int>() == 0 && report["totals"]!["warnings"]!.GetValue<int>() == 0,
                "redocly lint:\n" + string.Join('\n', problems));
            Assert.Equal(0, lint.ExitCode);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

}
