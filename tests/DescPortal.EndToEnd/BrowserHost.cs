using DescPortal.Testing;
using Microsoft.Playwright;
using Xunit;
using DescPortal.DemoData;

[assembly: AssemblyFixture(typeof(DescPortal.EndToEnd.BrowserHost))]

namespace DescPortal.EndToEnd;

/// <summary>
/// The portal on a loopback port and one Debian Chromium for the whole assembly. Tests open their own
/// browser contexts (separate cookies), sign in as demo users and keep screenshots as artifacts.
/// </summary>
public sealed partial class BrowserHost : PortalHost
{
    /// <summary>
    /// How long a test waits for what the server does (a round trip, a job), and every expectation's default: a cap,
    /// not a timed test. The suite's four projects share two cores, where a click or a page load can wait its turn.
    /// </summary>
    public const int Slow = 60_000;

    private IPlaywright? _playwright;

    protected override bool Kestrel => true;

    public IBrowser Browser { get; private set; } = default!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Assertions.SetDefaultExpectTimeout(Slow);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            // The report printer's browser and flags (without the background-networking ones Chromium floods the
            // closed network with connections).
            ExecutablePath = new DescPortal.Web.Infrastructure.Reports.ReportOptions().Chromium,
            Headless = true,
            Args = DescPortal.Web.Infrastructure.Reports.ReportPrinter.ChromiumArgs,
        });
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>
    /// A fresh context and page, signed in as the demo account, waiting until the circuit is interactive; on this
    /// portal, or on another one (<paramref name="portal"/>, a portal of the test's own).
    /// </summary>
    /// <param name="bypassContentSecurity">For a page a test puts a tool of its own into (axe): see <see cref="NewPageAsync"/>.</param>
    public async Task<IPage> SignInAsync(string email, int width = 1400, int height = 900, Uri? portal = null, bool bypassContentSecurity = false)
    {
        var page = await NewPageAsync(width, height, portal, bypassContentSecurity);
        await SignInOnAsync(page, email);
        return page;
    }

    /// <summary>Signs the page in as the demo account and waits until the circuit is interactive.</summary>
    public static async Task SignInOnAsync(IPage page, string email)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/account/signin");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", DescPortal.DemoData.DemoAccounts.Password);
        await page.ClickAsync("#signin-submit");
        // A refusal ends the wait with its reason; examiners, reviewers and the admin give their authenticator's code.
        await page.Locator("[data-testid='signin-error'], #desc-app, #second-factor-submit").First.WaitForAsync(new() { Timeout = 90_000 });
        if (await page.Locator("#second-factor-submit").CountAsync() > 0)
        {
            await page.FillAsync("#code", Totp.Code(DescPortal.DemoData.DemoAccounts.AuthenticatorKey));
            await page.ClickAsync("#second-factor-submit");
            await page.Locator("[data-testid='second-factor-error'], #desc-app").First.WaitForAsync(new() { Timeout = 90_000 });
            if (await page.GetByTestId("second-factor-error").CountAsync() > 0)
                throw new InvalidOperationException($"The second factor of {email} was refused: {await page.GetByTestId("second-factor-error").InnerTextAsync()}");
        }
        if (await page.GetByTestId("signin-error").CountAsync() > 0)
            throw new InvalidOperationException($"Signing in as {email} was refused: {await page.GetByTestId("signin-error").InnerTextAsync()}");
        // Off the sign-in page. An expectation that reads the address until it matches, not WaitForURL: that one
        // waited for a navigation (and a load) that had already happened, now and then, until it timed out.
        await Assertions.Expect(page).ToHaveURLAsync(NotSignIn(), new() { Timeout = 90_000 });
        await WaitInteractiveAsync(page);
    }

    [System.Text.RegularExpressions.GeneratedRegex("^(?!.*/account/signin)")]
    private static partial System.Text.RegularExpressions.Regex NotSignIn();

    /// <summary>A page in a fresh context (its own cookies), not signed in, with the suite's waiting caps.</summary>
    /// <param name="bypassContentSecurity">
    /// The browser ignores the portal's Content-Security-Policy: only for a test that puts an inline script of its own
    /// into the page (axe), which the policy refuses as it refuses any.
    /// </param>
    public async Task<IPage> NewPageAsync(int width = 1400, int height = 900, Uri? portal = null, bool bypassContentSecurity = false)
    {
        var context = await Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height },
            BaseURL = (portal ?? BaseAddress).ToString(),
            BypassCSP = bypassContentSecurity,
        });
        context.SetDefaultTimeout(Slow);
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
    }

    /// <summary>A north referral of these images, sent through the API as a border system sends one; its case id.</summary>
    public async Task<Guid> SubmitReferralAsync(System.Text.Json.Nodes.JsonObject referral, params byte[][] images)
    {
        using var api = new HttpClient { BaseAddress = BaseAddress }.WithKey(ReferralRequests.NorthKey);
        var submitted = await api.PostAsync("/api/v1/referrals", ReferralRequests.Multipart(referral, images), TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Created, submitted.StatusCode);
        return (await submitted.JsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>The signed-in examiner opens the case and takes it; returns once the page shows it is theirs.</summary>
    public static async Task TakeCaseAsync(IPage page, Guid caseId)
    {
        await page.GotoAsync($"/cases/{caseId}");
        await WaitInteractiveAsync(page);
        await page.GetByTestId("take-case").ClickAsync();
        await Assertions.Expect(page.GetByTestId("take-case")).ToHaveCountAsync(0);
    }

    /// <summary>Prerendered HTML ignores clicks: wait for the marker the layout sets once the circuit is live.</summary>
    public static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("#desc-app[data-interactive='true']").WaitForAsync(new() { Timeout = Slow });

    /// <summary>Starts a trail of focus changes and committed values in the page, for a failure message.</summary>
    public static Task RecordFocusAsync(IPage page) => page.EvaluateAsync("""
        () => {
            const t0 = performance.now(), trail = window.__focusTrail = [];
            const name = e => e?.getAttribute?.('data-testid') || e?.id || e?.tagName || 'none';
            for (const type of ['focusin', 'focusout', 'change'])
                document.addEventListener(type, e => trail.push(
                    `${Math.round(performance.now() - t0)} ms ${type} ${name(e.target)}` + (type === 'change' ? ` "${e.target.value}"` : '')), true);
        }
        """);

    public static Task<string> FocusTrailAsync(IPage page) =>
        page.EvaluateAsync<string>("() => (window.__focusTrail || ['(not recorded)']).join('; ')");

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(TestServices.ArtifactsDirectory, name + ".png"), FullPage = true });
}
