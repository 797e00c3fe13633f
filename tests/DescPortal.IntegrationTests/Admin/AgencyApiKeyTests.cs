using System.Net;
using DescPortal.Core.Referrals;
using DescPortal.Testing;
using DescPortal.Web.Features.Admin;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Infrastructure.Auth;
using DescPortal.Web.Infrastructure.Identity;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DescPortal.IntegrationTests.Admin;

public sealed class AgencyApiKeyTests(IntegrationHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly UserScope Admin =
        new("test-admin", "Adam Admin", new HashSet<string> { Roles.Admin }, null, null, false) { UserName = "admin@desc.example" };

    private static UserScope OfficerOf(string agency) =>
        new("test-officer", "Olli Officer", new HashSet<string> { Roles.FieldOfficer }, agency, null, false);

    /// <summary>A new agency with one crossing point (its code) and a key issued by <see cref="Admin"/>.</summary>
    private async Task<(string Agency, string Point, IssuedApiKey Key)> AgencyWithKeyAsync(string label)
    {
        var code = "IT-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var agencies = host.Services.GetRequiredService<AgencyDirectory>();
        Assert.True((await agencies.CreateAsync(Admin, new NewAgency { Code = code, Name = "Integration Border Agency" }, Ct)).Succeeded);
        var point = code + "-GATE";
        Assert.True((await agencies.AddCrossingPointAsync(Admin, code, new NewCrossingPoint { Code = point, Name = "Gate", TimeZone = "Europe/Helsinki" }, Ct)).Succeeded);
        var issued = await host.Services.GetRequiredService<AgencyApiKeys>().IssueAsync(Admin, code, label, Ct);
        Assert.True(issued.Succeeded);
        return (code, point, issued.Value!);
    }

    [Fact]
    public async Task A_key_issued_by_an_admin_opens_the_api_until_it_is_revoked()
    {
        var (_, _, issued) = await AgencyWithKeyAsync("integration test");
        var keys = host.Services.GetRequiredService<AgencyApiKeys>();

        using var client = host.CreateClient(new() { AllowAutoRedirect = false }).WithKey(issued.Key);
        var before = await client.GetAsync("/api/v1/referrals", Ct);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(0, (await before.JsonAsync()).GetProperty("total").GetInt64());

        var revoked = await keys.RevokeAsync(Admin, ApiKey.Hash(issued.Key), Ct);
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

    [Fact]
    public async Task Every_event_of_a_submission_by_key_names_the_key_by_its_label_and_fingerprint()
    {
        var (agency, point, issued) = await AgencyWithKeyAsync("Gate 3 kiosk");
        using var client = host.CreateClient().WithKey(issued.Key);
        var referral = ReferralRequests.Example("White", "UV365");
        referral["borderCrossingPoint"] = point;

        var submitted = await client.PostAsync("/api/v1/referrals", ReferralRequests.Multipart(referral, TestImages.Jpeg(), TestImages.Jpeg(seed: 4)), Ct);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var id = (await submitted.JsonAsync()).GetProperty("id").GetGuid();

        // The submission's own events (the thumbnail jobs' follow, under their own names).
        string[] bySubmission = [nameof(ReferralSubmitted), nameof(EvidenceImageAttached)];
        var expected = $"{agency} key 'Gate 3 kiosk' ({issued.Fingerprint})";
        await using (var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession())
        {
            var events = (await session.Events.FetchStreamAsync(id, token: Ct)).Where(e => bySubmission.Contains(e.Data.GetType().Name)).ToList();
            Assert.Equal(3, events.Count);
            Assert.All(events, e => Assert.Equal(expected, ((IRecordedEvent)e.Data).Actor));
        }
        var history = await (await client.GetAsync($"/api/v1/referrals/{id}/history", Ct)).JsonAsync();
        var entries = history.EnumerateArray().Where(h => bySubmission.Contains(h.GetProperty("type").GetString())).ToList();
        Assert.Equal(3, entries.Count);
        Assert.All(entries, h => Assert.Equal(expected, h.GetProperty("actor").GetString()));
    }

    [Fact]
    public async Task Issuing_and_revoking_are_recorded_with_the_administrator_and_the_agencys_officers_read_them_with_the_last_use()
    {
        var (agency, _, issued) = await AgencyWithKeyAsync("Lane terminals");
        var keys = host.Services.GetRequiredService<AgencyApiKeys>();
        var unused = (await keys.IssueAsync(Admin, agency, "Spare", Ct)).Value!;

        using var client = host.CreateClient().WithKey(issued.Key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/referrals", Ct)).StatusCode);
        var firstUse = Assert.Single(await keys.OfOwnAgencyAsync(OfficerOf(agency), Ct), k => k.Fingerprint == issued.Fingerprint).LastUsedAt;
        Assert.NotNull(firstUse);
        // Another request within the minute writes nothing: the recorded use stays the first one.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/referrals", Ct)).StatusCode);

        Assert.True((await keys.RevokeAsync(Admin, ApiKey.Hash(issued.Key), Ct)).Succeeded);

        var listed = await keys.OfOwnAgencyAsync(OfficerOf(agency), Ct);
        Assert.Equal(["Spare", "Lane terminals"], listed.Select(k => k.Label));
        var used = listed.Single(k => k.Fingerprint == issued.Fingerprint);
        Assert.Equal(firstUse, used.LastUsedAt);
        Assert.Equal("Adam Admin <admin@desc.example>", used.IssuedBy);
        Assert.Equal("Adam Admin <admin@desc.example>", used.RevokedBy);
        Assert.NotNull(used.RevokedAt);
        var spare = listed.Single(k => k.Fingerprint == unused.Fingerprint);
        Assert.Null(spare.LastUsedAt);
        Assert.Null(spare.RevokedBy);

        // Another agency's officers do not see these keys; nobody else may read the register this way.
        Assert.DoesNotContain(await keys.OfOwnAgencyAsync(OfficerOf("BCP-SOUTH"), Ct), k => k.AgencyCode == agency);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => keys.OfOwnAgencyAsync(Admin, Ct));
    }
}
