using DescPortal.Core.History;
using DescPortal.Web.Infrastructure.Identity;

namespace DescPortal.Web.Features.Cases;

/// <summary>
/// Who may see a case's content: the submitting agency (its officers, its API keys), examiners and reviewers.
/// Trainers, issuing authorities and administrators see none.
/// </summary>
public static class CaseAccess
{
    public static bool CanRead(UserScope scope, string agencyCode) =>
        scope.IsIn(Roles.Examiner) || scope.IsIn(Roles.Reviewer) || IsSubmittingAgency(scope, agencyCode);

    public static bool IsSubmittingAgency(UserScope scope, string agencyCode) =>
        (scope.ViaApiKey || scope.IsIn(Roles.FieldOfficer))
        && string.Equals(scope.AgencyCode, agencyCode, StringComparison.Ordinal);

    /// <summary>
    /// How much of a case's history the caller reads: examiners and reviewers all of it (the workspace and the opinion
    /// are theirs); the submitting agency what its own page shows, without unreviewed findings, notes or comments.
    /// </summary>
    public static HistoryAudience HistoryAudienceOf(UserScope scope) =>
        scope.IsIn(Roles.Examiner) || scope.IsIn(Roles.Reviewer) ? HistoryAudience.Centre : HistoryAudience.SubmittingAgency;

    /// <summary>Officers and API keys submit for their own agency only.</summary>
    public static bool CanSubmit(UserScope scope) =>
        (scope.ViaApiKey || scope.IsIn(Roles.FieldOfficer)) && !string.IsNullOrEmpty(scope.AgencyCode);
}
