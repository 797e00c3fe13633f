using System.Net;
using DescPortal.Testing;
using DescPortal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DescPortal.IntegrationTests.Platform;

public sealed class SignInTests(IntegrationHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var email = $"lock-{Guid.NewGuid():N}@desc.local";
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DescUser>>();
            var user = new DescUser { UserName = email, Email = email, DisplayName = "Lock Test", EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, "Right-password-1")).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Examiner)).Succeeded);
        }

        for (var i = 0; i < 5; i++)
            await Assert.ThrowsAsync<InvalidOperationException>(() => host.SignedInClientAsync(email, "wrong-password"));
        var locked = await Assert.ThrowsAsync<InvalidOperationException>(() => host.SignedInClientAsync(email, "Right-password-1"));

        Assert.Contains("locked", locked.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_officer_reaches_their_pages_but_not_the_examiners()
    {
        using var client = await host.SignedInClientAsync("officer.north@desc.local");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/referrals", Ct)).StatusCode);
        foreach (var page in new[] { "/queue", "/my-cases", "/admin/users" })
        {
            var response = await client.GetAsync(page, Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }
}
