using System.Net;
using System.Text.RegularExpressions;
using DescPortal.Testing;
using DescPortal.Web.Features.Account;
using DescPortal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DescPortal.IntegrationTests.Platform;

/// <summary>
/// A portal with small sign-in limits, reached through a reverse proxy it trusts, so that each request can come from
/// the client address the test names (X-Forwarded-For), as behind a real proxy.
/// </summary>
public sealed class SignInThrottleHost : PortalHost
{
    public const int PerAccount = 3;
    public const int PerAddress = 6;
    private const string Proxy = "10.0.0.5";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("SignIn:FailuresPerAccount", PerAccount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("SignIn:FailuresPerAddress", PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Proxy:KnownProxies", Proxy);
        builder.UseSetting("DemoData:Specimens", "false");
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new ThroughTheProxy()));
    }

    /// <summary>A browser at <paramref name="address"/>, behind the proxy (cookies kept, redirects not followed).</summary>
    public HttpClient ClientAt(string address)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    /// <summary>An examiner's account of the test's own.</summary>
    public async Task<string> AccountAsync(string password, bool disabled = false)
    {
        var email = $"throttle-{Guid.NewGuid():N}@desc.local";
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DescUser>>();
        var user = new DescUser { UserName = email, Email = email, DisplayName = "Throttle Test", EmailConfirmed = true, LockoutEnabled = true };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Examiner)).Succeeded);
        if (disabled) Assert.True((await users.SetLockoutEndDateAsync(user, DescUser.DisabledUntil)).Succeeded);
        return email;
    }

    /// <summary>TestServer has no peer address: every request arrives from the proxy's.</summary>
    private sealed class ThroughTheProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((ctx, then) =>
            {
                ctx.Connection.RemoteIpAddress = IPAddress.Parse(Proxy);
                return then(ctx);
            });
            next(app);
        };
    }
}

/// <summary>
/// Sign-in is throttled per account and per client address, says the same for an unknown account as for a wrong
/// password, and lets the right password in again once the short window has passed (<see cref="SignInThrottleWindowTests"/>).
/// </summary>
public sealed partial class SignInThrottleTests(SignInThrottleHost host) : IClassFixture<SignInThrottleHost>
{
    private const string Password = "Right-password-1";
    private const string NotCorrect = "(200) The email or password is not correct.";

    /// <summary>The page's message with its number of seconds blanked: the same words whatever the wait.</summary>
    private static string Words(string? message) => Seconds().Replace(message ?? "(signed in)", "N");

    [GeneratedRegex("[0-9]+(?= seconds)")]
    private static partial Regex Seconds();

    private static int _addresses;

    /// <summary>A sign-in from an address used for nothing else, so that only the account's count can refuse it.</summary>
    private async Task<string?> FromAnywhereAsync(string email, string password)
    {
        var n = Interlocked.Increment(ref _addresses);
        using var client = host.ClientAt($"203.0.{n / 250}.{n % 250 + 1}");
        return await client.SignInAsync(email, password);
    }

    [Fact]
    public async Task An_unknown_account_and_a_wrong_password_get_the_same_answers_and_the_same_throttle()
    {
        var known = await host.AccountAsync(Password);
        var unknown = $"nobody-{Guid.NewGuid():N}@desc.local";

        var toKnown = new List<string?>();
        var toUnknown = new List<string?>();
        for (var i = 0; i < SignInThrottleHost.PerAccount; i++)
        {
            toKnown.Add(await FromAnywhereAsync(known, "wrong-password"));
            toUnknown.Add(await FromAnywhereAsync(unknown, "wrong-password"));
        }
        // Then even the right password is refused, from yet another address, without being checked.
        var knownThrottled = await FromAnywhereAsync(known, Password);
        var unknownThrottled = await FromAnywhereAsync(unknown, Password);

        Assert.All(toKnown.Concat(toUnknown), m => Assert.Equal(NotCorrect, m));
        Assert.Equal("(200) Too many failed sign-ins. Try again in N seconds.", Words(knownThrottled));
        Assert.Equal(Words(knownThrottled), Words(unknownThrottled));
        // Another account is not held back by them.
        Assert.Null(await FromAnywhereAsync(await host.AccountAsync(Password), Password));
    }

