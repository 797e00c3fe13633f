using System.Net;
using Bunit;
using DescPortal.Core;
using DescPortal.Core.Examination;
using DescPortal.Testing;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Features.Examination;
using DescPortal.Web.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DescPortal.Web.Tests.Features.Cases;

/// <summary>The case page's history: each entry says what changed, as much of it as the reader may see.</summary>
public sealed class CaseFileHistoryTests(ComponentHost host) : ComponentTest(host)
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private const string Note = "Rosette <b>brighter</b> than the specimen's";

    /// <summary>A north case (white and UV images of the passport's data page) whose examiner marked the UV image.</summary>
    private async Task<Guid> MarkedCaseAsync()
    {
        var examiner = new UserScope("ex-" + Guid.NewGuid().ToString("N")[..8], "Erik Examiner", new HashSet<string> { Roles.Examiner }, null, null, false);
        using var client = Host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var response = await client.PostAsync("/api/v1/referrals",
            ReferralRequests.Multipart(ReferralRequests.Example("White", "UV365"), TestImages.Jpeg(seed: 31), TestImages.Jpeg(seed: 32)), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.JsonAsync()).GetProperty("id").GetGuid();
        await Host.Services.GetRequiredService<TakeCase>().HandleAsync(examiner, id, Ct);
        var record = (await Host.Services.GetRequiredService<CaseQueries>().LoadForAsync(examiner, id, Ct))!;
        var uv = record.Evidence.Single(e => e.LightSource == LightSource.UV365).Id;
        var mark = new Annotation(Guid.NewGuid(), uv, AnnotationShape.Rectangle(10, 10, 50, 40), null, Finding.Inconsistent, Note);
        await Host.Services.GetRequiredService<ExaminationCommands>().DecideAsync(examiner, id, record.Version,
            (r, e, a, now) => ExaminationDecider.AddAnnotation(r, e, mark, a, now), Ct);
        return id;
    }

    private async Task<IRenderedComponent<CaseFile>> RenderAsync(UserScope reader, CaseView view, Guid id)
    {
        var record = (await Host.Services.GetRequiredService<CaseQueries>().LoadForAsync(reader, id, Ct))!;
        return Render<CaseFile>(p => p.Add(x => x.Record, record).Add(x => x.View, view).Add(x => x.Scope, reader));
    }

    [Fact]
    public async Task The_examiner_reads_which_mark_on_which_image_and_light_with_the_finding_and_the_note_as_text()
    {
        var id = await MarkedCaseAsync();
        var reader = SignInAs("reviewer@desc.local", "rev-" + Guid.NewGuid().ToString("N")[..8]);

        var cut = await RenderAsync(reader, CaseView.Examiner, id);

        var entries = cut.FindAll("[data-testid=history-entry]");
        Assert.Contains(entries, e => e.TextContent.Trim().StartsWith("Urgent referral DESC-", StringComparison.Ordinal)
                                      && e.TextContent.Contains("submitted at NORTH-GATE: Passport", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.TextContent.Trim() == "Evidence attached: image 2 (document 1, Data page, UV 365 nm (long-wave))");
        var mark = Assert.Single(entries, e => e.GetAttribute("data-type") == nameof(AnnotationAdded));
        Assert.Equal("Mark 1 added on image 2 (document 1, Data page, UV 365 nm (long-wave)): Inconsistent with the genuine", mark.TextContent.Trim());
        var note = Assert.Single(cut.FindAll("[data-testid=history-text]"));
        Assert.Equal(Note, note.TextContent.Trim());
        Assert.Empty(note.QuerySelectorAll("b"));
        Assert.DoesNotContain(entries, e => e.TextContent.Contains("ERIKSSON", StringComparison.OrdinalIgnoreCase)
                                            || e.TextContent.Contains("L898902C3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_referring_officer_reads_where_the_mark_is_but_not_the_unreviewed_finding_or_the_note()
    {
        var id = await MarkedCaseAsync();
        var officer = SignInAs("officer.north@desc.local", "officer-" + Guid.NewGuid().ToString("N")[..8]);

        var cut = await RenderAsync(officer, CaseView.Officer, id);

        var mark = Assert.Single(cut.FindAll("[data-testid=history-entry]"), e => e.GetAttribute("data-type") == nameof(AnnotationAdded));
        Assert.Equal("Mark 1 added on image 2 (document 1, Data page, UV 365 nm (long-wave))", mark.TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=history-text]"));
        Assert.DoesNotContain("Inconsistent", cut.Find("[data-testid=history]").TextContent, StringComparison.Ordinal);
    }
}
