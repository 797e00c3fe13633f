using System.Net;
using System.Security.Cryptography;
using DescPortal.Core;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Testing;
using DescPortal.Web.Features.ReferenceLibrary;
using Xunit;
using static DescPortal.IntegrationTests.ReferenceLibrary.LibraryTestData;
using DescPortal.DemoData;
using Microsoft.Extensions.DependencyInjection;

namespace DescPortal.IntegrationTests.ReferenceLibrary;

/// <summary>API v1 specimens for border inspection systems: the exact contract, filters, paging, images, withdrawal.</summary>
public sealed class SpecimenApiTests(IntegrationHost host)
{
    // Test-code states of their own, so that the lists these tests walk hold few specimens of other tests.
    private const string State = "XXQ";
    private const string PagingState = "XXZ";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_item_has_every_field_of_the_contract_with_its_json_type_and_codes_as_strings()
    {
        var id = await host.CreateAsync(State, Details(DocumentType.IdentityCard, DocumentFormat.TD1, 2015, series: "Card 2015 " + Guid.NewGuid()));
        var white = await host.AddImageAsync(id, TestImages.Png(seed: 101), LightSource.White, dpi: 600);
        var uv = await host.AddImageAsync(id, TestImages.Jpeg(seed: 102), LightSource.UV365, dpi: 300);
        var fibres = new SecurityFeature(Guid.NewGuid(), SecurityFeatureCategory.Substrate, "InvisibleFibres", [LightSource.UV365], 2,
            "Invisible fibres fluorescing blue and red", [new FeatureLocation(uv.ImageId, 0, 0, 320, 200), new FeatureLocation(uv.ImageId, 300, 180, 20, 20)]);
        await host.Commands().AddFeatureAsync(Editor, id, Feature(white), Ct);
        await host.Commands().AddFeatureAsync(Editor, id, fibres, Ct);
        await host.ConfirmAsync(id, State);

        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var response = await client.GetAsync($"/api/v1/specimens?issuingState={State}&pageSize=100", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.JsonAsync();
        AssertFields(body, ["items", "total"], "the list");
        Assert.Equal(System.Text.Json.JsonValueKind.Number, body.GetProperty("total").ValueKind);
        Assert.All(body.GetProperty("items").EnumerateArray(), AssertSpecimenContract);

        var item = await FindViaApiAsync(client, id, State) ?? throw new Xunit.Sdk.XunitException("The new specimen is not listed.");
        Assert.Equal(State, item.GetProperty("issuingState").GetString());
        Assert.Equal("IdentityCard", item.GetProperty("documentType").GetString());
        Assert.Equal("TD1", item.GetProperty("format").GetString());
        Assert.Equal("2015-01-01", item.GetProperty("issuedFrom").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, item.GetProperty("issuedTo").ValueKind);
        Assert.Equal(5, item.GetProperty("version").GetInt32());
        Assert.True(item.GetProperty("confirmedByIssuer").GetBoolean());

        var images = item.GetProperty("images").EnumerateArray().ToList();
        Assert.Equal([white.ImageId, uv.ImageId], images.Select(i => i.GetProperty("id").GetGuid()));
        Assert.Equal(["White", "UV365"], images.Select(i => i.GetProperty("lightSource").GetString()));
        Assert.Equal(["DataPage", "DataPage"], images.Select(i => i.GetProperty("area").GetString()));
        Assert.Equal([600, 300], images.Select(i => i.GetProperty("dpi").GetInt32()));
        Assert.All(images, i => Assert.Equal((320, 200), (i.GetProperty("width").GetInt32(), i.GetProperty("height").GetInt32())));

        var feature = item.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("id").GetGuid() == fibres.FeatureId);
        Assert.Equal("Substrate", feature.GetProperty("category").GetString());
        Assert.Equal("InvisibleFibres", feature.GetProperty("type").GetString());
        Assert.Equal(["UV365"], feature.GetProperty("lightSources").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(2, feature.GetProperty("inspectionLevel").GetInt32());
        var second = feature.GetProperty("locations")[1];
        Assert.Equal(uv.ImageId, second.GetProperty("imageId").GetGuid());
        var region = second.GetProperty("region");
        Assert.Equal((300, 180, 20, 20), (region.GetProperty("x").GetInt32(), region.GetProperty("y").GetInt32(),
            region.GetProperty("width").GetInt32(), region.GetProperty("height").GetInt32()));
    }

    [Fact]
    public async Task The_image_endpoint_returns_the_bytes_whose_sha256_the_item_gives_with_their_content_type()
    {
        var id = await host.CreateAsync(State);
        byte[] png = TestImages.Png(seed: 111), jpeg = TestImages.Jpeg(seed: 112), tiff = TestImages.Tiff(seed: 113);
        await host.AddImageAsync(id, png, LightSource.White);
        await host.AddImageAsync(id, jpeg, LightSource.IR);
        await host.AddImageAsync(id, tiff, LightSource.UV365);
        await host.ConfirmAsync(id, State);

        using var client = host.CreateClient().WithKey(ReferralRequests.SouthKey);
        var item = await FindViaApiAsync(client, id, State) ?? throw new Xunit.Sdk.XunitException("The new specimen is not listed.");
        var images = item.GetProperty("images").EnumerateArray().ToList();
        Assert.Equal(3, images.Count);

        var expected = new[] { (png, "image/png"), (jpeg, "image/jpeg"), (tiff, "image/tiff") };
        for (var i = 0; i < images.Count; i++)
        {
            var response = await client.GetAsync($"/api/v1/specimens/{id}/images/{images[i].GetProperty("id").GetGuid()}", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(expected[i].Item2, response.Content.Headers.ContentType?.MediaType);
            var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
            Assert.Equal(images[i].GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
            Assert.Equal(expected[i].Item1, bytes);
        }
    }

    [Fact]
    public async Task An_image_is_found_only_under_its_own_specimen_and_unknown_ids_are_404()
    {
        var a = await host.CreateAsync(State);
        var b = await host.CreateAsync(State);
        var imageOfA = await host.AddImageAsync(a, TestImages.Png(seed: 121));
        await host.AddImageAsync(b, TestImages.Png(seed: 122));
        await host.ConfirmAsync(a, State);
        await host.ConfirmAsync(b, State);

        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/specimens/{a}/images/{imageOfA.ImageId}", Ct)).StatusCode);
        foreach (var url in new[]
                 {
                     $"/api/v1/specimens/{b}/images/{imageOfA.ImageId}",
                     $"/api/v1/specimens/{a}/images/{Guid.NewGuid()}",
                     $"/api/v1/specimens/{Guid.NewGuid()}/images/{imageOfA.ImageId}",
                 })
        {
            var response = await client.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Issuing_state_and_document_type_filter_the_list_in_any_case()
    {
        var visa = await host.CreateConfirmedAsync(State, Details(DocumentType.Visa, DocumentFormat.Other, 2018));
        var passport = await host.CreateConfirmedAsync(State, Details(DocumentType.Passport, DocumentFormat.TD3, 2018));

        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var visas = await AllViaApiAsync(client, State.ToLowerInvariant(), "visa");
        Assert.Contains(visas, i => i.GetProperty("id").GetGuid() == visa);
        Assert.DoesNotContain(visas, i => i.GetProperty("id").GetGuid() == passport);
        Assert.All(visas, i => Assert.Equal((State, "Visa"), (i.GetProperty("issuingState").GetString(), i.GetProperty("documentType").GetString())));

        var ofState = await AllViaApiAsync(client, State);
        Assert.Contains(ofState, i => i.GetProperty("id").GetGuid() == visa);
        Assert.Contains(ofState, i => i.GetProperty("id").GetGuid() == passport);
        Assert.All(ofState, i => Assert.Equal(State, i.GetProperty("issuingState").GetString()));

        var passports = await (await client.GetAsync("/api/v1/specimens?documentType=Passport&pageSize=100", Ct)).JsonAsync();
        Assert.NotEmpty(passports.GetProperty("items").EnumerateArray());
        Assert.All(passports.GetProperty("items").EnumerateArray(), i => Assert.Equal("Passport", i.GetProperty("documentType").GetString()));

        var otherState = await AllViaApiAsync(client, "XXY");
        Assert.DoesNotContain(otherState, i => i.GetProperty("id").GetGuid() == visa || i.GetProperty("id").GetGuid() == passport);
    }

    [Theory]
    [InlineData("Spaceship")]
    [InlineData("3")]
    [InlineData("Passport,Visa")]
    public async Task A_document_type_that_is_not_a_code_is_a_400_naming_documentType(string documentType)
    {
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var response = await client.GetAsync($"/api/v1/specimens?documentType={Uri.EscapeDataString(documentType)}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("documentType", out var messages), errors.ToString());
        Assert.Contains(documentType, messages[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_key_or_with_a_wrong_one_the_api_answers_401_problem_json_and_never_redirects()
    {
        var id = await host.CreateAsync(State);
        var image = await host.AddImageAsync(id, TestImages.Png(seed: 131));

        using var anonymous = host.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var url in new[] { "/api/v1/specimens", $"/api/v1/specimens/{id}/images/{image.ImageId}" })
        {
            var none = await anonymous.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
            Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
            Assert.Null(none.Headers.Location);
        }

        using var wrong = host.CreateClient(new() { AllowAutoRedirect = false }).WithKey("not-a-key");
        var refused = await wrong.GetAsync("/api/v1/specimens", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Null(refused.Headers.Location);
    }

    [Fact]
    public async Task The_page_size_is_clamped_to_100_and_pages_walk_every_specimen_exactly_once()
    {
        // More specimens of one state than one page holds, all with the same sort keys.
        var created = new List<Guid>();
        for (var i = 0; i < 105; i++)
            created.Add(await host.CreateConfirmedAsync(PagingState, Details(DocumentType.Passport, DocumentFormat.TD3, 2010, series: "Paging series")));

        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var big = await (await client.GetAsync($"/api/v1/specimens?issuingState={PagingState}&pageSize=500", Ct)).JsonAsync();
        Assert.Equal(100, big.GetProperty("items").GetArrayLength());
        var total = big.GetProperty("total").GetInt64();
        Assert.True(total >= 105, $"total {total}");

        var unfiltered = await (await client.GetAsync("/api/v1/specimens?pageSize=1000", Ct)).JsonAsync();
        Assert.Equal(100, unfiltered.GetProperty("items").GetArrayLength());

        // Pages of 20: every specimen once, none twice (the order must be total, or OFFSET paging skips and repeats).
        var seen = new List<Guid>();
        for (var page = 1; page <= (total + 19) / 20; page++)
        {
            var body = await (await client.GetAsync($"/api/v1/specimens?issuingState={PagingState}&page={page}&pageSize=20", Ct)).JsonAsync();
            Assert.Equal(total, body.GetProperty("total").GetInt64());
            seen.AddRange(body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        }
        var repeated = seen.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var skipped = created.Except(seen).ToList();
        Assert.True(repeated.Count == 0 && skipped.Count == 0,
            $"Walking {seen.Count} items in pages of 20: {repeated.Count} listed twice, {skipped.Count} of ours never listed.");
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_and_still_gives_the_total()
    {
        for (var i = 0; i < 3; i++) await host.CreateConfirmedAsync(State);
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var first = await (await client.GetAsync($"/api/v1/specimens?issuingState={State}&page=1&pageSize=1", Ct)).JsonAsync();
        var total = first.GetProperty("total").GetInt64();
        Assert.True(total >= 3, $"total {total}");

        var beyond = await (await client.GetAsync($"/api/v1/specimens?issuingState={State}&page=100000&pageSize=1", Ct)).JsonAsync();

        Assert.Empty(beyond.GetProperty("items").EnumerateArray());
        Assert.True(beyond.GetProperty("total").GetInt64() >= total, $"past the end the total is {beyond.GetProperty("total")}, on page 1 {total}");
    }

    [Theory]
    [InlineData("page=0&pageSize=5", 5)]
    [InlineData("page=-3&pageSize=5", 5)]
    [InlineData("page=1&pageSize=0", 1)]
    [InlineData("page=1&pageSize=-7", 1)]
    [InlineData("page=2147483647&pageSize=100", 0)]
    public async Task Out_of_range_paging_values_are_clamped_not_errors(string query, int expectedItems)
    {
        for (var i = 0; i < 5; i++) await host.CreateConfirmedAsync(State);
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);

        var response = await client.GetAsync($"/api/v1/specimens?issuingState={State}&{query}", Ct);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(expectedItems, (await response.JsonAsync()).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_withdrawn_specimen_is_not_listed_and_its_images_are_404_over_the_api()
    {
        var id = await host.CreateAsync(State);
        var image = await host.AddImageAsync(id, TestImages.Png(seed: 141));
        await host.ConfirmAsync(id, State);
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var url = $"/api/v1/specimens/{id}/images/{image.ImageId}";
        Assert.NotNull(await FindViaApiAsync(client, id, State));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url, Ct)).StatusCode);

        await host.Commands().WithdrawAsync(Editor, id, "Replaced by a better specimen", Ct);

        Assert.Null(await FindViaApiAsync(client, id, State));
        var withdrawnImage = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.NotFound, withdrawnImage.StatusCode);
    }

    [Fact]
    public async Task Api_keys_of_any_agency_see_every_country_but_cannot_change_the_library()
    {
        foreach (var key in new[] { ReferralRequests.NorthKey, ReferralRequests.SouthKey })
        {
            using var client = host.CreateClient().WithKey(key);
            foreach (var (demo, state) in new[] { ("UTO-P-2007", "UTO"), ("XXA-P-2021", "XXA") })
                Assert.NotNull(await FindViaApiAsync(client, LibrarySeeding.IdOf(demo), state));

            // Read only: nothing is done with another method (answered 405, or 401: no endpoint takes it, so the
            // fallback policy's sign-in is asked for).
            var post = await client.PostAsync("/api/v1/specimens", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), Ct);
            Assert.True(post.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound or HttpStatusCode.Unauthorized, $"POST got {post.StatusCode}");
        }
        Assert.All(host.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
                .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
                .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/v1/specimens", StringComparison.Ordinal) == true),
            e => Assert.Equal(["GET"], e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()!.HttpMethods));
        // One it sees (confirmed), and still may not change.
        var id = await host.CreateConfirmedAsync(State);
        var version = await host.StreamVersionAsync(id);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            host.Commands().AddFeatureAsync(ApiKey, id, new SecurityFeature(Guid.NewGuid(), SecurityFeatureCategory.Ink, "UvFluorescent",
                [LightSource.UV365], 2, "x", []), Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => host.Commands().WithdrawAsync(ApiKey, id, "no", Ct));
        Assert.Equal(version, await host.StreamVersionAsync(id));
    }

    [Fact]
    public async Task Drafts_specimens_awaiting_confirmation_and_changed_since_are_neither_listed_nor_served_to_border_systems()
    {
        var id = await host.CreateAsync(State);
        var image = await host.AddImageAsync(id, TestImages.Png(seed: 151));
        using var border = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        using var examiner = await host.SignedInClientAsync("examiner@desc.local");
        var apiImage = $"/api/v1/specimens/{id}/images/{image.ImageId}";
        async Task AssertServedAsync(bool served, string when)
        {
            Assert.True(served == (await FindViaApiAsync(border, id, State) is not null), $"{when}: listed {!served}");
            Assert.Equal(served ? HttpStatusCode.OK : HttpStatusCode.NotFound, (await border.GetAsync(apiImage, Ct)).StatusCode);
            // The centre's own people see every version.
            Assert.Equal(HttpStatusCode.OK, (await examiner.GetAsync($"/library/{id}/images/{image.ImageId}", Ct)).StatusCode);
        }

        await AssertServedAsync(false, "draft");
        await host.Commands().SubmitForConfirmationAsync(Editor, id, Ct);
        await AssertServedAsync(false, "awaiting confirmation");
        await host.Commands().ConfirmAsync(Authority(State), id, (await host.EntryAsync(id)).ContentVersion, Ct);
        await AssertServedAsync(true, "confirmed");
        await host.Commands().AddFeatureAsync(Editor, id, Feature(image), Ct);
        await AssertServedAsync(false, "changed since its confirmation");
        await host.ConfirmAsync(id, State);
        await AssertServedAsync(true, "confirmed again");
    }

    [Fact]
    public async Task The_demo_specimens_not_confirmed_as_they_are_are_not_served_to_border_systems()
    {
        using var border = host.CreateClient().WithKey(ReferralRequests.SouthKey);
        foreach (var (demo, state) in new[] { ("UTO-V-2018", "UTO"), ("XXB-P-2019", "XXB") })
        {
            Assert.Null(await FindViaApiAsync(border, LibrarySeeding.IdOf(demo), state));
            var entry = await host.EntryAsync(LibrarySeeding.IdOf(demo));
            Assert.Equal(HttpStatusCode.NotFound,
                (await border.GetAsync($"/api/v1/specimens/{entry.Id}/images/{entry.Specimen.Images[0].ImageId}", Ct)).StatusCode);
        }
    }
}
