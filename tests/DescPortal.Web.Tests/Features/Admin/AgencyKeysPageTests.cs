using Bunit;
using DescPortal.Testing;
using DescPortal.Web.Features.Admin;
using DescPortal.Web.Infrastructure.Auth;
using DescPortal.Web.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static DescPortal.Web.Tests.Features.Admin.AdminTestKit;

namespace DescPortal.Web.Tests.Features.Admin;

/// <summary>An agency's officers read its key register: label, fingerprint, who issued and revoked each and when, its last use.</summary>
public sealed class AgencyKeysPageTests(ComponentHost host) : ComponentTest(host)
{
    [Fact]
    public async Task The_officer_sees_each_key_of_their_agency_with_who_issued_and_revoked_it_and_its_last_use()
    {
        var keys = Host.Services.GetRequiredService<AgencyApiKeys>();
        var admin = AdminActor() with { UserName = "admin@desc.local" };
        var label = Unique("Gate kiosk ");
        var used = (await keys.IssueAsync(admin, "BCP-NORTH", label, Ct)).Value!;
        using (var client = Host.CreateClient().WithKey(used.Key))
            Assert.True((await client.GetAsync("/api/v1/referrals", Ct)).IsSuccessStatusCode);
        Assert.True((await keys.RevokeAsync(admin, ApiKey.Hash(used.Key), Ct)).Succeeded);
        var south = (await keys.IssueAsync(admin, "BCP-SOUTH", Unique("South only "), Ct)).Value!;

        SignInAs("officer.north@desc.local");
        var cut = RenderWithProviders<AgencyKeysPage>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll($"[data-testid=api-key][data-fingerprint='{used.Fingerprint}']")));
        var row = cut.Find($"[data-testid=api-key][data-fingerprint='{used.Fingerprint}']");
        Assert.Equal(label, row.QuerySelector("[data-testid=api-key-label]")!.TextContent.Trim());
        Assert.Contains("by Adam Admin <admin@desc.local>", row.QuerySelector("[data-testid=api-key-issued]")!.TextContent, StringComparison.Ordinal);
        var state = row.QuerySelector("[data-testid=api-key-state]")!.TextContent;
        Assert.Contains("Revoked", state, StringComparison.Ordinal);
        Assert.Contains("by Adam Admin <admin@desc.local>", state, StringComparison.Ordinal);
        Assert.EndsWith("UTC", row.QuerySelector("[data-testid=api-key-last-used]")!.TextContent.Trim(), StringComparison.Ordinal);
        // The development key is listed too; the other agency's key is not, and officers revoke nothing.
        Assert.NotEmpty(cut.FindAll($"[data-testid=api-key][data-fingerprint='{ApiKey.FingerprintOf(ApiKey.Hash(ReferralRequests.NorthKey))}']"));
        Assert.Empty(cut.FindAll($"[data-testid=api-key][data-fingerprint='{south.Fingerprint}']"));
        Assert.Empty(cut.FindAll("[data-testid=revoke-key]"));
        Assert.Contains("API keys of BCP-NORTH", cut.Find("h1").TextContent, StringComparison.Ordinal);
    }
}
