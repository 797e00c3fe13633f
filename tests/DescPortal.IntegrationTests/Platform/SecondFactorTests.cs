using System.Net;
using System.Text.RegularExpressions;
using DescPortal.DemoData;
using DescPortal.Testing;
using DescPortal.Web.Features.Admin;
using DescPortal.Web.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DescPortal.IntegrationTests.Platform;

/// <summary>
/// Examiners, reviewers and administrators sign in with a second factor (an authenticator's TOTP code, or a recovery
/// code once): the password alone opens nothing, and an account of those roles without an authenticator is signed in
/// without its roles until it enrols one.
/// </summary>
public sealed partial class SecondFactorTests(IntegrationHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly UserScope Admin =
        new("2fa-admin", "Adam Admin", new HashSet<string> { Roles.Admin }, null, null, false) { UserName = "admin@desc.example" };

    private HttpClient Browser() => host.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task An_examiners_password_alone_signs_nobody_in_and_a_wrong_code_is_refused()
    {
        using var browser = Browser();
        var afterPassword = await browser.PasswordOnlyAsync("examiner@desc.local", DemoAccounts.Password);
        Assert.StartsWith("/account/second-factor", afterPassword, StringComparison.Ordinal);
        await AssertRedirectsAsync(browser, "/my-cases", "/account/signin");

        Assert.Equal("The code is not correct.", await browser.SecondFactorAsync(WrongCode(DemoAccounts.AuthenticatorKey)));
        await AssertRedirectsAsync(browser, "/my-cases", "/account/signin");

        Assert.Null(await browser.SecondFactorAsync(Totp.Code(DemoAccounts.AuthenticatorKey)));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/my-cases", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_examiner_without_an_authenticator_has_no_examiner_role_until_enrolled_then_signs_in_with_a_code_or_a_recovery_code_once()
    {
        var email = $"enrol-{Guid.NewGuid():N}@desc.example";
        var created = await host.Services.GetRequiredService<CreateUser>()
            .HandleAsync(Admin, new NewUser { Email = email, DisplayName = "Enid Enrol", Role = Roles.Examiner }, Ct);
        using var browser = Browser();
        Assert.Null(await browser.SetPasswordAsync(created.Value!.Link.PathAndQuery, "Enids-own-2026"));

        Assert.Equal("/account/authenticator", await browser.PasswordOnlyAsync(email, "Enids-own-2026"));
        await AssertRedirectsAsync(browser, "/my-cases", "/account/denied");

        var page = await browser.GetStringAsync("/account/authenticator", Ct);
        var key = AuthenticatorKey().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.NotEmpty(key);
        var codes = await browser.EnrolAsync(page, Totp.Code(key));
        Assert.Equal(10, codes.Count);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/my-cases", Ct)).StatusCode);

        // Next time: the password, then the app's code; or a recovery code, which works once.
        using var again = Browser();
        Assert.Null(await again.SignInAsync(email, "Enids-own-2026", key));
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/my-cases", Ct)).StatusCode);
        using var recovering = Browser();
        Assert.StartsWith("/account/second-factor", await recovering.PasswordOnlyAsync(email, "Enids-own-2026"), StringComparison.Ordinal);
        Assert.Null(await recovering.SecondFactorAsync(codes[0]));
        using var replaying = Browser();
        await replaying.PasswordOnlyAsync(email, "Enids-own-2026");
        Assert.Equal("The code is not correct.", await replaying.SecondFactorAsync(codes[0]));
    }

    [Fact]
    public async Task A_field_officer_signs_in_with_the_password_alone()
    {
        using var browser = Browser();
        Assert.Equal("/", await browser.PasswordOnlyAsync("officer.north@desc.local", DemoAccounts.Password));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/referrals", Ct)).StatusCode);
    }

    private static async Task AssertRedirectsAsync(HttpClient client, string path, string to)
    {
        var response = await client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(to, response.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    /// <summary>A code the app shows at no time near now.</summary>
    private static string WrongCode(string key)
    {
        var near = Enumerable.Range(-3, 7).Select(i => Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30 * i))).ToHashSet();
        return Enumerable.Range(0, 1000).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !near.Contains(c));
    }

    [GeneratedRegex("data-testid=\"authenticator-key\">([^<]+)<")]
    private static partial Regex AuthenticatorKey();
}
