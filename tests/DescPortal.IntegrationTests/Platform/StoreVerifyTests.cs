using System.Net;
using DescPortal.Testing;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.Custody;
using DescPortal.Web.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace DescPortal.IntegrationTests.Platform;

/// <summary>A portal of its own for <see cref="StoreVerifyTests"/>: what it breaks stays broken, and no other test's break reaches it.</summary>
public sealed class VerifyHost : PortalHost;

/// <summary>
/// <c>infra/desc verify</c> runs the portal's binary with <c>verify</c>: on an intact store it exits 0; after an event row
/// and an evidence original's bytes are changed behind the application's back, it exits 1 and names both (the case's
/// reference, the event's sequence, the evidence id).
/// </summary>
public sealed class StoreVerifyTests(VerifyHost host) : IClassFixture<VerifyHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Verify_exits_0_on_an_intact_store_and_1_naming_a_changed_event_and_a_changed_original()
    {
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var response = await client.PostAsync("/api/v1/referrals",
            ReferralRequests.Multipart(ReferralRequests.Example("White", "UV365"), TestImages.Jpeg(seed: 131), TestImages.Jpeg(seed: 132)), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.JsonAsync();
        var (id, reference) = (created.GetProperty("id").GetGuid(), created.GetProperty("reference").GetString()!);

        var (intact, output) = await VerifyAsync();
        Assert.True(intact == 0, output);
        Assert.Contains("intact:", output, StringComparison.Ordinal);

        // An event row changed (the first image's recorded hash), and the second image's bytes.
        await using (var connection = new NpgsqlConnection(host.DatabaseConnectionString))
        {
            await connection.OpenAsync(Ct);
            await using var command = new NpgsqlCommand(
                "update portal.mt_events set data = jsonb_set(data, '{Note}', '\"retouched\"') where stream_id = $1 and version = 2", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = id });
            Assert.Equal(1, await command.ExecuteNonQueryAsync(Ct));
        }
        var examiner = new UserScope("v", "Verifier", new HashSet<string> { Roles.Examiner }, null, null, false);
        var record = (await host.Services.GetRequiredService<CaseQueries>().LoadForAsync(examiner, id, Ct))!;
        var blob = host.Services.GetRequiredService<BlobContainers>().Evidence.GetBlobClient(record.Evidence[1].BlobName);
        var bytes = (await blob.DownloadContentAsync(Ct)).Value.Content.ToArray();
        bytes[^20] ^= 0x55;
        await blob.UploadAsync(new BinaryData(bytes), overwrite: true, Ct);

        var (broken, report) = await VerifyAsync();
        Assert.Equal(1, broken);
        Assert.Contains($"BROKEN referral {reference} ({id}) event 2: {ChainBreaks.EventChanged}", report, StringComparison.Ordinal);
        Assert.Contains($"BROKEN evidence {reference} ({record.Evidence[1].Id}): evidence.integrity-failed", report, StringComparison.Ordinal);
        Assert.DoesNotContain($"({record.Evidence[0].Id}): evidence", report, StringComparison.Ordinal);
    }

    /// <summary>Runs the portal's own binary as <c>infra/desc verify</c> does, against this host's database and containers.</summary>
    private Task<(int ExitCode, string Output)> VerifyAsync() =>
        PortalCommand.RunAsync(["verify"], new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = host.DatabaseConnectionString,
            ["ConnectionStrings__Blobs"] = TestServices.Blobs,
            ["Storage__ContainerPrefix"] = host.ContainerPrefix,
            ["DOTNET_ENVIRONMENT"] = "Development",
        }, Ct);
}
