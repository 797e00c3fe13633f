using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DescPortal.Web.Features.Admin;

/// <summary>One account as the admin list shows it: what Identity records, never a password or a stamp.</summary>
public sealed record UserRow(
    string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, string? AgencyCode, string? CountryCode,
    DateTimeOffset? LockoutEnd, int AccessFailedCount, bool EmailConfirmed, bool TwoFactorEnabled)
{
    public bool IsDisabled => LockoutEnd >= DescUser.DisabledThreshold;

    public bool IsLockedOut(DateTimeOffset now) => !IsDisabled && LockoutEnd > now;
}

/// <summary>
/// The accounts list and what an admin does to an account: unlock it after failed sign-ins, disable it, enable it,
/// give its owner a link to set a new password.
/// Disabled means locked out until <see cref="DescUser.DisabledUntil"/>: Identity then refuses every sign-in.
/// </summary>
public sealed class UserDirectory(IServiceScopeFactory scopes, TimeProvider clock, IStringLocalizer<Strings> L, ILogger<UserDirectory> log)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(UserScope actor, CancellationToken ct)
    {
        AdminGuard.Demand(actor);
        // A scope per operation: the DbContext is scoped and not thread-safe (EF guidance for Blazor).
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityStore>();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           select new { ur.UserId, r.Name }).AsNoTracking().ToListAsync(ct);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name ?? "");
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        return users.Select(u => new UserRow(
                u.Id, u.Email ?? u.UserName ?? "", u.DisplayName, byUser[u.Id].Order(StringComparer.Ordinal).ToList(),
                u.AgencyCode, u.CountryCode, u.LockoutEnd, u.AccessFailedCount, u.EmailConfirmed, u.TwoFactorEnabled))
            .ToList();
    }

    /// <summary>Ends a lockout after failed sign-ins (not a disabled account: that is <see cref="SetDisabledAsync"/>).</summary>
    public async Task<AdminResult<bool>> UnlockAsync(UserScope actor, string userId, CancellationToken ct)
    {
        AdminGuard.Demand(actor);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DescUser>>();
        // The id comes from the page: load the account again, never act on what the client holds.
        var user = await users.FindByIdAsync(userId);
        if (user is null) return AdminResult.Refused<bool>(FieldErrors.Form, L["This account no longer exists."]);
        if (user.LockoutEnd >= DescUser.DisabledThreshold)
            return AdminResult.Refused<bool>(FieldErrors.Form, L["{0} is disabled, not locked out: enable the account instead.", user.Email ?? ""]);

        var result = await users.SetLockoutEndDateAsync(user, null);
        if (result.Succeeded) result = await users.ResetAccessFailedCountAsync(user);
        if (!result.Succeeded) return Failed(result);
        log.LogInformation("{Actor} unlocked account {UserId}", actor.Actor, user.Id);
        return AdminResult.Ok<bool>(true);
    }

    /// <summary>Disables (locks out for good) or enables an account. An admin cannot disable their own account.</summary>
    public async Task<AdminResult<bool>> SetDisabledAsync(UserScope actor, string userId, bool disabled, CancellationToken ct)
    {
        AdminGuard.Demand(actor);
        if (disabled && string.Equals(userId, actor.UserId, StringComparison.Ordinal))
            return AdminResult.Refused<bool>(FieldErrors.Form, L["You cannot disable your own account."]);

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DescUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null) return AdminResult.Refused<bool>(FieldErrors.Form, L["This account no longer exists."]);

        IdentityResult result;
        if (disabled)
        {
            // Lockout only applies where it is enabled; then a new security stamp ends the account's open sessions
            // when the cookie is next validated.
            result = await users.SetLockoutEnabledAsync(user, true);
            if (result.Succeeded) result = await users.SetLockoutEndDateAsync(user, DescUser.DisabledUntil);
            if (result.Succeeded) result = await users.UpdateSecurityStampAsync(user);
        }
        else
        {
            result = await users.SetLockoutEndDateAsync(user, null);
            if (result.Succeeded) result = await users.ResetAccessFailedCountAsync(user);
        }
        if (!result.Succeeded) return Failed(result);
        log.LogInformation("{Actor} {Action} account {UserId}", actor.Actor, disabled ? "disabled" : "enabled", user.Id);
        return AdminResult.Ok<bool>(true);
    }

    /// <summary>
    /// A one-time link with which the account's owner sets a new password (a forgotten one, or a new account's link
    /// that expired). The old password keeps working until then; the administrator never learns either.
    /// </summary>
    public async Task<AdminResult<AccountLink>> ResetLinkAsync(UserScope actor, string userId, CancellationToken ct)
    {
        AdminGuard.Demand(actor);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DescUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null) return AdminResult.Refused<AccountLink>(FieldErrors.Form, L["This account no longer exists."]);
        var link = await scope.ServiceProvider.GetRequiredService<AccountLinks>().IssueAsync(user);
        log.LogInformation("{Actor} issued a password link for account {UserId}", actor.Actor, user.Id);
        return AdminResult.Ok(link);
    }

    /// <summary>Whether the account is locked out now (for the page, which has no clock of its own).</summary>
    public bool IsLockedOut(UserRow row) => row.IsLockedOut(clock.GetUtcNow());

    private AdminResult<bool> Failed(IdentityResult result)
    {
        var errors = new FieldErrors();
        foreach (var e in result.Errors) errors.Add(FieldErrors.Form, L[e.Description]);
        return AdminResult.Refused<bool>(errors);
    }
}
