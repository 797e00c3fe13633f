using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Infrastructure.Settings;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace DescPortal.Web.Infrastructure.KeyRing;

/// <summary>
/// ASP.NET Core Data Protection for the whole installation: keys in PostgreSQL (<see cref="KeyRingStore"/>), one
/// application name (<see cref="ApplicationName"/>) so that every process reads every other's cookies, and keys
/// encrypted at rest with the certificate of <see cref="KeyRingOptions.Certificate"/>. Development without a
/// certificate stores them unencrypted (Data Protection logs a warning saying so); elsewhere the portal does not start
/// without one. The installation's signing key has a ring of its own (ReferenceLibrary/Exchange); this is not it.
/// </summary>
public static class KeyRingSetup
{
    public const string ApplicationName = "DescPortal";

    public static IServiceCollection AddDescDataProtection(this IServiceCollection services, string connectionString,
        IConfiguration config, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(environment);
        services.AddDbContext<KeyRingStore>(o => o.UseNpgsql(connectionString));
        services.AddHostedService<KeyRingTable>();
        var dataProtection = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<KeyRingStore>();

        // Read here, not later through IOptions: Data Protection takes its certificates while it is being registered.
        services.AddSettings<KeyRingOptions>(config);
        var options = SettingsSetup.Read<KeyRingOptions>(config);
        if (LoadCertificate(options, environment) is { } certificate)
        {
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        return services;
    }

    /// <summary>The certificate that protects the keys; null in Development when none is configured.</summary>
    public static X509Certificate2? LoadCertificate(KeyRingOptions options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        const string key = KeyRingOptions.Section + ":" + nameof(KeyRingOptions.Certificate);
        if (string.IsNullOrWhiteSpace(options.Certificate))
        {
            if (environment.IsDevelopment()) return null;
            throw new InvalidOperationException(
                $"{key} is not set: outside Development the Data Protection keys (sign-in cookies) are stored in PostgreSQL " +
                "encrypted with a certificate. Give the path of a .pfx file with its private key (and " +
                $"{KeyRingOptions.Section}:{nameof(KeyRingOptions.CertificatePassword)} if it has a password).");
        }
        var path = Path.Combine(environment.ContentRootPath, options.Certificate);
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{key}: '{path}' cannot be read as a .pfx certificate: {e.Message}", e);
        }
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"{key}: '{path}' has no private key; the keys could be encrypted but never read back.");
        }
        return certificate;
    }

    /// <summary>
    /// Creates the key table before anything reads the ring: in StartingAsync, which the host runs before every hosted
    /// service's StartAsync (Data Protection's own hosted service loads the ring in its StartAsync).
    /// </summary>
    private sealed class KeyRingTable(IServiceProvider services) : IHostedLifecycleService
    {
        public async Task StartingAsync(CancellationToken cancellationToken)
        {
            await using var scope = services.CreateAsyncScope();
            await IdentitySchema.EnsureAsync(scope.ServiceProvider.GetRequiredService<KeyRingStore>(), KeyRingStore.Table, cancellationToken);
        }

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
