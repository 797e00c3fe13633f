using System.ComponentModel.DataAnnotations;

namespace DescPortal.Web.Infrastructure.Identity;

/// <summary>
/// Configuration section <c>Accounts</c>: how soon a disabled account or a changed role reaches open sessions, and how
/// long a one-time link to set a password works.
/// </summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>
    /// <c>Accounts:RevalidationSeconds</c>: how often a sign-in cookie and an open circuit are checked against the
    /// account (it exists, is not disabled, has the same security stamp and roles, may sign in here).
    /// </summary>
    [Range(1, 600)]
    public int RevalidationSeconds { get; set; } = 60;

    /// <summary><c>Accounts:LinkLifetimeSeconds</c>: how long a one-time link to set a password works (a day).</summary>
    [Range(1, 7 * 24 * 3600)]
    public int LinkLifetimeSeconds { get; set; } = 24 * 3600;

    public TimeSpan Revalidation => TimeSpan.FromSeconds(RevalidationSeconds);

    public TimeSpan LinkLifetime => TimeSpan.FromSeconds(LinkLifetimeSeconds);
}
