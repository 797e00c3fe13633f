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

    public bool IsIn(string role) => Roles.Contains(role);

    /// <summary>The actor recorded on events: the user, or the agency for a submission by key.</summary>
    public string Actor => ViaApiKey ? $"{AgencyCode} (API key)" : $"{DisplayName} <{UserName ?? UserId}>";

    public static UserScope From(ClaimsPrincipal principal)
    {
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var viaKey = principal.Identity?.AuthenticationType == ApiKeyDefaults.Scheme;
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var name = principal.FindFirstValue(DescClaims.DisplayName) ?? principal.Identity?.Name ?? id;
        return new UserScope(id, name, roles, principal.FindFirstValue(DescClaims.Agency),
            principal.FindFirstValue(DescClaims.Country), viaKey) { UserName = principal.Identity?.Name };
    }
}

public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";
    public const string Header = "X-Api-Key";
}
