using System.Net;
using DescPortal.Testing;
using DescPortal.Web.Features.Admin;
using DescPortal.Web.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Infrastructure.Auth;

namespace DescPortal.IntegrationTests.Admin;

public sealed class AgencyApiKeyTests(IntegrationHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly UserScope Admin =
        new("test-admin", "Adam Admin", new HashSet<string> { Roles.Admin }, null, null, false);

    [Fact]
    public async Task A_key_issued_by_an_admin_opens_the_api_until_it_is_revoked()
    {
        var code = "IT-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var created = await host.Services.GetRequiredService<AgencyDirectory>()
            .CreateAsync(Admin, new NewAgency { Code = code, Name = "Integration Border Agency" }, Ct);
        Assert.True(created.Succeeded);
        var keys = host.Services.GetRequiredService<AgencyApiKeys>();
        var issued = await keys.IssueAsync(Admin, code, "integration test", Ct);
        Assert.True(issued.Succeeded);

        using var client = host.CreateClient(new() { AllowAutoRedirect = false }).WithKey(issued.Value!.Key);
        var before = await client.GetAsync("/api/v1/referrals", Ct);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(0, (await before.JsonAsync()).GetProperty("total").GetInt64());

        var revoked = await keys.RevokeAsync(Admin, Web.Infrastructure.Auth.ApiKey.Hash(issued.Value.Key), Ct);
        Assert.True(revoked.Succeeded);

        var after = await client.GetAsync("/api/v1/referrals", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("application/problem+json", after.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_key_for_an_agency_that_does_not_exist_is_not_issued()
    {
        var issued = await host.Services.GetRequiredService<AgencyApiKeys>().IssueAsync(Admin, "NO-SUCH-" + Guid.NewGuid().ToString("N")[..6], "x", Ct);
        Assert.False(issued.Succeeded);
        Assert.Null(issued.Value);
    }
}
