namespace DescPortal.Web.Features.Agencies;

/// <summary>A border agency and its crossing points. Marten document, id = agency code.</summary>
public sealed class Agency
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public List<CrossingPoint> CrossingPoints { get; set; } = [];

    public CrossingPoint? FindCrossingPoint(string code) =>
        CrossingPoints.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A border crossing point. Times at the point are shown in its IANA time zone.</summary>
public sealed record CrossingPoint(string Code, string Name, string TimeZone);

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
