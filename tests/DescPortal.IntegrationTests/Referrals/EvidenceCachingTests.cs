using System.Net;
using DescPortal.Testing;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Features.Referrals;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DescPortal.IntegrationTests.Referrals;

/// <summary>Evidence (the image, its thumbnail, its deep zoom tiles; pages and API alike) is kept in no browser or proxy cache.</summary>
[Collection(nameof(CaseWriteCollection))]
public sealed class EvidenceCachingTests(IntegrationHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_way_evidence_is_served_says_no_store()
    {
        using var north = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var submitted = await north.PostAsync("/api/v1/referrals",
            ReferralRequests.Multipart(ReferralRequests.Example(), TestImages.Jpeg(600, 400, seed: 71)), Ct);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var caseId = (await submitted.JsonAsync()).GetProperty("id").GetGuid();
        await host.Services.GetRequiredService<EvidenceThumbnailJob>().RunAsync(caseId, Ct);
        await host.Services.GetRequiredService<EvidenceTilesJob>().RunAsync(caseId, Ct);
        Guid evidenceId;
        await using (var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession())
            evidenceId = (await CaseRecord.LoadAsync(session, caseId, Ct))!.Evidence.Single().Id;
        using var examiner = await host.SignedInClientAsync("examiner@desc.local");

        foreach (var (client, url) in new[]
                 {
                     (examiner, $"/evidence/{caseId}/{evidenceId}"),
                     (examiner, $"/evidence/{caseId}/{evidenceId}/thumbnail"),
                     (examiner, $"/evidence/{caseId}/{evidenceId}/tiles/0/0_0.jpg"),
                     (north, $"/api/v1/referrals/{caseId}/evidence/{evidenceId}"),
                 })
        {
            using var response = await client.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{url}: Cache-Control {response.Headers.CacheControl}");
        }
    }
}
