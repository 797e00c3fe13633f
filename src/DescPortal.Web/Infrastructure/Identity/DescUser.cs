using Microsoft.AspNetCore.Identity;

namespace DescPortal.Web.Infrastructure.Identity;

/// <summary>A portal account. Officers belong to an agency; issuing authorities to a country.</summary>
public sealed class DescUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Agency code (FieldOfficer only).</summary>
    public string? AgencyCode { get; set; }

    /// <summary>ICAO three-letter code (IssuingAuthority only).</summary>
    public string? CountryCode { get; set; }

    /// <summary>A disabled account is locked out until then: Identity refuses every sign-in.</summary>
    public static readonly DateTimeOffset DisabledUntil = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Any lockout ending after this is a disabled account, not failed sign-ins.</summary>
    public static readonly DateTimeOffset DisabledThreshold = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public bool IsDisabled => LockoutEnd >= DisabledThreshold;
}
