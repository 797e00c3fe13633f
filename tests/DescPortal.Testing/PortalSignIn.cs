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
        var page = await client.GetStringAsync("/account/signin");
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Email"] = email,
            ["Input.Password"] = password ?? DemoAccounts.Password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            // The page says why (wrong password, locked, disabled): keep its message for the test to read.
            var html = await response.Content.ReadAsStringAsync();
            var reason = SignInError().Match(html).Groups[1].Value;
            throw new InvalidOperationException($"Sign-in of {email} failed ({(int)response.StatusCode}): {WebUtility.HtmlDecode(reason)}");
        }
        return client;
    }

    [GeneratedRegex("data-testid=\"signin-error\">([^<]*)<")]
    private static partial Regex SignInError();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
