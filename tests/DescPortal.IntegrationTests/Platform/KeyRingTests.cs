using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DescPortal.Testing;
using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Infrastructure.KeyRing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Xunit;

namespace DescPortal.IntegrationTests.Platform;

/// <summary>A portal whose key ring is encrypted with <see cref="CertificatePath"/>; a second one shares the first's database.</summary>
public sealed class KeyRingHost : PortalHost
{
    public KeyRingHost(string certificatePath) => CertificatePath = certificatePath;

    public KeyRingHost(KeyRingHost first) : base(first) => CertificatePath = first.CertificatePath;

    public string CertificatePath { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("DataProtection:Certificate", CertificatePath);
        builder.UseSetting("DataProtection:CertificatePassword", KeyRingTests.Password);
        builder.UseSetting("DemoData:Specimens", "false");
    }
}

public sealed class KeyRingTests : IDisposable
{
    public const string Password = "key-ring-test";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _certificate = Path.Combine(Path.GetTempPath(), $"desc-keyring-{Guid.NewGuid():N}.pfx");

    public KeyRingTests()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=DescPortal key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(_certificate, certificate.Export(X509ContentType.Pfx, Password));
    }

    public void Dispose() => File.Delete(_certificate);

    [Fact]
    public async Task A_cookie_and_a_payload_made_by_one_portal_are_read_by_another_on_the_same_database_whose_key_is_stored_encrypted()
    {
        await using var first = new KeyRingHost(_certificate);
        await first.InitializeAsync();
        var payload = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("key-ring-test").Protect("DESC-2026-000001");
        var cookie = await SignInCookieAsync(first, "officer.north@desc.local");

        await using (var second = new KeyRingHost(first))
        {
            await second.InitializeAsync();
            Assert.Equal("DESC-2026-000001",
                second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("key-ring-test").Unprotect(payload));

            using var client = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            client.DefaultRequestHeaders.Add("Cookie", $"desc.auth={cookie}");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/referrals", Ct)).StatusCode);

            // A cookie no portal of the installation made means nothing: the page sends the caller to sign in.
            using var stranger = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            stranger.DefaultRequestHeaders.Add("Cookie", $"desc.auth={cookie[..^8]}AAAAAAAA");
            Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync("/referrals", Ct)).StatusCode);
        }

        // One key, made by the first portal, in PostgreSQL, with its secret encrypted by the certificate.
        var keys = new List<string>();
        await using (var conn = new NpgsqlConnection(first.DatabaseConnectionString))
        {
            await conn.OpenAsync(Ct);
            await using var cmd = new NpgsqlCommand($"SELECT \"Xml\" FROM {IdentityStore.Schema}.\"{KeyRingStore.Table}\"", conn);
            await using var reader = await cmd.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct)) keys.Add(reader.GetString(0));
        }
        var key = Assert.Single(keys);
        Assert.Contains("<encryptedSecret", key, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", key, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_Development_a_portal_without_a_certificate_does_not_start_and_says_which_setting_is_missing()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => KeyRingSetup.LoadCertificate(new KeyRingOptions(), new Environment("Production")));
        Assert.StartsWith("DataProtection:Certificate is not set", refused.Message, StringComparison.Ordinal);

        // Development keeps its keys unencrypted rather than refusing to start.
        Assert.Null(KeyRingSetup.LoadCertificate(new KeyRingOptions(), new Environment(Environments.Development)));

        var wrong = Assert.Throws<InvalidOperationException>(() => KeyRingSetup.LoadCertificate(
            new KeyRingOptions { Certificate = _certificate, CertificatePassword = "not-the-password" }, new Environment("Production")));
        Assert.StartsWith("DataProtection:Certificate:", wrong.Message, StringComparison.Ordinal);
    }

    /// <summary>The value of the sign-in cookie <paramref name="portal"/> would set for <paramref name="email"/>.</summary>
    private static async Task<string> SignInCookieAsync(KeyRingHost portal, string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<DescUser>>();
        var user = await signIn.UserManager.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var format = scope.ServiceProvider.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme).TicketDataFormat;
        var now = DateTimeOffset.UtcNow;
        return format.Protect(new AuthenticationTicket(principal,
            new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddHours(1) }, IdentityConstants.ApplicationScheme));
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "DescPortal.Web";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
