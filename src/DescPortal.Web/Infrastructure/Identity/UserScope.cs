using System.Security.Claims;

namespace DescPortal.Web.Infrastructure.Identity;

/// <summary>
/// Who is acting and what they may see, read from the authenticated principal (cookie or API key).
/// Every handler takes its scope from here, never from ids the client sends.
/// </summary>
public sealed record UserScope(string UserId, string DisplayName, IReadOnlySet<string> Roles, string? AgencyCode, string? CountryCode, bool ViaApiKey)
{
    /// <summary>The account's sign-in name (the email), for people reading a history.</summary>
    public string? UserName { get; init; }

    /// <summary>The label an administrator gave the API key that acts (API keys only).</summary>
    public string? KeyLabel { get; init; }

    public bool IsIn(string role) => Roles.Contains(role);

    /// <summary>
    /// The actor recorded on events: the user, or the agency's key by its label and fingerprint
    /// ("BCP-NORTH key 'Gate 3 kiosk' (a1b2c3d4e5f6)"), so that the agency can tell which of its systems acted.
    /// </summary>
    public string Actor => ViaApiKey
        ? $"{AgencyCode} key '{KeyLabel}' ({(UserId.StartsWith(ApiKeyDefaults.UserIdPrefix, StringComparison.Ordinal) ? UserId[ApiKeyDefaults.UserIdPrefix.Length..] : UserId)})"
        : $"{DisplayName} <{UserName ?? UserId}>";

    public static UserScope From(ClaimsPrincipal principal)
    {
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var viaKey = principal.Identity?.AuthenticationType == ApiKeyDefaults.Scheme;
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var name = principal.FindFirstValue(DescClaims.DisplayName) ?? principal.Identity?.Name ?? id;
        return new UserScope(id, name, roles, principal.FindFirstValue(DescClaims.Agency),
            principal.FindFirstValue(DescClaims.Country), viaKey)
        {
            UserName = principal.Identity?.Name,
            KeyLabel = principal.FindFirstValue(DescClaims.KeyLabel),
        };
    }
}

public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";
    public const string Header = "X-Api-Key";

    /// <summary>A key's principal is "apikey:" and the key's fingerprint (the rate limit's partition too).</summary>
    public const string UserIdPrefix = "apikey:";
}
