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
}
