using DescPortal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace DescPortal.Web.Features.Account;

/// <summary>How a sign-in ended, as the page tells it.</summary>
public enum SignInOutcome
{
    SignedIn,
    /// <summary>The password was right; the account's authenticator code follows (Identity's two-factor step).</summary>
    SecondFactor,
    /// <summary>Signed in without the roles that need a second factor, which the account must enrol first.</summary>
    EnrolSecondFactor,
    /// <summary>Unknown email or wrong password: one answer for both, so the page tells nobody which accounts exist.</summary>
    Refused,
    /// <summary>Too many failures of this email or from this address (<see cref="SignInThrottle"/>); the password was not checked.</summary>
    Throttled,
    /// <summary>The right password of an account an administrator disabled.</summary>
    Disabled,
}

/// <summary>
/// The sign-in form's one step: throttled per address and per account, and answering an unknown email exactly as a
/// wrong password (same words, and about the same time: a password is hashed either way).
/// </summary>
public sealed class AccountSignIn(SignInManager<DescUser> signIn, SignInThrottle throttle, ILogger<AccountSignIn> log)
{
    // Hashed with Identity's default hasher options, which the portal keeps: checking against it costs what a real check costs.
    private static readonly DescUser Nobody = new();
    private static readonly Lazy<string> NobodysHash = new(() => new PasswordHasher<DescUser>().HashPassword(Nobody, Guid.NewGuid().ToString()));

    public async Task<(SignInOutcome Outcome, TimeSpan RetryAfter)> SignInAsync(string email, string password, string clientAddress)
    {
        ArgumentNullException.ThrowIfNull(email);
        var name = email.Trim();
        var users = signIn.UserManager;
        var (attempt, retryAfter) = throttle.TryBegin(clientAddress, users.NormalizeName(name));
        if (attempt is null)
        {
            log.LogWarning("Sign-in refused for {RetryAfter} s after repeated failures (from {Address} or for the email given)",
                (int)Math.Ceiling(retryAfter.TotalSeconds), clientAddress);
            return (SignInOutcome.Throttled, retryAfter);
        }

        var user = await users.FindByNameAsync(name);
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(Nobody, NobodysHash.Value, password ?? "");
            return (SignInOutcome.Refused, TimeSpan.Zero);
        }
        // Failures lock nobody out (the throttle limits guessing); Identity's lockout is only an administrator's disabling.
        var result = await signIn.PasswordSignInAsync(user, password ?? "", isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            throttle.Succeeded(attempt);
            if (result.RequiresTwoFactor) return (SignInOutcome.SecondFactor, TimeSpan.Zero);
            var needs = (await users.GetRolesAsync(user)).Any(Roles.NeedSecondFactor.Contains);
            return (needs ? SignInOutcome.EnrolSecondFactor : SignInOutcome.SignedIn, TimeSpan.Zero);
        }
        // Only someone who knows the password learns that the account is disabled.
        if (result.IsLockedOut && user.IsDisabled && await users.CheckPasswordAsync(user, password ?? ""))
        {
            log.LogWarning("Disabled account tried to sign in");
            return (SignInOutcome.Disabled, TimeSpan.Zero);
        }
        return (SignInOutcome.Refused, TimeSpan.Zero);
    }
}
