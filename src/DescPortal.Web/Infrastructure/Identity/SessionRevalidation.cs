using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;

namespace DescPortal.Web.Infrastructure.Identity;

/// <summary>
/// An open circuit's user, checked again every <see cref="AccountOptions.Revalidation"/> as the sign-in cookie is:
/// the account must still pass <see cref="DescSignInManager.ValidateSecurityStampAsync(ClaimsPrincipal)"/> and hold
/// the roles it had when the circuit opened. Otherwise the circuit's user becomes anonymous at once, and every page
/// that needs a role stops showing (the cookie, refreshed with the new roles, serves the next page load).
/// </summary>
public sealed class SessionRevalidation(ILoggerFactory loggers, IServiceScopeFactory scopes, AccountOptions options)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => options.Revalidation;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        // A scope of its own: the circuit's lives for hours, a UserManager's DbContext must not.
        await using var scope = scopes.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<DescUser>>();
        var principal = authenticationState.User;
        if (await signIn.ValidateSecurityStampAsync(principal) is not { } user) return false;
        var roles = Roles.Effective(user, await signIn.UserManager.GetRolesAsync(user));
        return roles.ToHashSet(StringComparer.Ordinal).SetEquals(principal.FindAll(ClaimTypes.Role).Select(c => c.Value));
    }
}
