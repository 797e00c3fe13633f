using System.Net;
using Bunit;
using DescPortal.Core;
using DescPortal.Core.Referrals;
using DescPortal.Testing;
using DescPortal.Web.Features.Admin;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Features.Examination;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.Localization;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DescPortal.Web.Tests.Features.Cases;

/// <summary>
/// An evidence image whose bytes failed their integrity check, as the portal shows it: the failure with both hashes in
/// place of the image on the case page and in the workspace, and a row of the administrators' list of alarms.
/// </summary>
public sealed class EvidenceIntegrityShownTests(ComponentHost host) : ComponentTest(host)
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    /// <summary>A case whose UV original was replaced in storage, and found so by the agency's download (409).</summary>
    private async Task<(Guid CaseId, Guid Changed, Guid Intact)> FailedCaseAsync()
    {
        using var client = Host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var seed = Random.Shared.Next(1000, 100_000);
        var response = await client.PostAsync("/api/v1/referrals",
            ReferralRequests.Multipart(ReferralRequests.Example("White", "UV365"), TestImages.Jpeg(seed: seed), TestImages.Jpeg(seed: seed + 1)), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.JsonAsync()).GetProperty("id").GetGuid();
        var record = await LoadAsync(id);
        var uv = record.Evidence.Single(e => e.LightSource == LightSource.UV365);
        await Host.Services.GetRequiredService<BlobContainers>().Evidence.GetBlobClient(uv.BlobName)
            .UploadAsync(new BinaryData(TestImages.Jpeg(seed: seed + 2)), overwrite: true, Ct);
        // Found by this read, or by a job that read first: either way the alarm is recorded before the answer.
        Assert.Equal(HttpStatusCode.Conflict, (await client.GetAsync($"/api/v1/referrals/{id}/evidence/{uv.Id}", Ct)).StatusCode);
        return (id, uv.Id, record.Evidence.Single(e => e.LightSource == LightSource.White).Id);
    }

    private async Task<CaseRecord> LoadAsync(Guid id) =>
        (await Host.Services.GetRequiredService<CaseQueries>().LoadForAsync(Reader, id, Ct))!;

    private static readonly Web.Infrastructure.Identity.UserScope Reader =
        new("integrity-reader", "Rita Reader", new HashSet<string> { Web.Infrastructure.Identity.Roles.Reviewer }, null, null, false);

    [Fact]
    public async Task The_case_page_shows_the_failure_with_both_hashes_instead_of_the_image()
    {
        var (id, changed, intact) = await FailedCaseAsync();
        var examiner = SignInAs("examiner@desc.local");
        var record = (await Host.Services.GetRequiredService<CaseQueries>().LoadForAsync(examiner, id, Ct))!;

        var cut = Render<CaseFile>(p => p.Add(x => x.Record, record).Add(x => x.View, CaseView.Examiner).Add(x => x.Scope, examiner));

        var failed = cut.Find($"[data-testid=evidence-card][data-evidence='{changed}']");
        Assert.Empty(failed.QuerySelectorAll("img"));
        var notice = failed.QuerySelector("[data-testid=evidence-integrity-failed]")!;
        Assert.Contains("failed its integrity check", notice.TextContent, StringComparison.Ordinal);
        Assert.Contains(record.FindEvidence(changed)!.IntegrityFailure!.ActualSha256!, notice.TextContent, StringComparison.Ordinal);
        // What found it: the agency's download, or a job that read the bytes first.
        Assert.Contains("when " + CodeLabels.Of(record.FindEvidence(changed)!.IntegrityFailure!.DetectedWhile), notice.TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find($"[data-testid=evidence-card][data-evidence='{intact}'] img"));
        Assert.Contains("1 image of this case no longer matches", cut.Find("[data-testid=integrity-alarm]").TextContent, StringComparison.Ordinal);
        Assert.Single(cut.FindAll("[data-testid=history-entry]"), e => e.GetAttribute("data-type") == nameof(EvidenceIntegrityFailed));
    }

    [Fact]
    public async Task The_workspace_shows_the_failure_in_place_of_the_viewer()
    {
        var (id, _, _) = await FailedCaseAsync();
        SignInAs("examiner@desc.local");

        var cut = RenderLive<Workspace>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=deep-zoom]")));
        await cut.Find("[data-testid=light-UV365]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("failed its integrity check", cut.Find("[data-testid=workspace-integrity-failed]").TextContent,
            StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=deep-zoom]"));
    }

    [Fact]
    public async Task The_administrators_list_names_the_case_the_image_both_hashes_and_what_found_it()
    {
        var (id, changed, _) = await FailedCaseAsync();
        SignInAs("admin@desc.local");

        var cut = Render<IntegrityAlarmsPage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-testid=integrity-alarm-row][data-evidence='{changed}']")));
        var row = cut.Find($"[data-testid=integrity-alarm-row][data-evidence='{changed}']").TextContent;
        var record = await LoadAsync(id);
        var failure = record.FindEvidence(changed)!.IntegrityFailure!;
        Assert.Contains(record.Reference, row, StringComparison.Ordinal);
        Assert.Contains(failure.ExpectedSha256, row, StringComparison.Ordinal);
        Assert.Contains(failure.ActualSha256!, row, StringComparison.Ordinal);
        Assert.Contains(CodeLabels.Of(failure.DetectedWhile), row, StringComparison.Ordinal);
    }
}
