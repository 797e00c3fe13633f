using System.Net;
using System.Text.Json;
using DescPortal.Testing;
using DescPortal.Web.Features.ReferenceLibrary;
using DescPortal.Web.Infrastructure.DeepZoom;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Features.Referrals;
using DescPortal.DemoData;

namespace DescPortal.IntegrationTests.Examination;

/// <summary>Deep Zoom tiles: made once by the job, packed in one blob, served only to those who may see the image.</summary>
[Collection(nameof(CaseWriteCollection))]
public sealed class DeepZoomTests(IntegrationHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(Guid CaseId, Guid EvidenceId, string Sha256)> SubmitAsync(int width, int height)
    {
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var response = await client.PostAsync("/api/v1/referrals",
            ReferralRequests.Multipart(ReferralRequests.Example(["White"]), TestImages.Jpeg(width, height, seed: Random.Shared.Next())), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        var id = body.GetProperty("id").GetGuid();
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var record = await Web.Features.Cases.CaseRecord.LoadAsync(session, id, Ct);
        var evidence = record!.Evidence.Single();
        return (id, evidence.Id, evidence.Sha256);
    }

    [Fact]
    public async Task The_job_makes_every_tile_of_every_level_once_and_a_second_run_changes_nothing()
    {
        var (caseId, evidenceId, sha) = await SubmitAsync(1000, 700);
        var job = host.Services.GetRequiredService<EvidenceTilesJob>();

        await job.RunAsync(caseId, Ct);
        var first = await LoadAsync(evidenceId, sha);
        await job.RunAsync(caseId, Ct);
        var second = await LoadAsync(evidenceId, sha);

        Assert.Equal((1000, 700), (first.Width, first.Height));
        Assert.Equal(10, first.MaxLevel); // 2^10 = 1024 ≥ 1000
        // Levels 0..8 fit in one tile each (up to 250 × 175); level 9 is 500 × 350 (2 × 2); level 10 is 4 × 3.
        Assert.Equal(9 + 4 + 12, first.Offsets.Length);
        Assert.Equal(first.MadeAt, second.MadeAt);
        Assert.All(first.Lengths, l => Assert.True(l > 0));

        using var examiner = await host.SignedInClientAsync("examiner@desc.local");
        var top = await examiner.GetAsync($"/evidence/{caseId}/{evidenceId}/tiles/10/3_2.jpg", Ct);
        Assert.Equal(HttpStatusCode.OK, top.StatusCode);
        Assert.Equal("image/jpeg", top.Content.Headers.ContentType?.MediaType);
        using var tile = NetVips.Image.NewFromBuffer(await top.Content.ReadAsByteArrayAsync(Ct));
        // The last column starts at 762 (3 × 254) and takes one pixel of overlap before it: 1000 − 762 + 1.
        Assert.Equal((239, 700 - 508 + 1), (tile.Width, tile.Height));
        var smallest = await examiner.GetByteArrayAsync($"/evidence/{caseId}/{evidenceId}/tiles/0/0_0.jpg", Ct);
        using var pixel = NetVips.Image.NewFromBuffer(smallest);
        Assert.Equal((1, 1), (pixel.Width, pixel.Height));
    }

    [Fact]
    public async Task The_viewer_gets_the_pyramids_description_and_tiles_outside_it_are_not_found()
    {
        var (caseId, evidenceId, _) = await SubmitAsync(600, 400);
        await host.Services.GetRequiredService<EvidenceTilesJob>().RunAsync(caseId, Ct);
        using var examiner = await host.SignedInClientAsync("examiner@desc.local");

        var description = await examiner.GetAsync($"/evidence/{caseId}/{evidenceId}/deepzoom", Ct);

        Assert.Equal(HttpStatusCode.OK, description.StatusCode);
        using var doc = JsonDocument.Parse(await description.Content.ReadAsStringAsync(Ct));
        var d = doc.RootElement;
        Assert.Equal(600, d.GetProperty("width").GetInt32());
        Assert.Equal(400, d.GetProperty("height").GetInt32());
        Assert.Equal(254, d.GetProperty("tileSize").GetInt32());
        Assert.Equal(1, d.GetProperty("overlap").GetInt32());
        Assert.Equal($"evidence/{caseId}/{evidenceId}/tiles/", d.GetProperty("tilesUrl").GetString());
        foreach (var wrong in new[] { "11/0_0.jpg", "10/3_0.jpg", "10/0_2.jpg", "-1/0_0.jpg", "10/0_0.png", "10/x_0.jpg", "10/0_0_0.jpg", "10/%2e%2e_0.jpg" })
        {
            var response = await examiner.GetAsync($"/evidence/{caseId}/{evidenceId}/tiles/{wrong}", Ct);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{wrong}: {response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("officer.south@desc.local")]
    [InlineData("authority@desc.local")]
    [InlineData("trainer@desc.local")]
    public async Task Tiles_of_a_case_are_not_served_to_anyone_outside_it(string email)
    {
        var (caseId, evidenceId, _) = await SubmitAsync(400, 300);
        await host.Services.GetRequiredService<EvidenceTilesJob>().RunAsync(caseId, Ct);
        using var outsider = await host.SignedInClientAsync(email);

        var description = await outsider.GetAsync($"/evidence/{caseId}/{evidenceId}/deepzoom", Ct);
        var tile = await outsider.GetAsync($"/evidence/{caseId}/{evidenceId}/tiles/0/0_0.jpg", Ct);

        Assert.Equal(HttpStatusCode.NotFound, description.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, tile.StatusCode);
        // Without signing in: no tile either.
        using var anonymous = host.CreateClient(new() { AllowAutoRedirect = false });
        var anonymousTile = await anonymous.GetAsync($"/evidence/{caseId}/{evidenceId}/tiles/0/0_0.jpg", Ct);
        Assert.NotEqual(HttpStatusCode.OK, anonymousTile.StatusCode);
    }

    [Fact]
    public async Task A_specimen_image_gets_its_tiles_on_first_request_and_another_countrys_authority_gets_none()
    {
        var id = LibrarySeeding.IdOf("XXA-P-2021");
        using var examiner = await host.SignedInClientAsync("examiner@desc.local");
        var entry = await host.Services.GetRequiredService<LibraryQueries>().LoadAsync(
            new Web.Infrastructure.Identity.UserScope("t", "t", new HashSet<string> { Web.Infrastructure.Identity.Roles.Examiner }, null, null, false), id, Ct);
        var image = entry!.Specimen.Images[0];

        // Not made yet, or made by the job the first request enqueued: either way the answer settles to 200.
        HttpResponseMessage description;
        var tries = 0;
        while ((description = await examiner.GetAsync($"/library/{id}/images/{image.ImageId}/deepzoom", Ct)).StatusCode == HttpStatusCode.NotFound && tries++ < 300)
            await Task.Delay(200, Ct);
        Assert.Equal(HttpStatusCode.OK, description.StatusCode);
        var tile = await examiner.GetAsync($"/library/{id}/images/{image.ImageId}/tiles/0/0_0.jpg", Ct);
        Assert.Equal(HttpStatusCode.OK, tile.StatusCode);

        using var authority = await host.SignedInClientAsync("authority@desc.local");
        Assert.Equal(HttpStatusCode.NotFound, (await authority.GetAsync($"/library/{id}/images/{image.ImageId}/deepzoom", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await authority.GetAsync($"/library/{id}/images/{image.ImageId}/tiles/0/0_0.jpg", Ct)).StatusCode);
    }

    [Fact]
    public void A_viewer_asking_again_while_the_tiles_are_made_queues_no_second_job()
    {
        // The viewer shows the whole image and asks every few seconds until the pyramid is there.
        var pyramids = host.Services.GetRequiredService<TilePyramids>();
        var image = Guid.NewGuid();
        Assert.True(pyramids.ShouldQueue(image));
        Assert.False(pyramids.ShouldQueue(image));
        Assert.True(pyramids.ShouldQueue(Guid.NewGuid()));
    }

    private async Task<TilePyramid> LoadAsync(Guid imageId, string sha256)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.LoadAsync<TilePyramid>(TilePyramid.IdOf(imageId, sha256), Ct) ?? throw new InvalidOperationException("No pyramid for " + imageId);
    }
}
