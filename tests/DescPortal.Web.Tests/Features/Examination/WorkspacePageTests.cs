using System.Net;
using Bunit;
using DescPortal.Core.Examination;
using DescPortal.Testing;
using DescPortal.Web.Features.Examination;
using DescPortal.Web.Features.ReferenceLibrary;
using DescPortal.Web.Features.Referrals;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using DescPortal.Web.Features.Cases;
using DescPortal.DemoData;

namespace DescPortal.Web.Tests.Features.Examination;

/// <summary>The workspace page as the server renders it (the viewers are JavaScript, not exercised here).</summary>
public sealed class WorkspacePageTests(ComponentHost host) : ComponentTest(host)
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reference_specimen_chosen_elsewhere_arrives_with_its_checklist_and_compare_opens()
    {
        var examiner = SignInAs("examiner@desc.local", "ex-" + Guid.NewGuid().ToString("N")[..8]);
        using var client = Host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var response = await client.PostAsync("/api/v1/referrals", ReferralRequests.Multipart(ReferralRequests.Example(), TestImages.Jpeg(seed: 11)), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.JsonAsync()).GetProperty("id").GetGuid();
        await Host.Services.GetRequiredService<TakeCase>().HandleAsync(examiner, id, Ct);

        var cut = RenderLive<Workspace>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => Assert.True(cut.Find("[data-testid=view-sidebyside]").HasAttribute("disabled")));
        Assert.Empty(cut.FindAll("[data-testid=checklist-item]"));

        // The same examiner chooses the specimen in another tab: this page follows, specimen and all.
        var specimen = (await Host.Services.GetRequiredService<LibraryQueries>().LoadAsync(examiner, LibrarySeeding.IdOf("UTO-P-2007"), Ct))!.Specimen;
        var record = (await Host.Services.GetRequiredService<CaseQueries>().LoadForAsync(examiner, id, Ct))!;
        await Host.Services.GetRequiredService<ExaminationCommands>().DecideAsync(examiner, id, record.Version,
            (r, e, a, now) => ExaminationDecider.ChooseReferenceSpecimen(r, e, 0, specimen, a, now), Ct);

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=checklist-item]")));
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=view-sidebyside]").HasAttribute("disabled")));
    }
}