    [Fact]
    public async Task One_address_is_throttled_across_accounts_but_its_successful_sign_ins_do_not_count()
    {
        var officer = await host.AccountAsync(Password);
        const string Address = "192.0.2.77";
        // A border post where many people sign in from one address is not slowed by it.
        for (var i = 0; i < SignInThrottleHost.PerAddress * 2; i++)
        {
            using var colleague = host.ClientAt(Address);
            Assert.Null(await colleague.SignInAsync(officer, Password));
        }

        using (var attacker = host.ClientAt(Address))
        {
            // Each email fails once: the account counts stay low, the address's fills.
            for (var i = 0; i < SignInThrottleHost.PerAddress; i++)
                Assert.Equal(NotCorrect, await attacker.SignInAsync($"spray-{i}-{Guid.NewGuid():N}@desc.local", "Summer2026!"));
        }

        using var sameAddress = host.ClientAt(Address);
        Assert.Equal("(200) Too many failed sign-ins. Try again in N seconds.", Words(await sameAddress.SignInAsync(officer, Password)));
        using var elsewhere = host.ClientAt("192.0.2.78");
        Assert.Null(await elsewhere.SignInAsync(officer, Password));
    }

    [Fact]
    public async Task A_disabled_account_is_named_so_only_to_whoever_gives_its_password()
    {
        var disabled = await host.AccountAsync(Password, disabled: true);

        Assert.Equal(NotCorrect, await FromAnywhereAsync(disabled, "wrong-password"));
        Assert.Equal("(200) This account is disabled. Ask an administrator.", await FromAnywhereAsync(disabled, Password));
    }
}

/// <summary>The throttle's window on a clock of the test's own: nobody waits longer than one window after the failures stop.</summary>
public sealed class SignInThrottleWindowTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void After_the_window_the_account_may_try_again_and_the_wait_said_is_what_is_left_of_it()
    {
        var clock = new ManualClock();
        var throttle = new SignInThrottle(new SignInThrottleOptions { FailuresPerAccount = 2, FailuresPerAddress = 100, WindowSeconds = 60 }, clock);

        Assert.NotNull(throttle.TryBegin("192.0.2.1", "EXAMINER@DESC.LOCAL").Attempt);
        clock.Now += TimeSpan.FromSeconds(20);
        Assert.NotNull(throttle.TryBegin("192.0.2.2", "EXAMINER@DESC.LOCAL").Attempt);
        clock.Now += TimeSpan.FromSeconds(10);

        var (refused, retryAfter) = throttle.TryBegin("192.0.2.3", "EXAMINER@DESC.LOCAL");
        Assert.Null(refused);
        Assert.Equal(TimeSpan.FromSeconds(30), retryAfter);

        clock.Now += TimeSpan.FromSeconds(30);
        Assert.NotNull(throttle.TryBegin("192.0.2.3", "EXAMINER@DESC.LOCAL").Attempt);
    }

    [Fact]
    public void A_sign_in_that_succeeds_gives_its_count_back()
    {
        var throttle = new SignInThrottle(new SignInThrottleOptions { FailuresPerAccount = 1, FailuresPerAddress = 1 }, new ManualClock());

        for (var i = 0; i < 5; i++)
        {
            var (attempt, _) = throttle.TryBegin("192.0.2.1", "OFFICER@DESC.LOCAL");
            Assert.NotNull(attempt);
            throttle.Succeeded(attempt);
        }
        Assert.NotNull(throttle.TryBegin("192.0.2.1", "OFFICER@DESC.LOCAL").Attempt);
        Assert.Null(throttle.TryBegin("192.0.2.1", "OFFICER@DESC.LOCAL").Attempt);
    }
}
