namespace DescPortal.Web.Infrastructure.KeyRing;

/// <summary>Configuration section <c>DataProtection</c>: how the key ring in PostgreSQL is protected at rest.</summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>
    /// <c>DataProtection:Certificate</c>: a PKCS#12 (.pfx) file, with its private key, that encrypts every key before
    /// it is stored (absolute, or relative to the content root). Required outside Development; every process of the
    /// installation needs the same file.
    /// </summary>
    public string? Certificate { get; set; }

    /// <summary><c>DataProtection:CertificatePassword</c>: the .pfx file's password, if it has one.</summary>
    public string? CertificatePassword { get; set; }
}
