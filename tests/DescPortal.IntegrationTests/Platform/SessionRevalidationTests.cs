using System.Net;
using DescPortal.DemoData;
using DescPortal.Testing;
using DescPortal.Web.Features.Admin;
using DescPortal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DescPortal.IntegrationTests.Platform;

/// <summary>
/// A portal that revalidates sessions every second (a minute by default) and whose one-time links last a second (a
/// day), so that the tests need not wait long.
/// </summary>
public sealed class QuickRevalidationHost : PortalHost
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromSeconds(1);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Accounts:RevalidationSeconds", "1");
        builder.UseSetting("Accounts:LinkLifetimeSeconds", "1");
        builder.UseSetting("DemoData:Specimens", "false");
    }

    /// <summary>An account of the test's own in <paramref name="role"/>.</summary>
    public async Task<DescUser> AccountAsync(string role, string password)
    {
        var email = $"session-{Guid.NewGuid():N}@desc.example";
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DescUser>>();
        var user = new DescUser { UserName = email, Email = email, DisplayName = "Session Test", EmailConfirmed = true, LockoutEnabled = true };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        // Enrolled with the demo accounts' authenticator key, so that the test sign-in can give the second factor.
        Assert.True((await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", DemoAccounts.AuthenticatorKey)).Succeeded);
        Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
        return user;
    }
}

/// <summary>
/// A disabled account or a changed role reaches sessions already open within the revalidation interval: the sign-in
/// cookie on its next request, an open circuit by itself.
/// </summary>
public sealed class SessionRevalidationTests(QuickRevalidationHost host) : IClassFixture<QuickRevalidationHost>
{
    private const string Password = "Session-test-1";
    // A cap on waiting for something that happens within about a second; never reached when it works.
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly UserScope Admin =
        new("session-admin", "Adam Admin", new HashSet<string> { Roles.Admin }, null, null, false) { UserName = "admin@desc.example" };

    [Fact]
    public async Task A_disabled_reviewers_cookie_is_refused_on_its_next_request_after_the_interval()
    {
        var reviewer = await host.AccountAsync(Roles.Reviewer, Password);
        using var client = await host.SignedInClientAsync(reviewer.Email!, Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Ct)).StatusCode);

        Assert.True((await host.Services.GetRequiredService<UserDirectory>().SetDisabledAsync(Admin, reviewer.Id, true, Ct)).Succeeded);

        var deadline = DateTime.UtcNow + Cap;
        HttpResponseMessage response;
        while ((response = await client.GetAsync("/", Ct)).StatusCode == HttpStatusCode.OK && DateTime.UtcNow < deadline)
            await Task.Delay(QuickRevalidationHost.Interval / 4, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/signin", new Uri(new Uri("http://localhost/"), response.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task An_open_circuit_of_a_disabled_reviewer_or_of_a_changed_role_turns_anonymous_and_an_unchanged_one_stays()
    {
        var disabled = await host.AccountAsync(Roles.Reviewer, Password);
        var moved = await host.AccountAsync(Roles.Reviewer, Password);
        var unchanged = await host.AccountAsync(Roles.Reviewer, Password);
        await using var circuits = new Circuits(host.Services);
        var lostDisabled = await circuits.OpenAsync(disabled);
        var lostMoved = await circuits.OpenAsync(moved);
        var lostUnchanged = await circuits.OpenAsync(unchanged);

        Assert.True((await host.Services.GetRequiredService<UserDirectory>().SetDisabledAsync(Admin, disabled.Id, true, Ct)).Succeeded);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DescUser>>();
            var user = (await users.FindByIdAsync(moved.Id))!;
            Assert.True((await users.RemoveFromRoleAsync(user, Roles.Reviewer)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Examiner)).Succeeded);
        }

        Assert.False((await lostDisabled.Task.WaitAsync(Cap, Ct)).User.Identity!.IsAuthenticated);
        Assert.False((await lostMoved.Task.WaitAsync(Cap, Ct)).User.Identity!.IsAuthenticated);
        // Revalidated as often as the others meanwhile, the unchanged account is still signed in.
        Assert.False(lostUnchanged.Task.IsCompleted);
        Assert.True((await circuits.StateOf(unchanged)).User.IsInRole(Roles.Reviewer));
    }

    /// <summary>
    /// Circuits as Blazor opens them: a scope each, whose authentication state provider gets the signed-in user from
    /// the request and revalidates it from then on.
    /// </summary>
    private sealed class Circuits(IServiceProvider services) : IAsyncDisposable
    {
        private readonly Dictionary<string, (AsyncServiceScope Scope, AuthenticationStateProvider Provider)> _open = [];

        /// <returns>Completes with the circuit's next authentication state (anonymous when revalidation refused it).</returns>
        public async Task<TaskCompletionSource<AuthenticationState>> OpenAsync(DescUser user)
        {
            var scope = services.CreateAsyncScope();
            var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<DescUser>>();
            var principal = await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByIdAsync(user.Id))!);
            var provider = scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
            ((IHostEnvironmentAuthenticationStateProvider)provider).SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
            var changed = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
            provider.AuthenticationStateChanged += async state => changed.TrySetResult(await state);
            _open[user.Id] = (scope, provider);
            return changed;
        }

        public Task<AuthenticationState> StateOf(DescUser user) => _open[user.Id].Provider.GetAuthenticationStateAsync();

        public async ValueTask DisposeAsync()
        {
            foreach (var (scope, _) in _open.Values) await scope.DisposeAsync();
        }
    }
}
