using DescPortal.Testing;
using Microsoft.Playwright;
using Xunit;

namespace DescPortal.EndToEnd.Custody;

/// <summary>The case page's chain of custody: an examiner checks it and reads the events, the evidence and the accesses.</summary>
public sealed class CustodyPanelTests(BrowserHost host)
{
    [Fact]
    public async Task An_examiner_checks_the_chain_of_custody_and_sees_their_own_reading_of_the_case_recorded()
    {
        var caseId = await host.SubmitReferralAsync(ReferralRequests.Example(["White", "UV365"]), TestImages.Jpeg(640, 400, seed: 111), TestImages.Jpeg(640, 400, seed: 112));

        var examiner = await host.SignInAsync("examiner@desc.local");
        await examiner.GotoAsync($"/cases/{caseId}");
        await BrowserHost.WaitInteractiveAsync(examiner);
        var panel = examiner.GetByTestId("custody");
        await panel.GetByTestId("custody-check").ClickAsync();

        await Assertions.Expect(panel.GetByTestId("custody-result")).ToHaveAttributeAsync("data-intact", "true");
        // The submission and its two images (thumbnail jobs may have added their events since).
        var events = panel.GetByTestId("custody-events").Locator("tbody tr");
        await Assertions.Expect(events.First).ToContainTextAsync("ReferralSubmitted");
        await Assertions.Expect(events.Nth(2)).ToContainTextAsync("EvidenceImageAttached");
        await Assertions.Expect(panel.GetByTestId("custody-events").Locator("tbody tr[data-intact=false]")).ToHaveCountAsync(0);
        await Assertions.Expect(panel.GetByTestId("custody-evidence").Locator("tbody tr[data-intact=true]")).ToHaveCountAsync(2);
        // Opening the page was recorded, under the examiner's name.
        await Assertions.Expect(panel.GetByTestId("custody-accesses")).ToContainTextAsync("examiner@desc.local");
        await panel.ScrollIntoViewIfNeededAsync();
        await BrowserHost.ScreenshotAsync(examiner, "case-page-custody");
        await examiner.Context.CloseAsync();
    }
}
