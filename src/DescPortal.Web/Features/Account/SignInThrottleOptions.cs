using System.ComponentModel.DataAnnotations;

namespace DescPortal.Web.Features.Account;

/// <summary>Configuration section <c>SignIn</c>: how many failed sign-ins are allowed before more are refused for a while (<see cref="SignInThrottle"/>).</summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "SignIn";

    /// <summary><c>SignIn:FailuresPerAccount</c>: failed sign-ins of one email within the window; then that email is refused until the window ends.</summary>
    [Range(1, 100)]
    public int FailuresPerAccount { get; set; } = 5;

    /// <summary><c>SignIn:FailuresPerAddress</c>: failed sign-ins from one client address within the window, whatever the emails.</summary>
    [Range(1, 10_000)]
    public int FailuresPerAddress { get; set; } = 20;

    /// <summary><c>SignIn:WindowSeconds</c>: how long failures are counted, and so the longest anyone waits.</summary>
    [Range(1, 3600)]
    public int WindowSeconds { get; set; } = 60;

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
}
