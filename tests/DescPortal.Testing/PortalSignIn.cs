using System.Net;
using System.Text.RegularExpressions;
using DescPortal.DemoData;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DescPortal.Testing;

/// <summary>Signs an HTTP client in through the real static sign-in form (antiforgery token and all).</summary>
public static partial class PortalSignIn
{
    public static async Task<HttpClient> SignedInClientAsync(this PortalHost host, string email, string? password = null)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (await client.SignInAsync(email, password ?? DemoAccounts.Password) is { } refusal)
            throw new InvalidOperationException($"Sign-in of {email} failed: {refusal}");
        return client;
    }

    /// <summary>
    /// Signs <paramref name="client"/> in (cookies kept, redirects not followed) through the sign-in form and, for an
    /// account with an authenticator, the second-factor form with the code of <paramref name="authenticatorKey"/> (the
    /// demo accounts' by default): null once signed in, else the message the page shows (wrong password, too many
    /// attempts, disabled, wrong code).
    /// </summary>
    public static async Task<string?> SignInAsync(this HttpClient client, string email, string password, string? authenticatorKey = DemoAccounts.AuthenticatorKey)
    {
        var next = await client.PasswordOnlyAsync(email, password);
        if (!next.StartsWith('/')) return next;
        if (!next.StartsWith("/account/second-factor", StringComparison.Ordinal)) return null;
        return authenticatorKey is null
            ? "(second factor) the account has an authenticator and the test gave no key"
            : await client.SecondFactorAsync(Totp.Code(authenticatorKey));
    }

    /// <summary>
    /// The sign-in form alone: where it sends the client (a path: "/", "/account/second-factor?…",
    /// "/account/authenticator"), else "(status) message" of the refusal.
    /// </summary>
    public static async Task<string> PasswordOnlyAsync(this HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync("/account/signin");
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
        if (response.StatusCode == HttpStatusCode.Redirect) return PathOf(response.Headers.Location!);
        var html = await response.Content.ReadAsStringAsync();
        return $"({(int)response.StatusCode}) {WebUtility.HtmlDecode(SignInError().Match(html).Groups[1].Value)}";
    }

    /// <summary>The second-factor form with <paramref name="code"/> (the app's or a recovery code): null once signed in, else the page's message.</summary>
    public static async Task<string?> SecondFactorAsync(this HttpClient client, string code)
    {
        var page = await client.GetStringAsync("/account/second-factor");
        if (SecondFactorError().Match(page) is { Success: true } expired) return WebUtility.HtmlDecode(expired.Groups[1].Value);
        var response = await client.PostAsync("/account/second-factor", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "second-factor",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryField().Match(page).Groups[1].Value),
            ["Input.Code"] = code,
        }));
        if (response.StatusCode == HttpStatusCode.Redirect) return null;
        var html = await response.Content.ReadAsStringAsync();
        return SecondFactorError().Match(html) is { Success: true } error
            ? WebUtility.HtmlDecode(error.Groups[1].Value)
            : $"({(int)response.StatusCode}) no answer on the page";
    }

    /// <summary>
    /// Sends the authenticator page (<paramref name="page"/>, as the client got it) with <paramref name="code"/>: the
    /// recovery codes it then shows (none when it refused the code).
    /// </summary>
    public static async Task<IReadOnlyList<string>> EnrolAsync(this HttpClient client, string page, string code)
    {
        var response = await client.PostAsync("/account/authenticator", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "authenticator",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryField().Match(page).Groups[1].Value),
            ["Input.Code"] = code,
        }));
        var html = await response.Content.ReadAsStringAsync();
        var list = RecoveryCodes().Match(html);
        return list.Success ? [.. ListItem().Matches(list.Groups[1].Value).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim())] : [];
    }

    private static string PathOf(Uri location) => location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    [GeneratedRegex("data-testid=\"second-factor-error\">([^<]*)<")]
    private static partial Regex SecondFactorError();

    [GeneratedRegex("data-testid=\"recovery-codes\">(.*?)</ul>", RegexOptions.Singleline)]
    private static partial Regex RecoveryCodes();

    [GeneratedRegex("<li>([^<]*)</li>")]
    private static partial Regex ListItem();

    /// <summary>
    /// Opens a one-time link (path and query) and sends its form with <paramref name="password"/> twice: null once the
    /// password is set, else the message the page shows (link used or expired, Identity's password rules).
    /// </summary>
    public static async Task<string?> SetPasswordAsync(this HttpClient client, string link, string password)
    {
        var page = await client.GetStringAsync(link);
        if (SetPasswordError().Match(page) is { Success: true } refused) return WebUtility.HtmlDecode(refused.Groups[1].Value);
        var response = await client.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "set-password",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryField().Match(page).Groups[1].Value),
            ["Input.Password"] = password,
            ["Input.Confirm"] = password,
        }));
        var html = await response.Content.ReadAsStringAsync();
        if (html.Contains("data-testid=\"password-set\"", StringComparison.Ordinal)) return null;
        return SetPasswordError().Match(html) is { Success: true } error
            ? WebUtility.HtmlDecode(error.Groups[1].Value)
            : $"({(int)response.StatusCode}) no answer on the page";
    }

    [GeneratedRegex("data-testid=\"set-password-error\">([^<]*)<")]
    private static partial Regex SetPasswordError();

    [GeneratedRegex("data-testid=\"signin-error\">([^<]*)<")]
    private static partial Regex SignInError();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
