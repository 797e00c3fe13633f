using System.Net;
using System.Text.Json;
using DescPortal.Testing;
using DescPortal.Web.Infrastructure.Http;
using Npgsql;
using Xunit;

namespace DescPortal.IntegrationTests.Faults;

/// <summary>
/// Blob storage (Azurite) is gone while a border system uploads a referral: a clear 503 with its code, no case without
/// its evidence, and the same request sent again once storage is back is accepted, with its image intact.
/// </summary>
[Collection(nameof(FaultCollection))]
public sealed class BlobOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_upload_while_blob_storage_is_down_is_a_503_leaves_no_case_and_succeeds_when_sent_again()
    {
        await using var services = await OwnServices.StartAsync(Ct);
        await using var portal = await PortalProcess.StartAsync(services, Ct);
        using var api = portal.Client().WithKey(ReferralRequests.NorthKey);
        var image = TestImages.Jpeg(640, 480, seed: 4242);
        // One body for both attempts: a retry under an Idempotency-Key must send the same referral.
        var referral = ReferralRequests.Example("White");

        await services.StopAzuriteAsync(Ct);
        using (var refused = await api.SendAsync(Submission(referral, image), Ct))
        {
            var body = await refused.Content.ReadAsStringAsync(Ct);
            Assert.True(refused.StatusCode == HttpStatusCode.ServiceUnavailable, $"{refused.StatusCode}: {body}");
            Assert.Equal(TimeSpan.FromSeconds(StorageOutage.RetryAfterSeconds), refused.Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(body).RootElement;
            Assert.Equal(StorageOutage.Code, problem.GetProperty("code").GetString());
            Assert.Contains("Idempotency-Key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        }
        // No case was started without its evidence: not in the event store, not in the agency's list.
        Assert.Equal(0, await StreamsAsync(services));
        using (var list = await api.GetAsync("/api/v1/referrals?pageSize=1", Ct))
            Assert.Equal(0, (await list.JsonAsync()).GetProperty("total").GetInt32());

        // Storage back (same data, same port): the same request under the same key is accepted, once.
        await services.StartAzuriteAsync(Ct);
        using var accepted = await api.SendAsync(Submission(referral, image), Ct);
        Assert.True(accepted.StatusCode == HttpStatusCode.Created, $"{accepted.StatusCode}: {await accepted.Content.ReadAsStringAsync(Ct)}");
        var id = (await accepted.JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(1, await StreamsAsync(services));
        var details = await (await api.GetAsync($"/api/v1/referrals/{id}", Ct)).JsonAsync();
        var evidence = Assert.Single(details.GetProperty("evidence").EnumerateArray().ToList());
        using var original = await api.GetAsync($"/api/v1/referrals/{id}/evidence/{evidence.GetProperty("id").GetGuid()}", Ct);
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        Assert.Equal(image, await original.Content.ReadAsByteArrayAsync(Ct));
    }

    private static HttpRequestMessage Submission(System.Text.Json.Nodes.JsonNode referral, byte[] image)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals")
        {
            Content = ReferralRequests.Multipart(referral, image),
        };
        request.Headers.Add("Idempotency-Key", "blob-outage-1");
        return request;
    }

    private static async Task<long> StreamsAsync(OwnServices services)
    {
        await using var connection = new NpgsqlConnection(services.Postgres);
        await connection.OpenAsync(Ct);
        await using var count = new NpgsqlCommand("select count(distinct stream_id) from portal.mt_events where type = 'referral_submitted'", connection);
        return (long)(await count.ExecuteScalarAsync(Ct))!;
    }
}
