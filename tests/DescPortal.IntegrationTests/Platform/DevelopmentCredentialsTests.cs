using System.Net;
using DescPortal.DemoData;
using DescPortal.Testing;
using DescPortal.Web.Infrastructure.Identity;
using Marten;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DescPortal.IntegrationTests.Platform;

/// <summary>
/// The demo accounts and development keys are public (README): outside Development the portal refuses them, even when
/// a Development start once wrote them into its database.
/// </summary>
public sealed class DevelopmentCredentialsTests(ProductionHost production, IntegrationHost development) : IClassFixture<ProductionHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Demo_accounts_and_development_keys_in_a_production_database_are_refused()
    {
        // What a Development start writes, written into the production portal's database.
        await using (var scope = production.Services.CreateAsyncScope())
        {
            var seed = new DemoAccounts(scope.ServiceProvider.GetRequiredService<IDocumentStore>(),
                scope.ServiceProvider.GetRequiredService<UserManager<DescUser>>(), TimeProvider.System);
            await seed.SeedAsync(Ct);
        }

        using var api = production.CreateClient(new() { BaseAddress = new Uri("https://desc.example/") }).WithKey(ReferralRequests.NorthKey);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/referrals", Ct)).StatusCode);
        using var browser = production.CreateClient(new() { BaseAddress = new Uri("https://desc.example/"), AllowAutoRedirect = false, HandleCookies = true });
        foreach (var account in DemoAccounts.Accounts)
            Assert.Equal("(200) The email or password is not correct.", await browser.SignInAsync(account.Email, DemoAccounts.Password));

        // The same key and account in Development.
        using var devApi = development.CreateClient().WithKey(ReferralRequests.NorthKey);
        Assert.Equal(HttpStatusCode.OK, (await devApi.GetAsync("/api/v1/referrals", Ct)).StatusCode);
        using var devBrowser = development.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Null(await devBrowser.SignInAsync("examiner@desc.local", DemoAccounts.Password));
    }
}
