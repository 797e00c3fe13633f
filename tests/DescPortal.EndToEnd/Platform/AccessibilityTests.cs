using DescPortal.DemoData;
using Microsoft.Playwright;
using Xunit;
using static DescPortal.EndToEnd.Platform.PageReady;

namespace DescPortal.EndToEnd.Platform;

/// <summary>
/// Every main page, as each role sees it on a portal with the demo cases, passes axe-core's WCAG 2.1 A and AA rules
/// (colour contrast included) in the light and the dark theme: officers at border posts work at night, on dark
/// screens, and with the keyboard. One sign-in per role; each page is checked in both themes.
/// </summary>
[Collection(nameof(DemoPortalCollection))]
public sealed class AccessibilityTests(BrowserHost browsers, DemoPortal portal)
{
    private const string North = "BCP-NORTH";

    // axe is put into the page as an inline script, which the portal's Content-Security-Policy rightly refuses: these
    // rounds bypass the policy (ContentSecurityTests walks the same pages under it).
    private async Task<ThemedPageChecks> SignInAsync(string email, string who) =>
        new(await browsers.SignInAsync(email, portal: portal.BaseAddress, bypassContentSecurity: true), who);

    [Fact]
    public async Task The_officers_pages_pass_in_both_themes()
    {
        await using var check = await SignInAsync("officer.north@desc.local", "officer");
        await check.PageAsync("/", Shows("home-title"));
        await check.PageAsync("/referrals/new", Shows("reason"), screenshot: "a11y-new-referral");
        // Sent empty: the summary of what is missing and each field's error.
        await check.StateAsync("sent empty", async page =>
        {
            await page.GetByTestId("submit-referral").ClickAsync();
            await Assertions.Expect(page.GetByTestId("validation-summary")).ToBeVisibleAsync();
        }, screenshot: "a11y-new-referral-errors");
        await check.PageAsync("/referrals", Shows("case-link"));
        // Asked for more material (the answer form), and reported (the opinion and its report).
        await check.PageAsync($"/referrals/{await portal.CaseAsync(North, "AwaitingInformation")}", CaseShown);
        await check.PageAsync($"/referrals/{await portal.CaseAsync(North, "Reported")}", CaseShown);
        check.AssertNone();
    }

    [Fact]
    public async Task The_examiners_pages_pass_in_both_themes()
    {
        var caseId = await portal.CaseAsync(North, "InExamination");
        await using var check = await SignInAsync("examiner@desc.local", "examiner");
        await check.PageAsync("/", Shows("home-title"));
        await check.PageAsync("/queue", Shows("case-link"), screenshot: "a11y-queue");
        await check.PageAsync("/my-cases", Shows("case-link"));
        await check.PageAsync($"/cases/{caseId}", CaseShown, screenshot: "a11y-case");
        // The examiner's own case: tools, marks, checklist and MRZ beside the image.
        await check.PageAsync($"/cases/{caseId}/workspace",
            page => page.WaitForFunctionAsync(TilesLoaded, null, new() { Timeout = BrowserHost.Slow }), screenshot: "a11y-workspace");
        // Side by side with the reference specimen, with the alignment panel.
        await check.StateAsync("side by side", async page =>
        {
            await page.GetByTestId("view-sidebyside").ClickAsync();
            await page.WaitForFunctionAsync(SpecimenTiled, null, new() { Timeout = BrowserHost.Slow });
        }, screenshot: "a11y-workspace-compare");
        await check.PageAsync("/library", Shows("library-result"), screenshot: "a11y-library");
        await check.PageAsync($"/library/{LibrarySeeding.IdOf("UTO-P-2007")}", Shows("specimen-title"));
        await check.PageAsync("/library/exchange", Shows("export"));
        await check.PageAsync("/library/new", Shows("specimen-details-form"));
        check.AssertNone();
    }

    [Fact]
    public async Task The_reviewers_pages_pass_in_both_themes()
    {
        await using var check = await SignInAsync("reviewer@desc.local", "reviewer");
        await check.PageAsync("/", Shows("home-title"));
        // In review (approve or return), and reported with a superseded first report.
        await check.PageAsync($"/cases/{await portal.CaseAsync(North, "InReview")}", CaseShown);
        await check.PageAsync($"/cases/{await portal.CaseAsync(North, "Superseded")}", CaseShown);
        check.AssertNone();
    }

    [Fact]
    public async Task The_issuing_authoritys_pages_pass_in_both_themes()
    {
        await using var check = await SignInAsync("authority@desc.local", "authority");
        await check.PageAsync("/", Shows("home-title"));
        await check.PageAsync("/library", Shows("library-result"));
        await check.PageAsync($"/library/{LibrarySeeding.IdOf("UTO-P-2007")}", Shows("specimen-title"));
        check.AssertNone();
    }

    [Fact]
    public async Task The_administrators_pages_pass_in_both_themes()
    {
        await using var check = await SignInAsync("admin@desc.local", "admin");
        await check.PageAsync("/", Shows("home-title"));
        await check.PageAsync("/admin/users", Shows("new-user-form"));
        await check.PageAsync("/admin/agencies", Shows("new-agency-form"));
        // The list, or the word that there is nothing on it (other tests of this portal may have raised an alarm).
        await check.PageAsync("/admin/integrity", page => page.Locator("[data-testid=integrity-alarms], [data-testid=no-integrity-alarms]").First.WaitForAsync());
        await check.PageAsync("/admin/verify", Shows("verify-run"));
        check.AssertNone();
    }

    [Fact]
    public async Task The_public_pages_pass()
    {
        // Static pages without a circuit or a theme switch: the sign-in, and the report verification with each answer.
        var codes = await portal.ReportCodesAsync(await portal.CaseAsync(North, "Superseded"));
        await using var check = new ThemedPageChecks(await browsers.NewPageAsync(portal: portal.BaseAddress, bypassContentSecurity: true), "public");
        await check.PageAsync("/account/signin", page => page.Locator("#email").WaitForAsync(), themed: false);
        await check.PageAsync("/verify", Shows("verify-form"), themed: false);
        foreach (var (code, result) in new[] { (codes[^1], "Genuine"), (codes[0], "Superseded"), ("AAAA-BBBB-CCCC-DDDD", "Unknown") })
            await check.PageAsync($"/verify?code={code}",
                page => Assertions.Expect(page.GetByTestId("verify-result")).ToHaveAttributeAsync("data-result", result), themed: false);
        check.AssertNone();
    }
}
