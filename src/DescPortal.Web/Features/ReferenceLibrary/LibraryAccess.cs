using DescPortal.Core.ReferenceLibrary;
using DescPortal.Web.Infrastructure.Identity;

namespace DescPortal.Web.Features.ReferenceLibrary;

/// <summary>
/// Who sees and does what in the reference library. Examiners and reviewers edit; trainers read; an issuing
/// authority sees only its own country's specimens, and confirms or proposes corrections; border systems read by key.
/// </summary>
public static class LibraryAccess
{
    public const string ReaderRoles = Roles.Examiner + "," + Roles.Reviewer + "," + Roles.Trainer + "," + Roles.IssuingAuthority;

    public static bool CanBrowse(UserScope scope) =>
        scope.ViaApiKey || scope.IsIn(Roles.Examiner) || scope.IsIn(Roles.Reviewer) || scope.IsIn(Roles.Trainer)
        || (scope.IsIn(Roles.IssuingAuthority) && !string.IsNullOrEmpty(scope.CountryCode));

    /// <summary>The only country this caller may see, or null for every country.</summary>
    public static string? CountryLimit(UserScope scope) =>
        scope.IsIn(Roles.IssuingAuthority) && !scope.IsIn(Roles.Examiner) && !scope.IsIn(Roles.Reviewer) ? scope.CountryCode ?? "\0" : null;

    public static bool CanSee(UserScope scope, LibraryEntry entry) =>
        CanBrowse(scope) && (CountryLimit(scope) is not { } country || string.Equals(country, entry.IssuingState, StringComparison.Ordinal))
        && (!ConfirmedOnly(scope) || entry.Status == SpecimenStatus.Confirmed);

    /// <summary>
    /// Border systems (API keys) compare documents at the border against what the issuing authority vouched for: they
    /// get only specimens whose current version it confirmed, never a draft, one awaiting confirmation, one changed
    /// since (until confirmed again) or a withdrawn one.
    /// </summary>
    public static bool ConfirmedOnly(UserScope scope) => scope.ViaApiKey;

    public static bool CanEdit(UserScope scope) => !scope.ViaApiKey && (scope.IsIn(Roles.Examiner) || scope.IsIn(Roles.Reviewer));

    /// <summary>The actor the decider checks (an editor, or the authority of one country); its id is what history shows.</summary>
    public static LibraryActor ActorFor(UserScope scope) =>
        CanEdit(scope) ? LibraryActor.Editor(scope.Actor, scope.DisplayName)
        : scope.IsIn(Roles.IssuingAuthority) && scope.CountryCode is { } country ? LibraryActor.Authority(scope.Actor, scope.DisplayName, country)
        : throw new UnauthorizedAccessException("This account cannot change the reference library.");
}
