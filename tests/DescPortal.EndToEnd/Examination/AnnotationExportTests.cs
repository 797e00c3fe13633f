using System.Text.Json;
using DescPortal.Core;
using DescPortal.Core.Examination;
using DescPortal.Testing;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Features.Examination;
using DescPortal.Web.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace DescPortal.EndToEnd.Examination;

/// <summary>The case page offers the W3C Web Annotation export of the marks to those who may read it.</summary>
public sealed class AnnotationExportTests(BrowserHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reviewer_downloads_the_marks_as_json_ld_from_the_case_page_and_the_officer_is_not_offered_them()
    {
        var caseId = await host.SubmitReferralAsync(ReferralRequests.Example(["White"]), TestImages.Jpeg(640, 400, seed: 93));
        const string note = "Laminate lifted at the portrait's corner.";
        var reference = await AnnotatedAsync(caseId, note);

        var reviewer = await host.SignInAsync("reviewer@desc.local");
        await reviewer.GotoAsync($"/cases/{caseId}");
        await BrowserHost.WaitInteractiveAsync(reviewer);
        var link = reviewer.GetByTestId("download-annotations");
        await Assertions.Expect(link).ToBeVisibleAsync();
        await BrowserHost.ScreenshotAsync(reviewer, "case-page-annotations-download");

        var download = await reviewer.RunAndWaitForDownloadAsync(() => link.ClickAsync());

        Assert.Equal($"{reference}-annotations.jsonld", download.SuggestedFilename);
        using var export = JsonDocument.Parse(await File.ReadAllTextAsync(await download.PathAsync(), Ct));
        Assert.Equal("http://www.w3.org/ns/anno.jsonld", export.RootElement.GetProperty("@context").GetString());
        Assert.Contains(note, Strings(export.RootElement));
        // Still on the case page: the download did not navigate away.
        Assert.EndsWith($"/cases/{caseId}", reviewer.Url, StringComparison.Ordinal);
        await reviewer.Context.CloseAsync();

        // The officer who referred it reads the case, but not the examiners' marks.
        var officer = await host.SignInAsync("officer.north@desc.local");
        await officer.GotoAsync($"/referrals/{caseId}");
        await BrowserHost.WaitInteractiveAsync(officer);
        await Assertions.Expect(officer.GetByTestId("case-reference")).ToHaveTextAsync(reference);
        await Assertions.Expect(officer.GetByTestId("download-annotations")).ToHaveCountAsync(0);
        await officer.Context.CloseAsync();
    }

    /// <summary>An examiner takes the case and draws one mark with the note; the case's reference.</summary>
    private async Task<string> AnnotatedAsync(Guid caseId, string note)
    {
        var examiner = new UserScope("e2e-annotator", "Anna Annotator", new HashSet<string> { Roles.Examiner }, null, null, false)
        {
            UserName = "annotator@desc.local",
        };
        await host.Services.GetRequiredService<TakeCase>().HandleAsync(examiner, caseId, Ct);
        var record = (await host.Services.GetRequiredService<CaseQueries>().LoadForAsync(examiner, caseId, Ct))!;
        var mark = new Annotation(Guid.NewGuid(), record.Evidence[0].Id, AnnotationShape.Rectangle(40, 30, 200, 120), null, Finding.Inconsistent, note);
        await host.Services.GetRequiredService<ExaminationCommands>().DecideAsync(examiner, caseId, record.Version,
            (r, e, a, now) => ExaminationDecider.AddAnnotation(r, e, mark, a, now), Ct);
        return record.Reference;
    }

    private static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
