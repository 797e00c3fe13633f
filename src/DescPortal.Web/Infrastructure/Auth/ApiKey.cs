namespace DescPortal.Web.Infrastructure.Auth;

/// <summary>An agency's API key for border systems, stored by the SHA-256 of the key only.</summary>
public sealed class ApiKey
{
    /// <summary>Lowercase hex SHA-256 of the key.</summary>
    public string Id { get; set; } = "";
    public string AgencyCode { get; set; } = "";
    public string Label { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public static string Hash(string key) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
}
