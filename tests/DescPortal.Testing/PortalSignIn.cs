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
    /// Fills and sends the sign-in form with <paramref name="client"/> (cookies kept, redirects not followed): null once
    /// signed in, else the message the page shows (wrong password, too many attempts, disabled).
    /// </summary>
    public static async Task<string?> SignInAsync(this HttpClient client, string email, string password)
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
        if (response.StatusCode == HttpStatusCode.Redirect) return null;
        var html = await response.Content.ReadAsStringAsync();
        return $"({(int)response.StatusCode}) {WebUtility.HtmlDecode(SignInError().Match(html).Groups[1].Value)}";
    }

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
