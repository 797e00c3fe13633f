namespace DescPortal.Web.Infrastructure.Identity;

/// <summary>The portal's roles (domain.md "Who does what").</summary>
public static class Roles
{
    public const string FieldOfficer = nameof(FieldOfficer);
    public const string Examiner = nameof(Examiner);
    public const string Reviewer = nameof(Reviewer);
    public const string IssuingAuthority = nameof(IssuingAuthority);
    public const string Trainer = nameof(Trainer);
    public const string Admin = nameof(Admin);

    public static readonly IReadOnlyList<string> All =
        [FieldOfficer, Examiner, Reviewer, IssuingAuthority, Trainer, Admin];

    /// <summary>Roles that may read case content (besides the submitting agency's officers).</summary>
    public const string CaseReaders = Examiner + "," + Reviewer;

    /// <summary>
    /// Roles that read case content or administer the portal: an account holds them only once it signs in with a
    /// second factor (an authenticator app); until it has one, it is signed in without them (DescClaimsFactory).
    /// </summary>
    public static readonly IReadOnlySet<string> NeedSecondFactor = new HashSet<string>(StringComparer.Ordinal) { Examiner, Reviewer, Admin };

    /// <summary>The roles an account's sign-in carries: without a second factor, none of <see cref="NeedSecondFactor"/>.</summary>
    public static IReadOnlyList<string> Effective(DescUser user, IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(user);
        return roles.Where(r => user.TwoFactorEnabled || !NeedSecondFactor.Contains(r)).ToList();
    }
}

/// <summary>Claims the portal adds to a signed-in user, read by <see cref="UserScope"/>.</summary>
public static class DescClaims
{
    public const string Agency = "desc:agency";
    public const string Country = "desc:country";
    public const string DisplayName = "desc:name";

    /// <summary>
    /// On an account the demo data created (its value says so): such an account never signs in outside Development,
    /// even when a Development start wrote it into the database (<see cref="DescSignInManager"/>).
    /// </summary>
    public const string Development = "desc:development";

    /// <summary>The label of the API key a border system called with.</summary>
    public const string KeyLabel = "desc:key-label";
}
