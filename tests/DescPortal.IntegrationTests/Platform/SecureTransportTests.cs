using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using DescPortal.Testing;
using DescPortal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DescPortal.IntegrationTests.Platform;

/// <summary>The portal as installed (environment Production): it needs a key ring certificate, and seeds no demo data.</summary>
public sealed class ProductionHost : PortalHost
{
    public const string Password = "production-test";
    private readonly string _certificate = Path.Combine(Path.GetTempPath(), $"desc-production-{Guid.NewGuid():N}.pfx");

    /// <summary>The key ring's certificate (a PFX with <see cref="Password"/>), for a command run beside this portal.</summary>
    public string Certificate => _certificate;

    public ProductionHost()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=DescPortal key ring (production test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(_certificate, certificate.Export(X509ContentType.Pfx, Password));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("DataProtection:Certificate", _certificate);
        builder.UseSetting("DataProtection:CertificatePassword", Password);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(_certificate);
    }
}

/// <summary>Outside Development the portal is reached over HTTPS: HSTS on every answer, and no cookie ever sent over plain http.</summary>
public sealed partial class SecureTransportTests(ProductionHost production, IntegrationHost development) : IClassFixture<ProductionHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Outside_development_answers_carry_hsts_and_the_antiforgery_and_sign_in_cookies_are_secure()
    {
        var email = $"production-{Guid.NewGuid():N}@desc.example";
        await using (var scope = production.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DescUser>>();
            var user = new DescUser { UserName = email, Email = email, DisplayName = "Production Test", EmailConfirmed = true, LockoutEnabled = true };
            Assert.True((await users.CreateAsync(user, "Right-password-1")).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Examiner)).Succeeded);
        }
        using var client = production.CreateClient(new() { BaseAddress = new Uri("https://desc.example/"), AllowAutoRedirect = false, HandleCookies = false });

        using var page = await client.GetAsync("/account/signin", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("max-age=31536000", Assert.Single(page.Headers.GetValues("Strict-Transport-Security")));
        var antiforgery = Assert.Single(page.Headers.GetValues("Set-Cookie"));
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);

        using var form = new HttpRequestMessage(HttpMethod.Post, "/account/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "signin",
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(await page.Content.ReadAsStringAsync(Ct)).Groups[1].Value),
                ["Input.Email"] = email,
                ["Input.Password"] = "Right-password-1",
            }),
        };
        form.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        using var signedIn = await client.SendAsync(form, Ct);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookies = signedIn.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith("desc.auth=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_developers_portal_on_plain_http_sends_no_hsts()
    {
        using var client = development.CreateClient();
        using var page = await client.GetAsync("/account/signin", Ct);
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
