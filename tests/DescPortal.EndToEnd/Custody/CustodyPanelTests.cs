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

    [Fact]
    public async Task An_administrator_verifies_the_whole_store_and_the_run_is_kept()
    {
        await host.SubmitReferralAsync(ReferralRequests.Example(["White"]), TestImages.Jpeg(640, 400, seed: 113));
        var admin = await host.SignInAsync("admin@desc.local");
        await admin.GotoAsync("/admin/verify");
        await BrowserHost.WaitInteractiveAsync(admin);
        await admin.GetByTestId("verify-run").ClickAsync();

        // Nothing in this portal was changed behind its back: intact, with what was looked at counted.
        var result = admin.GetByTestId("verify-result");
        await Assertions.Expect(result).ToHaveAttributeAsync("data-intact", "true", new() { Timeout = BrowserHost.Slow });
        await Assertions.Expect(result).ToContainTextAsync("events");
        await Assertions.Expect(admin.GetByTestId("verify-run")).ToBeEnabledAsync();
        await Assertions.Expect(result).ToContainTextAsync("admin@desc.local");
        await BrowserHost.ScreenshotAsync(admin, "admin-verify");

        // The run is kept: opened again, the page shows it.
        await admin.ReloadAsync();
        await BrowserHost.WaitInteractiveAsync(admin);
        await Assertions.Expect(admin.GetByTestId("verify-result")).ToContainTextAsync("admin@desc.local");
        await admin.Context.CloseAsync();
    }
}
