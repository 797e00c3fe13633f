using DescPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DescPortal.Web.Infrastructure.Identity;

/// <summary>A one-time link to set an account's password: the path and query (no host), and when it stops working.</summary>
public sealed record AccountLink(string PathAndQuery, DateTimeOffset ExpiresAt);

/// <summary>
/// One-time links with which a person sets their own password, for a new account and after a reset: nobody else ever
/// knows or chooses it. A link carries Identity's password-reset token, which names the account's security stamp and
/// the time it was made: setting the password changes the stamp, so a link works once, and it expires after
/// <see cref="AccountOptions.LinkLifetime"/> (Identity's token lifespan). The page is Features/Account/SetPassword.
/// </summary>
public sealed class AccountLinks(UserManager<DescUser> users, IOptions<DataProtectionTokenProviderOptions> tokens, TimeProvider clock,
    IStringLocalizer<Strings> L)
{
    public const string Path = "/account/set-password";

    public async Task<AccountLink> IssueAsync(DescUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return new AccountLink($"{Path}?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}",
            clock.GetUtcNow() + tokens.Value.TokenLifespan);
    }

    /// <summary>Whether the link still works (the page says so before the person types anything).</summary>
    public async Task<bool> IsValidAsync(string? userId, string? token) =>
        await FindAsync(userId) is { } user && !string.IsNullOrEmpty(token)
        && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<DescUser>.ResetPasswordTokenPurpose, token);

    /// <returns>Null once set; else why not (the link is used or expired, or Identity's password rules, in words).</returns>
    public async Task<string?> SetPasswordAsync(string? userId, string? token, string password)
    {
        if (await FindAsync(userId) is not { } user || string.IsNullOrEmpty(token)) return Expired;
        var result = await users.ResetPasswordAsync(user, token, password ?? "");
        if (result.Succeeded) return null;
        return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
            ? Expired
            : string.Join(" ", result.Errors.Select(e => L[e.Description].Value));
    }

    private string Expired => L["This link has expired or was already used. Ask an administrator for a new one."];

    private async Task<DescUser?> FindAsync(string? userId) => string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
}
