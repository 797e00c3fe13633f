using System.Security.Cryptography;
using JasperFx;
using Marten;

namespace DescPortal.Web.Features.ReferenceLibrary.Exchange;

/// <summary>
/// This installation's signing key (one Marten document). The private key is PKCS#8, protected with Data Protection
/// (purpose <see cref="InstallationIdentity.Purpose"/>) whose key ring lives in blob storage: a database dump alone
/// does not reveal it (see docs/decisions/0005-specimen-exchange-archives.md).
/// </summary>
public sealed class InstallationKey
{
    public const string DocumentId = "installation";

    public string Id { get; set; } = DocumentId;
    public string Name { get; set; } = "";
    /// <summary>Base64 of the DER SubjectPublicKeyInfo (ECDSA P-256).</summary>
    public string PublicKeySpki { get; set; } = "";
    /// <summary>SHA-256 of the SubjectPublicKeyInfo, 64 lower-case hex digits.</summary>
    public string Fingerprint { get; set; } = "";
    /// <summary>The PKCS#8 private key, protected by Data Protection (base64 of the protected payload).</summary>
    public string ProtectedPrivateKeyPkcs8 { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Who this installation is, as archives and pages show it.</summary>
public sealed record InstallationInfo(string Name, string Fingerprint, string PublicKeySpki)
{
    public string FingerprintGroups => InstallationIdentity.Grouped(Fingerprint);
}

/// <summary>
/// The installation's identity: a key pair generated on first start and kept (<see cref="InstallationKey"/>),
/// named by configuration <c>Installation:Name</c>. Signs manifests; never hands out the private key.
/// </summary>
public sealed class InstallationIdentity(
    IDocumentStore store, InstallationKeyProtection protection, InstallationOptions options, TimeProvider clock,
    ILogger<InstallationIdentity> log)
{
    public const string Purpose = "desc.installation-key";
    public const string DefaultName = "DescPortal (development)";

    private InstallationInfo? _info;

    public string ConfiguredName => options.Name.Trim();

    /// <summary>
    /// Creates the key pair on first start; afterwards checks that the private key can still be unlocked and
    /// follows a renamed installation. A key that cannot be unlocked is logged, never silently replaced: a new key
    /// would be a new identity for every partner.
    /// </summary>
    public async Task<InstallationInfo> EnsureAsync(CancellationToken ct)
    {
        // Two callers at once are harmless: the first insert wins and the other loads it.
        var key = await LoadOrCreateAsync(ct);
        try
        {
            using var ecdsa = Unlock(key);
        }
        catch (InstallationKeyUnavailableException e)
        {
            log.LogCritical(e, "The installation key {Fingerprint} cannot be unlocked; exports will fail until its key ring is restored",
                key.Fingerprint);
        }
        _info = new InstallationInfo(key.Name, key.Fingerprint, key.PublicKeySpki);
        return _info;
    }

    public async Task<InstallationInfo> GetAsync(CancellationToken ct) => _info ?? await EnsureAsync(ct);

    /// <summary>Signs <paramref name="data"/> (ECDSA P-256, SHA-256, IEEE P1363 r||s).</summary>
    public async Task<byte[]> SignAsync(byte[] data, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var key = await session.LoadAsync<InstallationKey>(InstallationKey.DocumentId, ct)
            ?? throw new InstallationKeyUnavailableException("This installation has no signing key yet; restart the portal to create it.");
        using var ecdsa = Unlock(key);
        return ecdsa.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    public static string FingerprintOf(byte[] subjectPublicKeyInfo) =>
        Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo));

    /// <summary>"3F2A 9C01 …": the fingerprint as people read it aloud to a partner.</summary>
    public static string Grouped(string fingerprint) =>
        string.Join(' ', fingerprint.ToUpperInvariant().Chunk(4).Select(c => new string(c)));

    private async Task<InstallationKey> LoadOrCreateAsync(CancellationToken ct)
    {
        await using (var query = store.QuerySession())
        {
            if (await query.LoadAsync<InstallationKey>(InstallationKey.DocumentId, ct) is { } existing)
            {
                if (existing.Name == ConfiguredName) return existing;
                existing.Name = ConfiguredName;
                await using var rename = store.LightweightSession();
                rename.Store(existing);
                await rename.SaveChangesAsync(ct);
                return existing;
            }
        }

        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var spki = ecdsa.ExportSubjectPublicKeyInfo();
        var pkcs8 = ecdsa.ExportPkcs8PrivateKey();
        InstallationKey key;
        try
        {
            key = new InstallationKey
            {
                Name = ConfiguredName,
                PublicKeySpki = Convert.ToBase64String(spki),
                Fingerprint = FingerprintOf(spki),
                ProtectedPrivateKeyPkcs8 = Convert.ToBase64String(protection.Protector.Protect(pkcs8)),
                CreatedAt = clock.GetUtcNow(),
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }

        try
        {
            await using var session = store.LightweightSession();
            session.Insert(key); // never Store: a second instance starting at the same time must not replace the first key
            await session.SaveChangesAsync(ct);
            log.LogInformation("Created the installation key of {Installation}, fingerprint {Fingerprint}", key.Name, Grouped(key.Fingerprint));
            return key;
        }
        catch (DocumentAlreadyExistsException)
        {
            await using var query = store.QuerySession();
            return await query.LoadAsync<InstallationKey>(InstallationKey.DocumentId, ct)
                ?? throw new InvalidOperationException("The installation key vanished while it was being created.");
        }
    }

    private ECDsa Unlock(InstallationKey key)
    {
        byte[] pkcs8;
        try
        {
            pkcs8 = protection.Protector.Unprotect(Convert.FromBase64String(key.ProtectedPrivateKeyPkcs8));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            throw new InstallationKeyUnavailableException(
                "This installation's signing key cannot be unlocked: the Data Protection key ring it was protected with "
                + "(blob container 'installation', folder data-protection/) is missing or not the one it was made with. "
                + "Restore that key ring from the backup taken with the database.", e);
        }
        try
        {
            var ecdsa = ECDsa.Create();
            ecdsa.ImportPkcs8PrivateKey(pkcs8, out _);
            if (!string.Equals(FingerprintOf(ecdsa.ExportSubjectPublicKeyInfo()), key.Fingerprint, StringComparison.Ordinal))
            {
                ecdsa.Dispose();
                throw new InstallationKeyUnavailableException("This installation's private key does not match its recorded public key.");
            }
            return ecdsa;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }
}

public sealed class InstallationKeyUnavailableException : Exception
{
    public InstallationKeyUnavailableException(string message) : base(message) { }
    public InstallationKeyUnavailableException(string message, Exception inner) : base(message, inner) { }
    public InstallationKeyUnavailableException() { }
}
