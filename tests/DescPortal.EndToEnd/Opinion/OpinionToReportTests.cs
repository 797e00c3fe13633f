using DescPortal.Testing;
using Microsoft.Playwright;
using Xunit;

namespace DescPortal.EndToEnd.Opinion;

/// <summary>From the examiner's draft to the officer's report: four eyes in two browsers, the job printing the PDF.</summary>
public sealed class OpinionToReportTests(BrowserHost host)
{
    [Fact]
    public async Task The_examiner_drafts_a_reviewer_approves_and_the_officer_downloads_the_report()
    {
        var caseId = await host.SubmitReferralAsync(ReferralRequests.Example(["White"]), TestImages.Jpeg(1200, 800, seed: 81));

        // The examiner takes the case and drafts: refused without a fraud type, the typed conclusion kept.
        var examiner = await host.SignInAsync("examiner@desc.local");
        await BrowserHost.TakeCaseAsync(examiner, caseId);
        var conclusion = examiner.GetByTestId("opinion-conclusion");
        await Assertions.Expect(conclusion).ToBeVisibleAsync();
        await conclusion.FillAsync("The passport is a counterfeit: the guilloche is printed as dots.");
        await examiner.GetByTestId("opinion-save").ClickAsync();
        await Assertions.Expect(examiner.Locator("[data-testid=field-error][data-path=fraudType]")).ToBeVisibleAsync();
        await Assertions.Expect(conclusion).ToHaveValueAsync("The passport is a counterfeit: the guilloche is printed as dots.");
        await examiner.GetByTestId("opinion-fraud-type").SelectOptionAsync("Counterfeit");
        await examiner.GetByTestId("opinion-findings").FillAsync("Guilloche: offset dots instead of continuous lines.");
        await examiner.GetByTestId("opinion-save").ClickAsync();
        await Assertions.Expect(examiner.Locator("[data-testid=field-error]")).ToHaveCountAsync(0);
        // The errors clear as the save starts; the page says "saved" only once the draft is stored.
        await Assertions.Expect(examiner.GetByTestId("opinion-saved")).ToBeVisibleAsync();
        // Saved and resumed: a fresh load shows the draft.
        await examiner.ReloadAsync();
        await BrowserHost.WaitInteractiveAsync(examiner);
        await Assertions.Expect(examiner.GetByTestId("opinion-findings")).ToHaveValueAsync("Guilloche: offset dots instead of continuous lines.");
        await examiner.GetByTestId("opinion-submit").ClickAsync();
        await Assertions.Expect(examiner.GetByTestId("opinion-view")).ToBeVisibleAsync();
        // No review of one's own opinion: the examiner has no review panel.
        await Assertions.Expect(examiner.GetByTestId("review-panel")).ToHaveCountAsync(0);
        await BrowserHost.ScreenshotAsync(examiner, "opinion-in-review");

        // A reviewer approves.
        var reviewer = await host.SignInAsync("reviewer@desc.local");
        await reviewer.GotoAsync($"/cases/{caseId}");
        await BrowserHost.WaitInteractiveAsync(reviewer);
        await Assertions.Expect(reviewer.GetByTestId("opinion-view")).ToHaveAttributeAsync("data-fraud-type", "Counterfeit");
        await reviewer.GetByTestId("review-approve").ClickAsync();
        // The job prints the report; the page follows the case and lists it.
        var item = reviewer.GetByTestId("report-item");
        await Assertions.Expect(item).ToHaveAttributeAsync("data-current", "true");
        await BrowserHost.ScreenshotAsync(reviewer, "opinion-reported");
        var number = await item.GetAttributeAsync("data-number");
        Assert.Matches(@"^DESC-\d{4}-\d{6}-R1$", number);

        // The officer of the agency is told and downloads the PDF.
        var officer = await host.SignInAsync("officer.north@desc.local");
        await officer.GotoAsync($"/referrals/{caseId}");
        await BrowserHost.WaitInteractiveAsync(officer);
        await Assertions.Expect(officer.GetByTestId("report-ready")).ToBeVisibleAsync();
        await Assertions.Expect(officer.GetByTestId("opinion-fraud-type-view")).ToContainTextAsync("Counterfeit");
        var download = await officer.Context.APIRequest.GetAsync((await officer.GetByTestId("report-download").GetAttributeAsync("href"))!);
        Assert.Equal(200, download.Status);
        Assert.Equal("application/pdf", download.Headers["content-type"]);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await download.BodyAsync())[..4]), StringComparison.Ordinal);
        await BrowserHost.ScreenshotAsync(officer, "officer-report-ready");
        foreach (var page in new[] { examiner, reviewer, officer }) await page.Context.CloseAsync();
    }
}
