using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DescPortal.Web.Infrastructure.Identity;

/// <summary>
/// Identity's sign-in with the portal's refusals: outside Development an account the demo data created (marked by a
/// <see cref="DescClaims.Development"/> claim) never signs in, even when it is in the database; and a session's
/// account is checked again (<see cref="ValidateSecurityStampAsync(ClaimsPrincipal)"/>) by the cookie validator and by
/// open circuits (<see cref="SessionRevalidation"/>).
/// </summary>
public sealed class DescSignInManager(
    UserManager<DescUser> users, IHttpContextAccessor context, IUserClaimsPrincipalFactory<DescUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<DescUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<DescUser> confirmation, IHostEnvironment environment)
    : SignInManager<DescUser>(users, context, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(DescUser user)
    {
        if (!await base.CanSignInAsync(user)) return false;
        if (environment.IsDevelopment()) return true;
        if (!(await UserManager.GetClaimsAsync(user)).Any(c => c.Type == DescClaims.Development)) return true;
        Logger.LogWarning("Development account {UserId} refused outside Development", user.Id);
        return false;
    }

    /// <summary>The session's account still exists with the same security stamp, is not disabled and may sign in; else null.</summary>
    public override async Task<DescUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is null || user.IsDisabled || !await CanSignInAsync(user) ? null : user;
    }
}
