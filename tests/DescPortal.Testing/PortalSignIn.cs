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

    [GeneratedRegex("data-testid=\"signin-error\">([^<]*)<")]
    private static partial Regex SignInError();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
