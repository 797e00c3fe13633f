using System.Text.Json;
using System.Text.Json.Nodes;
using DescPortal.Testing;
using Xunit;

namespace DescPortal.IntegrationTests.Platform;

/// <summary>
/// docs/openapi/v1.json is the contract integrators and our own generated client (tests/DescPortal.ApiClient) are
/// built from: it must be exactly what the portal serves. A change to the API fails here until the file is renewed
/// on purpose, so a change in the contract is always a visible change in the repository.
/// </summary>
public sealed class OpenApiSnapshotTests(IntegrationHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Set to 1 to write what the portal serves into docs/openapi/v1.json (then review the diff).</summary>
    private const string Renew = "DESC_RENEW_OPENAPI";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Fact]
    public async Task The_committed_contract_is_the_document_the_portal_serves()
    {
        using var client = host.CreateClient();
        var served = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json", Ct))!.AsObject();
        // The server is the installation's Portal:PublicUrl: the committed file names the default one.
        served["servers"] = new JsonArray(new JsonObject { ["url"] = "http://127.0.0.1:5080" });
        var text = served.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";

        var file = Path.Combine(Repository.Root, "docs", "openapi", "v1.json");
        if (Environment.GetEnvironmentVariable(Renew) == "1")
            await File.WriteAllTextAsync(file, text, Ct);

        Assert.True(File.Exists(file), $"{file} is missing: run with {Renew}=1 to write it.");
        var committed = await File.ReadAllTextAsync(file, Ct);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(committed), JsonNode.Parse(text)),
            $"The portal serves another API document than docs/openapi/v1.json. If the change is meant, renew the file with " +
            $"{Renew}=1 infra/desc test --project tests/DescPortal.IntegrationTests --filter-class '*OpenApiSnapshotTests', " +
            "review its diff (v1 changes only by addition: docs/api.md) and commit it.");
    }
}
