using System.Security.Cryptography;

namespace DescPortal.Web.Features.ReferenceLibrary.Exchange;

// Signature: the manifest is signed, unchanged since, by the ECDSA P-256 key it names, whose fingerprint it claims.
internal sealed partial class ArchiveReader
{
    private static bool CheckSignature(ArchiveManifest manifest, byte[] manifestBytes, ArchiveSignature signature, List<string> problems)
    {
        var installation = manifest.Installation;
        var before = problems.Count;
        if (signature.Algorithm != ArchiveFormat.Algorithm)
        {
            problems.Add($"The archive is signed with '{Shown(signature.Algorithm)}'; this installation accepts {ArchiveFormat.Algorithm} only.");
            return false;
        }
        var manifestSha256 = Convert.ToHexStringLower(SHA256.HashData(manifestBytes));
        if (!string.Equals(manifestSha256, signature.ManifestSha256, StringComparison.Ordinal))
            problems.Add($"{ArchiveFormat.ManifestEntry} was changed after it was signed: its SHA-256 ({manifestSha256}) does not match the one in {ArchiveFormat.SignatureEntry}.");

        if (string.IsNullOrWhiteSpace(installation.Name) || installation.Name.Length > 200)
            problems.Add("The archive does not name the installation that exported it.");
        if (!string.Equals(signature.KeyFingerprint, installation.Fingerprint, StringComparison.Ordinal))
            problems.Add($"{ArchiveFormat.SignatureEntry} names another key than the manifest ({Shown(signature.KeyFingerprint)}).");

        using var key = PublicKeyOf(installation, problems);
        if (key is null) return false;

        byte[] signatureBytes;
        try
        {
            signatureBytes = Convert.FromBase64String(signature.Signature);
        }
        catch (FormatException)
        {
            problems.Add($"The signature in {ArchiveFormat.SignatureEntry} is not base64.");
            return false;
        }
        if (!key.VerifyData(manifestBytes, signatureBytes, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
        {
            problems.Add($"The signature does not verify with the key of '{Shown(installation.Name)}' (fingerprint "
                + $"{Shown(InstallationIdentity.Grouped(installation.Fingerprint))}): the archive was changed after it was signed, or it was signed with another key.");
        }
        return problems.Count == before;
    }

    private static ECDsa? PublicKeyOf(ManifestInstallation installation, List<string> problems)
    {
        byte[] spki;
        try
        {
            spki = Convert.FromBase64String(installation.PublicKey);
        }
        catch (FormatException)
        {
            problems.Add("The archive's public key is not base64.");
            return null;
        }
        var fingerprint = InstallationIdentity.FingerprintOf(spki);
        if (!string.Equals(fingerprint, installation.Fingerprint, StringComparison.Ordinal))
        {
            problems.Add($"The archive claims the signer's fingerprint {Shown(installation.Fingerprint)}, but its public key's fingerprint is "
                + $"{fingerprint}: the key was replaced.");
            return null;
        }
        var key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(spki, out var read);
            if (read != spki.Length || key.ExportParameters(false).Curve.Oid?.Value != P256Oid)
            {
                problems.Add("The archive's public key is not an ECDSA P-256 key.");
                key.Dispose();
                return null;
            }
            return key;
        }
        catch (CryptographicException)
        {
            problems.Add("The archive's public key is not an ECDSA P-256 key.");
            key.Dispose();
            return null;
        }
    }
}
