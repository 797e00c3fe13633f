namespace DescPortal.Web.Infrastructure.Auth;

/// <summary>
/// An agency's API key for border systems, stored by the SHA-256 of the key only, with who issued it and who revoked
/// it: the agency's officers read that register (its last use is <see cref="ApiKeyUse"/>, written apart).
/// </summary>
public sealed class ApiKey
{
    /// <summary>Lowercase hex SHA-256 of the key.</summary>
    public string Id { get; set; } = "";
    public string AgencyCode { get; set; } = "";
    public string Label { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The administrator who issued it, as recorded on events ("Adam Admin &lt;admin@…&gt;").</summary>
    public string IssuedBy { get; set; } = "";
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }

    /// <summary>A development key the demo data seeded (documented publicly): refused outside Development.</summary>
    public bool Development { get; set; }

    /// <summary>The first 12 hex digits of <see cref="Id"/>: how pages, logs and event actors name the key.</summary>
    public string Fingerprint => FingerprintOf(Id);

    public static string FingerprintOf(string id) => id.Length > 12 ? id[..12] : id;

    public static string Hash(string key) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
}

/// <summary>
/// When a key was last accepted, in a document of its own: the key handler writes it without ever rewriting the key
/// itself, so a use at the moment of a revocation cannot undo the revocation.
/// </summary>
public sealed class ApiKeyUse
{
    /// <summary>The key's <see cref="ApiKey.Id"/>.</summary>
    public string Id { get; set; } = "";
    public DateTimeOffset LastUsedAt { get; set; }
}
