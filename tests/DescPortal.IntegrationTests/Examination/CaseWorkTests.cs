using System.Net;
using DescPortal.Core;
using DescPortal.IntegrationTests;
using DescPortal.Testing;
using DescPortal.Web.Features.Examination;
using DescPortal.Web.Features.Referrals;
using DescPortal.Web.Infrastructure.Identity;
using JasperFx;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using DescPortal.Web.Features.Cases;

namespace DescPortal.IntegrationTests.Examination;

// Shares a collection with the API tests: those count cases and blobs before and after a refused submission.
[Collection(nameof(CaseWriteCollection))]
public sealed class CaseWorkTests(IntegrationHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static UserScope Examiner(string id = "examiner-1") =>
        new(id, "Erik Examiner", new HashSet<string> { Roles.Examiner }, null, null, false);

    /// <summary>
    /// The case once the thumbnail job queued by its submission has recorded every thumbnail (at most 60 s: the job
    /// waits its turn behind other tests' image jobs on two workers).
    /// </summary>
    private async Task<CaseRecord> WithThumbnailsAsync(Guid id)
    {
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            CaseRecord? record;
            await using (var session = store.QuerySession())
                record = await CaseRecord.LoadAsync(session, id, Ct);
            if (record is not null && record.Evidence.All(e => e.ThumbnailBlobName is not null)) return record;
            Assert.True(DateTime.UtcNow < until, $"The thumbnail job had not recorded every thumbnail of {id} after 60 s.");
            await Task.Delay(200, Ct);
        }
    }

    [Fact]
    public async Task The_thumbnail_job_makes_one_thumbnail_per_image_and_records_what_it_was_derived_from()
    {
        var id = await SubmitAsync(3);
        var store = host.Services.GetRequiredService<IDocumentStore>();

        var record = await WithThumbnailsAsync(id);

        Assert.All(record.Evidence, e => Assert.NotNull(e.ThumbnailBlobName));
        Assert.Equal(3, record.History.Count(h => h.Type == "EvidenceThumbnailCreated"));
        await using var s2 = store.QuerySession();
        var events = await s2.Events.FetchStreamAsync(id, token: Ct);
        var thumbs = events.Select(e => e.Data).OfType<DescPortal.Core.Referrals.EvidenceThumbnailCreated>().ToList();
        Assert.All(thumbs, t => Assert.Equal(record.FindEvidence(t.EvidenceId)!.Sha256, t.DerivedFromSha256));
        Assert.All(thumbs, t => Assert.True(t.Width <= EvidenceThumbnailJob.Size && t.Height <= EvidenceThumbnailJob.Size));
    }

    [Fact]
    public async Task An_image_with_an_exif_orientation_is_shrunk_as_stored_as_its_tiles_and_marks_count_it()
    {
        // 300 × 200 as stored, with "rotate 90° to view" (orientation 6) in its EXIF.
        using var stored = NetVips.Image.Black(300, 200, bands: 3);
        using var tagged = stored.Mutate(m => m.Set(NetVips.GValue.GIntType, "orientation", 6));
        var jpeg = tagged.JpegsaveBuffer(keep: NetVips.Enums.ForeignKeep.All);
        using (var check = NetVips.Image.NewFromBuffer(jpeg)) Assert.Equal(6, check.Get("orientation"));
        var blobs = host.Services.GetRequiredService<DescPortal.Web.Infrastructure.Blobs.BlobContainers>();
        var name = $"test/{Guid.NewGuid():N}.jpg";
        await blobs.Evidence.GetBlobClient(name).UploadAsync(new BinaryData(jpeg), Ct);

        await using var original = await DescPortal.Web.Infrastructure.Blobs.Originals.FetchAsync(blobs.Evidence, name,
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(jpeg)), Ct);

        var shrunk = DescPortal.Web.Infrastructure.Blobs.ImageDerivatives.MakeJpeg(original, 150, 150);

        Assert.Equal((150, 100), (shrunk.Width, shrunk.Height));
    }

    [Fact]
    public async Task The_thumbnail_job_run_twice_adds_nothing_the_second_time()
    {
        var id = await SubmitAsync(1);
        var job = host.Services.GetRequiredService<EvidenceThumbnailJob>();
        await job.RunAsync(id, Ct);
        await job.RunAsync(id, Ct);

        var store = host.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession();
        var record = await CaseRecord.LoadAsync(session, id, Ct);
        Assert.Equal(1, record!.History.Count(h => h.Type == "EvidenceThumbnailCreated"));
    }

    [Fact]
    public async Task Taking_a_case_assigns_it_and_it_shows_under_my_cases()
    {
        var id = await SubmitAsync(1);
        var examiner = Examiner("examiner-" + Guid.NewGuid());
        await host.Services.GetRequiredService<TakeCase>().HandleAsync(examiner, id, Ct);

        var mine = await host.Services.GetRequiredService<CaseQueue>()
            .QueryAsync(examiner, new QueueFilter(AssignedTo: examiner.UserId), QueueSort.Due, false, 1, 50, Ct);
        var summary = Assert.Single(mine.Items);
        Assert.Equal(id, summary.Id);
        Assert.Equal(ReferralStatus.InExamination, summary.Status);

        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var record = await CaseRecord.LoadAsync(session, id, Ct);
        var assigned = Assert.Single(record!.History, h => h.Type == "CaseAssigned");
        Assert.Contains(examiner.UserId, assigned.Actor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_examiner_cannot_take_a_case_already_taken()
    {
        var id = await SubmitAsync(1);
        var take = host.Services.GetRequiredService<TakeCase>();
        await take.HandleAsync(Examiner("first-" + Guid.NewGuid()), id, Ct);

        await Assert.ThrowsAsync<DomainException>(() => take.HandleAsync(Examiner("second-" + Guid.NewGuid()), id, Ct));
    }

    [Fact]
    public async Task Two_changes_decided_on_the_same_version_cannot_both_be_appended()
    {
        var id = await SubmitAsync(1);
        // After the submission's own thumbnail job has written, so that only this test's two changes race.
        var record = await WithThumbnailsAsync(id);
        var writes = host.Services.GetRequiredService<CaseWrites>();
        var now = DateTimeOffset.UtcNow;

        await writes.AppendAsync(id, record.Version, DescPortal.Core.Referrals.ReferralDecider.Assign(record.Case, "a", "A", "A", now), _ => { }, Ct);
        var second = DescPortal.Core.Referrals.ReferralDecider.Assign(record.Case, "b", "B", "B", now);

        var e = await Assert.ThrowsAsync<CaseChangedException>(() => writes.AppendAsync(id, record.Version, second, _ => { }, Ct));
        Assert.Equal("a", e.Latest.Case.AssignedExaminerId);
    }

    [Theory]
    [InlineData("examiner@desc.local", HttpStatusCode.OK)]
    [InlineData("reviewer@desc.local", HttpStatusCode.OK)]
    [InlineData("officer.north@desc.local", HttpStatusCode.OK)]
    [InlineData("officer.south@desc.local", HttpStatusCode.NotFound)]
    [InlineData("trainer@desc.local", HttpStatusCode.NotFound)]
    [InlineData("authority@desc.local", HttpStatusCode.NotFound)]
    [InlineData("admin@desc.local", HttpStatusCode.NotFound)]
    public async Task Evidence_images_are_served_only_to_those_who_may_see_the_case(string email, HttpStatusCode expected)
    {
        var id = await SubmitAsync(1);
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var evidenceId = (await CaseRecord.LoadAsync(session, id, Ct))!.Evidence[0].Id;
        using var client = await host.SignedInClientAsync(email);

        var original = await client.GetAsync($"/evidence/{id}/{evidenceId}", Ct);
        var thumbnail = await client.GetAsync($"/evidence/{id}/{evidenceId}/thumbnail", Ct);

        Assert.Equal(expected, original.StatusCode);
        Assert.Equal(expected, thumbnail.StatusCode);
    }

    private async Task<Guid> SubmitAsync(int images)
    {
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var lights = new[] { "White", "UV365", "IR" }.Take(images).ToArray();
        var files = Enumerable.Range(0, images).Select(i => TestImages.Jpeg(seed: Random.Shared.Next())).ToArray();
        var response = await client.PostAsync("/api/v1/referrals", ReferralRequests.Multipart(ReferralRequests.Example(lights), files), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }
}
