using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DescPortal.Core;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Web.Features.ReferenceLibrary.Exchange;
using DescPortal.Web.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DescPortal.Testing;

/// <summary>Specimen exchange archives taken apart and put together again, and signed as another installation.</summary>
public static class SpecimenArchives
{
    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    // ---- archives taken apart ---------------------------------------------------------------------------------

    /// <summary>The entries of a zip, in order, with their bytes.</summary>
    public static List<(string Name, byte[] Bytes)> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return [.. archive.Entries.Select(e =>
        {
            using var s = e.Open();
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            return (e.FullName, ms.ToArray());
        })];
    }

    public static byte[] Zip(IEnumerable<(string Name, byte[] Bytes)> entries, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var ms = new MemoryStream();
        using (var archive = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var s = archive.CreateEntry(name, level).Open();
                s.Write(bytes);
            }
        }
        return ms.ToArray();
    }

    public static byte[] Entry(byte[] zip, string name) => Entries(zip).Single(e => e.Name == name).Bytes;

    /// <summary>The same archive with one entry's bytes replaced (everything else, signature included, kept).</summary>
    public static byte[] Replace(byte[] zip, string name, Func<byte[], byte[]> change) =>
        Zip(Entries(zip).Select(e => e.Name == name ? (e.Name, change(e.Bytes)) : e));

    public static JsonObject Manifest(byte[] zip) => JsonNode.Parse(Entry(zip, ArchiveFormat.ManifestEntry))!.AsObject();

    /// <summary>
    /// Edits an archive and signs it again as a different installation (with <paramref name="key"/>, which the manifest
    /// then names): a validly signed archive with whatever content a test needs. Once that installation is registered
    /// as a partner (<see cref="TrustSignerAsync"/>) an importer checks such an archive on its content alone.
    /// </summary>
    public static byte[] Forge(byte[] zip, ECDsa key, Action<JsonObject, List<(string Name, byte[] Bytes)>> edit, string name = "Rogue centre")
    {
        var entries = Entries(zip);
        var manifest = JsonNode.Parse(entries.Single(e => e.Name == ArchiveFormat.ManifestEntry).Bytes)!.AsObject();
        var spki = key.ExportSubjectPublicKeyInfo();
        manifest["installation"] = new JsonObject
        {
            ["name"] = name,
            ["fingerprint"] = Sha256(spki),
            ["publicKey"] = Convert.ToBase64String(spki),
        };
        edit(manifest, entries);
        var manifestBytes = Encoding.UTF8.GetBytes(manifest.ToJsonString());
        return Zip(SignedEntries(entries, manifestBytes, key, Sha256(spki)));
    }

    /// <summary>The entries with manifest.json and signature.json replaced by these bytes, signed with <paramref name="key"/>.</summary>
    public static List<(string Name, byte[] Bytes)> SignedEntries(List<(string Name, byte[] Bytes)> entries, byte[] manifestBytes, ECDsa key,
        string claimedFingerprint)
    {
        var signature = new JsonObject
        {
            ["algorithm"] = ArchiveFormat.Algorithm,
            ["keyFingerprint"] = claimedFingerprint,
            ["manifestSha256"] = Sha256(manifestBytes),
            ["signature"] = Convert.ToBase64String(key.SignData(manifestBytes, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)),
        };
        return [.. entries.Select(e => e.Name switch
        {
            ArchiveFormat.ManifestEntry => (e.Name, manifestBytes),
            ArchiveFormat.SignatureEntry => (e.Name, Encoding.UTF8.GetBytes(signature.ToJsonString())),
            _ => e,
        })];
    }

    public static ECDsa NewKey() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>The administrator the tests register partners as.</summary>
    public static UserScope Administrator { get; } =
        new("partners-admin", "Ada Partners", new HashSet<string> { Roles.Admin }, null, null, false) { UserName = "ada@desc.local" };

    /// <summary>
    /// Registers the installation that signed <paramref name="archive"/> as a partner of the portal whose services these
    /// are, under the name its manifest gives (what an administrator does after comparing the fingerprint with the
    /// partner): tests of the archive's content need a trusted signer. Nothing for the portal's own key, one registered
    /// already, or an archive that names no well-formed fingerprint.
    /// </summary>
    public static async Task TrustSignerAsync(IServiceProvider services, byte[] archive, CancellationToken ct)
    {
        string? fingerprint, name;
        try
        {
            var installation = Manifest(archive)["installation"];
            (fingerprint, name) = (PartnerDecider.FingerprintOf((string?)installation?["fingerprint"]), (string?)installation?["name"]);
        }
        catch (Exception e) when (e is InvalidDataException or System.Text.Json.JsonException or InvalidOperationException or ArgumentException)
        {
            return;
        }
        if (fingerprint is null) return;
        var registry = services.GetRequiredService<PartnerRegistry>();
        if (fingerprint == (await services.GetRequiredService<InstallationIdentity>().GetAsync(ct)).Fingerprint) return;
        // Other tests register their partners at the same time: a concurrent change is tried again.
        for (var attempt = 0; attempt < 5 && (await registry.CurrentAsync(ct)).Find(fingerprint) is null; attempt++)
        {
            try
            {
                var shown = string.IsNullOrWhiteSpace(name) || name.Length > PartnerDecider.MaxName || name.Any(char.IsControl)
                    ? "Partner " + fingerprint[..8] : name;
                await registry.RegisterAsync(Administrator, shown, fingerprint, ct);
            }
            catch (DomainException)
            {
                // Registered by another test meanwhile, or the list changed under this attempt: look again.
            }
        }
    }
}
