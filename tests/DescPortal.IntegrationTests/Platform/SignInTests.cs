using System.Net;
using DescPortal.Testing;
using Xunit;

namespace DescPortal.IntegrationTests.Platform;

public sealed class SignInTests(IntegrationHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

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
