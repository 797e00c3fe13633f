using System.ComponentModel.DataAnnotations;

namespace DescPortal.Web.Features.Referrals.Drafts;

/// <summary>Configuration section <c>Drafts</c>: officers' unsent referrals (<see cref="ReferralDrafts"/>).</summary>
public sealed class DraftOptions
{
    public const string Section = "Drafts";

    /// <summary><c>Drafts:KeepDays</c>: days an unsent draft is kept after its last change (a daily job deletes older ones).</summary>
    [Range(1, 3650)]
    public int KeepDays { get; set; } = 14;
}
