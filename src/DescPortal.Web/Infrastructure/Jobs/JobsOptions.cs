using System.ComponentModel.DataAnnotations;

namespace DescPortal.Web.Infrastructure.Jobs;

/// <summary>Configuration section <c>Jobs</c>.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>
    /// <c>Jobs:InvisibilityTimeoutSeconds</c>: how long a job taken by a process that then died (killed, crashed) stays
    /// taken before another process (or the restarted one) runs it. A running job's process renews the claim every fifth
    /// of this time, so a long job is never started twice because of it; Hangfire's own default, 30 minutes, left a report
    /// or a tile pyramid waiting that long after a crash.
    /// </summary>
    [Range(5, 86400)]
    public int InvisibilityTimeoutSeconds { get; set; } = 300;
}
