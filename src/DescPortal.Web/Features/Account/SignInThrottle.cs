namespace DescPortal.Web.Features.Account;

/// <summary>
/// Failed sign-ins counted per client address and per account (the normalised email, whether an account has it or
/// not), each in a short fixed window (<see cref="SignInThrottleOptions"/>). Over either limit, sign-ins are refused
/// without looking at the password until the window ends.
/// Why a window and not Identity's lockout: a lockout of minutes after five failures lets anyone who knows an
/// examiner's email keep them out of the portal with five requests every quarter hour. Here an attacker holds an
/// account only while they keep failing, and the examiner waits at most one window after that; guessing is still
/// held to a few passwords a minute per account and per address. Successful sign-ins do not count, so a border post
/// where many officers share one address is not slowed. Counted in memory, per process: behind several instances
/// each counts its own.
/// </summary>
public sealed class SignInThrottle(SignInThrottleOptions options, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private DateTimeOffset _swept;

    /// <summary>One sign-in under way: counted as a failure until <see cref="Succeeded"/> says otherwise.</summary>
    public sealed class Attempt
    {
        internal Attempt(Window address, Window account) => (Address, Account) = (address, account);

        internal Window Address { get; }
        internal Window Account { get; }
    }

    /// <summary>Failures counted in one window of one key.</summary>
    internal sealed class Window(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; } = start;
        public int Failures { get; set; }
    }

    /// <summary>
    /// Counts the attempt as a failure in advance (so that parallel guesses cannot all slip under the limit), or
    /// refuses it: null, with how long until the window that refused it ends.
    /// </summary>
    public (Attempt? Attempt, TimeSpan RetryAfter) TryBegin(string address, string account)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            Sweep(now);
            var byAddress = Current("address:" + address, now);
            var byAccount = Current("account:" + account, now);
            var full = new[] { (byAddress, options.FailuresPerAddress), (byAccount, options.FailuresPerAccount) }
                .Where(w => w.Item1.Failures >= w.Item2).Select(w => w.Item1.Start + options.Window - now).ToList();
            if (full.Count > 0) return (null, full.Max());
            byAddress.Failures++;
            byAccount.Failures++;
            return (new Attempt(byAddress, byAccount), TimeSpan.Zero);
        }
    }

    /// <summary>The attempt signed in: it was no failure.</summary>
    public void Succeeded(Attempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        lock (_gate)
        {
            attempt.Address.Failures = Math.Max(0, attempt.Address.Failures - 1);
            attempt.Account.Failures = Math.Max(0, attempt.Account.Failures - 1);
        }
    }

    private Window Current(string key, DateTimeOffset now)
    {
        if (_windows.TryGetValue(key, out var window) && now < window.Start + options.Window) return window;
        return _windows[key] = new Window(now);
    }

    // Once a window: forget windows that ended, so addresses and emails that stopped trying take no memory.
    private void Sweep(DateTimeOffset now)
    {
        if (now - _swept < options.Window) return;
        _swept = now;
        foreach (var key in _windows.Where(w => now >= w.Value.Start + options.Window).Select(w => w.Key).ToList())
            _windows.Remove(key);
    }
}
