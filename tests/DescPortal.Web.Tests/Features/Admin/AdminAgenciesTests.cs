using Bunit;
using DescPortal.Web.Features.Admin;
using DescPortal.Web.Features.Cases;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Xunit;
using static DescPortal.Web.Tests.Features.Admin.AdminTestKit;
using DescPortal.Web.Infrastructure.Auth;

namespace DescPortal.Web.Tests.Features.Admin;

public sealed class AdminAgenciesTests(ComponentHost host) : ComponentTest(host)
{
    [Fact]
    public async Task A_new_agency_is_listed_and_a_duplicate_code_is_refused_with_a_message()
    {
        SignInAs("admin@desc.local");
        var cut = RenderWithProviders<AdminAgencies>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=agency-card]")));
        var code = Unique("BCP-");

        cut.Type("agency-code", code);
        cut.Type("agency-name", "Eastern Border Guard");
        await cut.ClickAsync("create-agency");
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll($"[data-testid=agency-card][data-agency={code}]")));

        // The same code again, typed in lower case: still the same agency code.
        cut.Type("agency-code", code.ToLowerInvariant());
        cut.Type("agency-name", "Another name");
        await cut.ClickAsync("create-agency");

        cut.WaitForAssertion(() =>
            AssertShown(cut.ErrorOf<AdminAgencies, MudTextField<string>>("agency-code"), $"The agency code {code} is already in use"));
        Assert.Equal("Another name", cut.Field("agency-name").GetAttribute("value"));
        Assert.Single(cut.FindAll($"[data-testid=agency-card][data-agency={code}]"));
    }

    [Fact]
    public async Task A_malformed_agency_code_is_refused_naming_the_rule()
    {
        var result = await Host.Services.GetRequiredService<AgencyDirectory>()
            .CreateAsync(AdminActor(), new NewAgency { Code = "B C", Name = "Spaces" }, Ct);
        AssertShown(result.Errors[AgencyDirectory.Code], "3 to 30 characters");
    }

    [Fact]
    public async Task A_crossing_point_with_a_bad_time_zone_is_refused_and_nothing_is_added()
    {
        var code = await CreateAgencyAsync();
        var card = RenderAgencyCard(code);
        var pointCode = Unique("GATE-");

        card.Type("point-code", pointCode);
        card.Type("point-name", "East Gate");
        card.Field("point-zone").Input("Mars/Olympus_Mons");
        await card.ClickAsync("add-point");

        card.WaitForAssertion(() =>
            AssertShown(card.ErrorOf<AgencyCard, MudAutocomplete<string>>("point-zone"), "\"Mars/Olympus_Mons\" is not an IANA time zone"));
        Assert.Contains("is not an IANA time zone", card.Markup, StringComparison.Ordinal);
        Assert.Equal(pointCode, card.Field("point-code").GetAttribute("value"));
        Assert.Equal("East Gate", card.Field("point-name").GetAttribute("value"));
        Assert.Empty(card.FindAll("[data-testid=crossing-point]"));
        Assert.Empty((await LoadAsync(code)).CrossingPoints);
    }

    [Fact]
    public async Task A_crossing_point_with_an_iana_zone_is_added_to_its_agency()
    {
        var code = await CreateAgencyAsync();
        var card = RenderAgencyCard(code);
        var pointCode = Unique("GATE-");

        card.Type("point-code", pointCode.ToLowerInvariant());
        card.Type("point-name", "East Gate");
        card.Field("point-zone").Input("Europe/Tallinn");
        await card.ClickAsync("add-point");

        card.WaitForAssertion(() =>
            Assert.Contains(pointCode, card.Find("[data-testid=crossing-points]").TextContent, StringComparison.Ordinal));
        Assert.Equal([new CrossingPoint(pointCode, "East Gate", "Europe/Tallinn")], (await LoadAsync(code)).CrossingPoints);
        Assert.Equal("", card.Field("point-code").GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task A_crossing_point_code_is_unique_across_agencies_and_windows_zone_ids_are_refused()
    {
        var agencies = Host.Services.GetRequiredService<AgencyDirectory>();
        var code = await CreateAgencyAsync();

        var taken = await agencies.AddCrossingPointAsync(AdminActor(), code, new NewCrossingPoint { Code = "north-gate", Name = "Copy", TimeZone = "Europe/Helsinki" }, Ct);
        AssertShown(taken.Errors[AgencyDirectory.Code], "already used by agency BCP-NORTH");

        var windows = await agencies.AddCrossingPointAsync(AdminActor(), code, new NewCrossingPoint { Code = Unique("P-"), Name = "Win", TimeZone = "FLE Standard Time" }, Ct);
        Assert.NotNull(windows.Errors[AgencyDirectory.TimeZone]);

        var noAgency = await agencies.AddCrossingPointAsync(AdminActor(), "NO-SUCH-AGENCY", new NewCrossingPoint { Code = Unique("P-"), Name = "X", TimeZone = "UTC" }, Ct);
        Assert.NotNull(noAgency.Errors[FieldErrors.Form]);
    }

    [Fact]
    public async Task Two_admins_adding_points_to_one_agency_at_once_lose_neither()
    {
        var agencies = Host.Services.GetRequiredService<AgencyDirectory>();
        var code = await CreateAgencyAsync();
        var points = Enumerable.Range(0, 6).Select(i => new NewCrossingPoint { Code = Unique($"P{i}-"), Name = $"Point {i}", TimeZone = "Africa/Cairo" }).ToList();

        var results = await Task.WhenAll(points.Select(p => agencies.AddCrossingPointAsync(AdminActor(), code, p, Ct)));

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(points.Select(p => p.Code).Order(), (await LoadAsync(code)).CrossingPoints.Select(c => c.Code).Order());
    }

    [Fact]
    public async Task An_issued_key_is_stored_only_as_its_hash_and_can_be_revoked()
    {
        var code = await CreateAgencyAsync();
        var keys = Host.Services.GetRequiredService<AgencyApiKeys>();

        var issued = await keys.IssueAsync(AdminActor(), code, "lane terminals", Ct);
        Assert.True(issued.Succeeded);
        Assert.Matches("^desc_[A-Za-z0-9_-]{43}$", issued.Value!.Key);

        var store = Host.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.QuerySession())
        {
            var json = await session.Json.FindByIdAsync<ApiKey>(ApiKey.Hash(issued.Value.Key), Ct);
            Assert.NotNull(json);
            Assert.DoesNotContain(issued.Value.Key, json, StringComparison.Ordinal);
            Assert.DoesNotContain(issued.Value.Key[5..], json, StringComparison.Ordinal);
        }

        var refused = await keys.IssueAsync(AdminActor(), code, "  ", Ct);
        Assert.NotNull(refused.Errors[AgencyApiKeys.Label]);

        Assert.True((await keys.RevokeAsync(AdminActor(), ApiKey.Hash(issued.Value.Key), Ct)).Succeeded);
        await using var check = store.QuerySession();
        Assert.NotNull((await check.LoadAsync<ApiKey>(ApiKey.Hash(issued.Value.Key), Ct))!.RevokedAt);
    }

    /// <summary>The admin page with its card for one agency (the shared host lists other tests' agencies too).</summary>
    private IRenderedComponent<AgencyCard> RenderAgencyCard(string code)
    {
        SignInAs("admin@desc.local");
        var page = RenderWithProviders<AdminAgencies>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll($"[data-testid=agency-card][data-agency={code}]")));
        return page.FindComponents<AgencyCard>().Single(c => c.Instance.View.Agency.Id == code);
    }

    private async Task<string> CreateAgencyAsync()
    {
        var code = Unique("AG-");
        var result = await Host.Services.GetRequiredService<AgencyDirectory>().CreateAsync(AdminActor(), new NewAgency { Code = code, Name = "Test agency " + code }, Ct);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.All.Values));
        return code;
    }

    private async Task<Agency> LoadAsync(string code)
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.LoadAsync<Agency>(code, Ct))!;
    }
}
