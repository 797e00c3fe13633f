using System.Net;
using System.Security.Cryptography;
using DescPortal.Core;
using DescPortal.Core.Opinion;
using DescPortal.Core.Referrals;
using DescPortal.Testing;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Features.Examination;
using DescPortal.Web.Features.Opinion;
using DescPortal.Web.Features.Referrals;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.DeepZoom;
using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Infrastructure.Jobs;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Xunit;

namespace DescPortal.IntegrationTests.Referrals;

/// <summary>
/// A portal whose events queue no jobs: a test changes an original before anything reads it, then runs the reader it
/// means (the API, a page's endpoint, a job) and knows which one found the change.
/// </summary>
public sealed class JobsOnRequestHost : PortalHost
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("DemoData:Specimens", "false");
        builder.ConfigureTestServices(services => services.RemoveAll<JobTrigger>());
    }
}

/// <summary>
/// Evidence originals are hashed again whenever they are read (downloaded, shown, derived, printed): bytes changed in
/// blob storage behind the portal's back are never served or used, the API answers 409 with the code, and the
/// integrity alarm is recorded on the case once, for the case page and the administrators' list.
/// </summary>
public sealed class EvidenceIntegrityTests(JobsOnRequestHost host) : IClassFixture<JobsOnRequestHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private T Service<T>() where T : notnull => host.Services.GetRequiredService<T>();

    private static readonly UserScope Admin = new("integrity-admin", "Ada Admin", new HashSet<string> { Roles.Admin }, null, null, false);

    private sealed record Tampered(Guid CaseId, EvidenceItem Intact, EvidenceItem Changed, byte[] IntactBytes, string ActualSha256);

    /// <summary>A case with a white and a UV image whose UV original is then replaced in blob storage (or deleted).</summary>
    private async Task<Tampered> TamperedCaseAsync(bool delete = false)
    {
        var seed = Random.Shared.Next(1000, 100_000);
        byte[] white = TestImages.Jpeg(400, 300, seed), uv = TestImages.Jpeg(400, 300, seed + 1), other = TestImages.Jpeg(400, 300, seed + 2);
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var response = await client.PostAsync("/api/v1/referrals", ReferralRequests.Multipart(ReferralRequests.Example("White", "UV365"), white, uv), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.JsonAsync()).GetProperty("id").GetGuid();
        var record = await LoadAsync(id);
        var changed = record.Evidence.Single(e => e.LightSource == LightSource.UV365);
        var blob = Service<BlobContainers>().Evidence.GetBlobClient(changed.BlobName);
        if (delete) await blob.DeleteAsync(cancellationToken: Ct);
        else await blob.UploadAsync(new BinaryData(other), overwrite: true, Ct);
        return new Tampered(id, record.Evidence.Single(e => e.LightSource == LightSource.White), changed, white,
            delete ? "" : Convert.ToHexStringLower(SHA256.HashData(other)));
    }

    private async Task<CaseRecord> LoadAsync(Guid id)
    {
        await using var session = Service<IDocumentStore>().QuerySession();
        return (await CaseRecord.LoadAsync(session, id, Ct))!;
    }

    /// <summary>The case's one alarm, as the case and the administrators' list hold it.</summary>
    private async Task<EvidenceIntegrityFailed> AlarmAsync(Tampered t, EvidenceUse detectedWhile, string? actual = null)
    {
        var record = await LoadAsync(t.CaseId);
        var alarm = Assert.Single(record.Evidence, e => e.IntegrityFailure is not null).IntegrityFailure!;
        Assert.Equal((t.Changed.Id, t.Changed.Sha256, actual ?? t.ActualSha256, detectedWhile),
            (alarm.EvidenceId, alarm.ExpectedSha256, alarm.ActualSha256 ?? "", alarm.DetectedWhile));
        Assert.Single(record.History, h => h.Type == nameof(EvidenceIntegrityFailed));
        Assert.Contains(await Service<IntegrityAlarms>().ListAsync(Admin, Ct), a => a.CaseId == t.CaseId && a.EvidenceId == t.Changed.Id
            && a.ExpectedSha256 == t.Changed.Sha256 && a.DetectedWhile == detectedWhile && a.Reference == record.Reference);
        return alarm;
    }

    [Fact]
    public async Task The_api_answers_409_with_the_integrity_title_and_code_records_the_alarm_once_and_still_serves_the_intact_image()
    {
        var t = await TamperedCaseAsync();
        using var api = host.CreateClient().WithKey(ReferralRequests.NorthKey);

        var refused = await api.GetAsync($"/api/v1/referrals/{t.CaseId}/evidence/{t.Changed.Id}", Ct);
        var again = await api.GetAsync($"/api/v1/referrals/{t.CaseId}/evidence/{t.Changed.Id}", Ct);

        foreach (var response in new[] { refused, again })
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.JsonAsync();
            Assert.Equal("The evidence failed its integrity check.", problem.GetProperty("title").GetString());
            Assert.Equal(Refusals.Evidence.IntegrityFailed, problem.GetProperty("code").GetString());
            Assert.Contains(t.Changed.Id.ToString(), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        var alarm = await AlarmAsync(t, EvidenceUse.Downloaded);
        Assert.Equal(ReferralRequests.ActorOf("BCP-NORTH", ReferralRequests.NorthKey), alarm.Actor);
        // The agency's history says so too; the intact image is served as received.
        var history = await (await api.GetAsync($"/api/v1/referrals/{t.CaseId}/history", Ct)).JsonAsync();
        Assert.Contains(history.EnumerateArray(), h => h.GetProperty("type").GetString() == nameof(EvidenceIntegrityFailed)
            && h.GetProperty("summary").GetString()!.StartsWith("Integrity check failed: image 2", StringComparison.Ordinal));
        Assert.Equal(t.IntactBytes, await api.GetByteArrayAsync($"/api/v1/referrals/{t.CaseId}/evidence/{t.Intact.Id}", Ct));
    }

    [Fact]
    public async Task A_deleted_original_fails_its_integrity_check_too()
    {
        var t = await TamperedCaseAsync(delete: true);
        using var api = host.CreateClient().WithKey(ReferralRequests.NorthKey);

        Assert.Equal(HttpStatusCode.Conflict, (await api.GetAsync($"/api/v1/referrals/{t.CaseId}/evidence/{t.Changed.Id}", Ct)).StatusCode);

        Assert.Null((await AlarmAsync(t, EvidenceUse.Downloaded)).ActualSha256);
    }

    [Fact]
    public async Task The_portals_evidence_endpoints_refuse_the_changed_image_in_every_form()
    {
        var t = await TamperedCaseAsync();
        using var examiner = await host.SignedInClientAsync("examiner@desc.local");
        var at = $"/evidence/{t.CaseId}/{t.Changed.Id}";

        var original = await examiner.GetAsync(at, Ct);

        Assert.Equal(HttpStatusCode.Conflict, original.StatusCode);
        Assert.Equal("The evidence failed its integrity check.", (await original.JsonAsync()).GetProperty("title").GetString());
        await AlarmAsync(t, EvidenceUse.Shown);
        foreach (var form in new[] { "/thumbnail", "/deepzoom", "/tiles/0/0_0.jpg" })
            Assert.Equal(HttpStatusCode.Conflict, (await examiner.GetAsync(at + form, Ct)).StatusCode);
        Assert.Equal(t.IntactBytes, await examiner.GetByteArrayAsync($"/evidence/{t.CaseId}/{t.Intact.Id}", Ct));
    }

    [Fact]
    public async Task The_thumbnail_job_makes_none_of_the_changed_image_and_raises_the_alarm()
    {
        var t = await TamperedCaseAsync();

        await Service<EvidenceThumbnailJob>().RunAsync(t.CaseId, Ct);

        var record = await LoadAsync(t.CaseId);
        Assert.NotNull(record.FindEvidence(t.Intact.Id)!.ThumbnailBlobName);
        Assert.Null(record.FindEvidence(t.Changed.Id)!.ThumbnailBlobName);
        Assert.False(await Service<BlobContainers>().Derivatives.GetBlobClient(EvidenceThumbnailJob.BlobNameOf(t.Changed)).ExistsAsync(Ct));
        await AlarmAsync(t, EvidenceUse.Thumbnail);
    }

    [Fact]
    public async Task The_tiles_job_makes_none_of_the_changed_image_and_raises_the_alarm()
    {
        var t = await TamperedCaseAsync();

        await Service<EvidenceTilesJob>().RunAsync(t.CaseId, Ct);

        var pyramids = Service<TilePyramids>();
        Assert.NotNull(await pyramids.FindAsync(t.Intact.Id, t.Intact.Sha256, Ct));
        Assert.Null(await pyramids.FindAsync(t.Changed.Id, t.Changed.Sha256, Ct));
        Assert.False(await Service<BlobContainers>().Derivatives
            .GetBlobClient(ImageDerivatives.NameOf("tiles", t.Changed.Id, t.Changed.Sha256, ".pack")).ExistsAsync(Ct));
        await AlarmAsync(t, EvidenceUse.Tiles);
    }

    [Fact]
    public async Task The_report_job_prints_nothing_from_the_changed_image_and_raises_the_alarm()
    {
        var t = await TamperedCaseAsync();
        var examiner = new UserScope("ex-" + Guid.NewGuid().ToString("N")[..8], "Erik Examiner", new HashSet<string> { Roles.Examiner }, null, null, false);
        var reviewer = new UserScope("rev-" + Guid.NewGuid().ToString("N")[..8], "Rita Reviewer", new HashSet<string> { Roles.Reviewer }, null, null, false);
        await Service<TakeCase>().HandleAsync(examiner, t.CaseId, Ct);
        var commands = Service<OpinionCommands>();
        var record = await LoadAsync(t.CaseId);
        var draft = new OpinionDraft(0, FraudType.Counterfeit, [], "Guilloche printed in dots.", "The passport is a counterfeit.", null, null);
        record = await commands.AsExaminerAsync(examiner, t.CaseId, record.Version, (r, o, a, now) => OpinionDecider.SaveDraft(r, o, draft, a, now), Ct);
        record = await commands.AsExaminerAsync(examiner, t.CaseId, record.Version, (r, o, a, now) => OpinionDecider.SubmitForReview(r, o, null, a, now), Ct);
        var approvalId = Guid.NewGuid();
        await commands.AsReviewerAsync(reviewer, t.CaseId, record.Version, (r, o, a, now) => OpinionDecider.Approve(r, o, approvalId, a, now), Ct);

        await Service<ReportJob>().IssueAsync(t.CaseId, approvalId, Ct);

        record = await LoadAsync(t.CaseId);
        Assert.Equal(ReferralStatus.Approved, record.Status);
        Assert.Empty(record.Opinion.Reports);
        var pdfs = new List<string>();
        await foreach (var b in Service<BlobContainers>().Reports.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None,
                           Azure.Storage.Blobs.Models.BlobStates.None, $"{t.CaseId:N}/", Ct))
            pdfs.Add(b.Name);
        Assert.Empty(pdfs);
        Assert.Equal(ReportJob.Actor, (await AlarmAsync(t, EvidenceUse.Report)).Actor);
    }
}
