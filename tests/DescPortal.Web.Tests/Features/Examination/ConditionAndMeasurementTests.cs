using System.Net;
using Bunit;
using DescPortal.Core.Examination;
using DescPortal.Testing;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Features.Examination;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DescPortal.Web.Tests.Features.Examination;

/// <summary>
/// What the examiner records for the report's ISO/IEC 17025 §7.8 parts: the condition of the items as received,
/// amended on the case page, and a length drawn with the Ruler in the workspace, recorded in millimetres.
/// </summary>
public sealed class ConditionAndMeasurementTests(ComponentHost host) : ComponentTest(host)
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    /// <summary>A north case with one white image at 600 dpi, stated "Intact." by the officer, taken by the signed-in examiner.</summary>
    private async Task<Guid> TakenCaseAsync(Web.Infrastructure.Identity.UserScope examiner)
    {
        using var client = Host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var referral = ReferralRequests.Example("White");
        referral["conditionOnReceipt"] = "Intact.";
        var response = await client.PostAsync("/api/v1/referrals",
            ReferralRequests.Multipart(referral, TestImages.Jpeg(900, 640, seed: Random.Shared.Next(1000, 100_000))), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.JsonAsync()).GetProperty("id").GetGuid();
        await Host.Services.GetRequiredService<TakeCase>().HandleAsync(examiner, id, Ct);
        return id;
    }

    [Fact]
    public async Task The_examiner_amends_the_condition_on_receipt_and_the_case_shows_it_as_amended()
    {
        var examiner = SignInAs("examiner@desc.local", "ex-" + Guid.NewGuid().ToString("N")[..8]);
        var id = await TakenCaseAsync(examiner);

        var cut = RenderLive<CasePage>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => Assert.Equal("Intact.", cut.Find("[data-testid=case-condition] span").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=case-condition-amended]"));
        await cut.Find("[data-testid=condition-amend]").ClickAsync(new MouseEventArgs());

        // Nothing written: refused under the field, and the form stays open.
        cut.Find("[data-testid=condition-text]").Input("   ");
        await cut.Find("[data-testid=condition-form]").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Contains("write how the items were received", cut.Find("[data-testid=condition-error]").TextContent,
            StringComparison.Ordinal));

        const string condition = "Data page laminate lifted at the lower edge; <b>cover</b> intact.";
        cut.Find("[data-testid=condition-text]").Input(condition);
        await cut.Find("[data-testid=condition-form]").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Equal(condition, cut.Find("[data-testid=case-condition] span").TextContent.Trim()));
        Assert.Contains("Amended by the examiner (Erik Examiner", cut.Find("[data-testid=case-condition-amended]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=condition-form]"));
        Assert.Empty(cut.FindAll("[data-testid=case-condition] b")); // text, never markup
        var record = (await Host.Services.GetRequiredService<CaseQueries>().LoadForAsync(examiner, id, Ct))!;
        Assert.Equal(condition, record.Case.ConditionOnReceipt);
        Assert.StartsWith("Erik Examiner", record.Case.ConditionAmendedBy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_officer_reads_the_condition_as_they_stated_it_and_is_offered_no_amendment()
    {
        var examiner = SignInAs("examiner@desc.local", "ex-" + Guid.NewGuid().ToString("N")[..8]);
        var id = await TakenCaseAsync(examiner);
        var record = (await Host.Services.GetRequiredService<CaseQueries>().LoadForAsync(examiner, id, Ct))!;
        await Host.Services.GetRequiredService<ExaminationCommands>().DecideAsync(examiner, id, record.Version,
            (r, _, a, now) => Core.Referrals.ReferralDecider.AmendConditionOnReceipt(r, a.UserId, "Cover torn.", a.Actor, now), Ct);
        var officer = SignInAs("officer.north@desc.local");
        record = (await Host.Services.GetRequiredService<CaseQueries>().LoadForAsync(officer, id, Ct))!;

        var cut = Render<CaseFile>(p => p.Add(x => x.Record, record).Add(x => x.View, CaseView.Officer).Add(x => x.Scope, officer));

        Assert.Equal("Intact.", cut.Find("[data-testid=case-condition] span").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=case-condition-amended]"));
        Assert.Empty(cut.FindAll("[data-testid=condition-panel]"));
    }

    [Fact]
    public async Task A_line_drawn_with_the_ruler_is_recorded_as_a_measurement_in_millimetres_with_its_note()
    {
        var examiner = SignInAs("examiner@desc.local", "ex-" + Guid.NewGuid().ToString("N")[..8]);
        var id = await TakenCaseAsync(examiner);

        var cut = RenderLive<Workspace>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=tool-ruler]")));
        Assert.NotNull(cut.Find("[data-testid=measurements-hint]"));
        await cut.Find("[data-testid=tool-ruler]").ClickAsync(new MouseEventArgs());
        // The browser's ruler sends the line in image pixels: 600 dpi, so 472 pixels are 19.98 mm.
        var viewer = cut.FindComponents<DeepZoomViewer>()[0];
        await cut.InvokeAsync(() => viewer.Instance.RulerDrawn([50, 100, 522, 100]));
        cut.WaitForAssertion(() => Assert.Contains("19.98 mm", cut.Find("[data-testid=measurement-draft-length]").TextContent,
            StringComparison.Ordinal));
        cut.Find("[data-testid=measurement-note]").Input("Width of the portrait");
        await cut.Find("[data-testid=measurement-form]").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=measurement]")));
        var shown = cut.Find("[data-testid=measurement]");
        Assert.Equal("19.98", shown.GetAttribute("data-length-mm"));
        Assert.Contains("M1", shown.TextContent, StringComparison.Ordinal);
        Assert.Contains("Width of the portrait", shown.TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=measurement-form]"));
        var recorded = Assert.Single((await Host.Services.GetRequiredService<CaseQueries>().LoadForAsync(examiner, id, Ct))!.Examination.Measurements);
        Assert.Equal(19.98, recorded.Measurement.LengthMm, 2);
        Assert.Equal(600, recorded.Measurement.Scale.Dpi, 6);
        Assert.Equal("Width of the portrait", recorded.Measurement.Note);

        // Removed: it leaves the list and the case.
        await cut.Find("[data-testid=measurement-remove]").ClickAsync(new MouseEventArgs());
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=measurement]")));
        Assert.Empty((await Host.Services.GetRequiredService<CaseQueries>().LoadForAsync(examiner, id, Ct))!.Examination.Measurements);
    }
}
