using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DescPortal.Web.Infrastructure.Identity;

/// <summary>
/// Puts agency, country and display name into the sign-in cookie, so scope checks need no lookup; and the roles that
/// need a second factor only for an account that has one (<see cref="Roles.NeedSecondFactor"/>).
/// </summary>
public sealed class DescClaimsFactory(
    UserManager<DescUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<DescUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(DescUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        // Examiner, reviewer and administrator only with a second factor: until one is enrolled those roles are left out.
        if (!user.TwoFactorEnabled)
            foreach (var role in identity.FindAll(identity.RoleClaimType).Where(c => Roles.NeedSecondFactor.Contains(c.Value)).ToList())
                identity.RemoveClaim(role);
        identity.AddClaim(new Claim(DescClaims.DisplayName, user.DisplayName));
        if (!string.IsNullOrEmpty(user.AgencyCode)) identity.AddClaim(new Claim(DescClaims.Agency, user.AgencyCode));
        if (!string.IsNullOrEmpty(user.CountryCode)) identity.AddClaim(new Claim(DescClaims.Country, user.CountryCode));
        return identity;
    }
}
