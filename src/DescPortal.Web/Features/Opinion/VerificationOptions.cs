using System.ComponentModel.DataAnnotations;

namespace DescPortal.Web.Features.Opinion;

/// <summary>Configuration section <c>Verification</c>: the public report verification (<see cref="ReportVerification"/>).</summary>
public sealed class VerificationOptions
{
    public const string Section = "Verification";

    /// <summary><c>Verification:PerMinute</c>: verifications per client address and minute, page and API together.</summary>
    [Range(1, 10_000)]
    public int PerMinute { get; set; } = 30;
}
