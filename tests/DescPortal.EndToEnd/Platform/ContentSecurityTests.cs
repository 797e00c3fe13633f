using DescPortal.DemoData;
using Microsoft.Playwright;
using Xunit;
using static DescPortal.EndToEnd.Platform.PageReady;

namespace DescPortal.EndToEnd.Platform;

/// <summary>
/// The portal works under its Content-Security-Policy: every main page of each role, on a portal with the demo cases,
/// is served with the policy and reports no violation while it loads, turns interactive, shows its content (the
/// viewers their tiles) and switches theme. And the policy does its work: an inline script put into a page does not
/// run, and no other site can frame the portal.
/// </summary>
[Collection(nameof(DemoPortalCollection))]
public sealed class ContentSecurityTests(BrowserHost browsers, DemoPortal portal)
{
    private const string North = "BCP-NORTH";

    /// <summary>One role's round: signed in with the policy watched from the sign-in page on.</summary>
    private sealed class Round(IPage page, ContentSecurity policy) : IAsyncDisposable
    {
        public IPage Page => page;

        public async Task PageAsync(string address, Func<IPage, Task> ready, bool interactive = true)
        {
            await page.GotoAsync(address);
            if (interactive) await BrowserHost.WaitInteractiveAsync(page);
            await ready(page);
        }

        /// <summary>The app bar's theme button, which stores the choice in a cookie from script.</summary>
        public Task SwitchThemeAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Switch theme" }).ClickAsync();

        public void AssertNone(string who) =>
            Assert.True(policy.Problems.Count == 0, $"{who}, Content-Security-Policy:\n" + string.Join('\n', policy.Problems));

        public async ValueTask DisposeAsync() => await page.Context.CloseAsync();
    }

    private async Task<Round> SignInAsync(string email)
    {
        var page = await browsers.NewPageAsync(portal: portal.BaseAddress);
        var round = new Round(page, new ContentSecurity(page));
        await BrowserHost.SignInOnAsync(page, email);
        return round;
    }

    [Fact]
    public async Task The_officers_pages_work_under_the_policy()
    {
        await using var round = await SignInAsync("officer.north@desc.local");
        await round.PageAsync("/", Shows("home-title"));
        await round.SwitchThemeAsync();
        await round.PageAsync("/referrals/new", Shows("reason"));
        await round.PageAsync("/referrals", Shows("case-link"));
        await round.PageAsync($"/referrals/{await portal.CaseAsync(North, "AwaitingInformation")}", CaseShown);
        await round.PageAsync($"/referrals/{await portal.CaseAsync(North, "Reported")}", CaseShown);
        round.AssertNone("officer");
    }

    [Fact]
    public async Task The_examiners_pages_work_under_the_policy()
    {
        var caseId = await portal.CaseAsync(North, "InExamination");
        await using var round = await SignInAsync("examiner@desc.local");
        await round.PageAsync("/", Shows("home-title"));
        await round.PageAsync("/queue", Shows("case-link"));
        await round.PageAsync("/my-cases", Shows("case-link"));
        await round.PageAsync($"/cases/{caseId}", CaseShown);
        await round.PageAsync($"/cases/{caseId}/workspace", page => page.WaitForFunctionAsync(TilesLoaded, null, new() { Timeout = BrowserHost.Slow }));
        await round.Page.GetByTestId("view-sidebyside").ClickAsync();
        await round.Page.WaitForFunctionAsync(SpecimenTiled, null, new() { Timeout = BrowserHost.Slow });
        await round.PageAsync("/library", Shows("library-result"));
        await round.PageAsync($"/library/{LibrarySeeding.IdOf("UTO-P-2007")}", Shows("specimen-title"));
        await round.PageAsync("/library/exchange", Shows("export"));
        await round.PageAsync("/library/new", Shows("specimen-details-form"));
        round.AssertNone("examiner");
    }

    [Fact]
    public async Task The_reviewers_and_the_issuing_authoritys_pages_work_under_the_policy()
    {
        await using (var reviewer = await SignInAsync("reviewer@desc.local"))
        {
            await reviewer.PageAsync($"/cases/{await portal.CaseAsync(North, "InReview")}", CaseShown);
            await reviewer.PageAsync($"/cases/{await portal.CaseAsync(North, "Superseded")}", CaseShown);
            reviewer.AssertNone("reviewer");
        }
        await using var authority = await SignInAsync("authority@desc.local");
        await authority.PageAsync("/", Shows("home-title"));
        await authority.PageAsync("/library", Shows("library-result"));
        await authority.PageAsync($"/library/{LibrarySeeding.IdOf("UTO-P-2007")}", Shows("specimen-title"));
        authority.AssertNone("authority");
    }

    [Fact]
    public async Task The_administrators_pages_and_the_jobs_dashboard_work_under_the_policy()
    {
        await using var round = await SignInAsync("admin@desc.local");
        await round.PageAsync("/admin/users", Shows("new-user-form"));
        await round.PageAsync("/admin/agencies", Shows("new-agency-form"));
        await round.PageAsync("/admin/partners", Shows("own-fingerprint"));
        // Hangfire's dashboard: its own pages, its scripts from its own files, which ran (jQuery, its graphs).
        await round.PageAsync("/jobs", async page =>
        {
            await Assertions.Expect(page.Locator("#realtimeGraph")).ToBeVisibleAsync();
            await page.WaitForFunctionAsync("() => typeof window.jQuery === 'function' && typeof window.Hangfire === 'object'");
        }, interactive: false);
        round.AssertNone("admin");
    }

    [Fact]
    public async Task The_public_pages_work_under_the_policy_and_an_inline_script_put_into_one_does_not_run()
    {
        var page = await browsers.NewPageAsync(portal: portal.BaseAddress);
        var policy = new ContentSecurity(page, tolerated: m => m.Contains("inline script", StringComparison.Ordinal));
        await using var round = new Round(page, policy);
        await round.PageAsync("/verify", Shows("verify-form"), interactive: false);
        await round.PageAsync("/account/signin", p => p.Locator("#email").WaitForAsync(), interactive: false);

        // As an injected <script> would be (stored text the page failed to encode, say): refused, and reported.
        var report = await page.RunAndWaitForConsoleMessageAsync(
            () => page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.__injected = true'; document.body.appendChild(s); }"),
            new() { Predicate = m => m.Text.Contains("Content Security Policy", StringComparison.Ordinal) });
        Assert.Contains("inline script", report.Text, StringComparison.Ordinal);
        Assert.False(await page.EvaluateAsync<bool>("() => window.__injected === true"));
        round.AssertNone("public");
    }

    [Fact]
    public async Task Another_site_cannot_frame_the_portal()
    {
        var page = await browsers.NewPageAsync(portal: portal.BaseAddress);
        var refused = await page.RunAndWaitForConsoleMessageAsync(
            () => page.SetContentAsync($"<iframe src=\"{new Uri(portal.BaseAddress, "account/signin")}\"></iframe>"),
            new() { Predicate = m => m.Text.Contains("frame-ancestors", StringComparison.Ordinal) });
        Assert.Contains("'none'", refused.Text, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
