using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using DescPortal.Core;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Testing;
using DescPortal.Web.Features.ReferenceLibrary;
using DescPortal.Web.Infrastructure.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;
using static DescPortal.IntegrationTests.ReferenceLibrary.LibraryTestData;
using DescPortal.DemoData;

namespace DescPortal.IntegrationTests.ReferenceLibrary;

/// <summary>The demo specimens seeded at first start, as border systems see them; seeding again changes nothing.</summary>
public sealed class DemoSpecimenTests(IntegrationHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string, string, bool> Demos => new()
    {
        { "UTO-P-2007", "UTO", "Passport", "TD3", true },
        { "UTO-I-2007", "UTO", "IdentityCard", "TD1", true },
        { "UTO-V-2018", "UTO", "Visa", "Other", false },
        { "XXA-P-2021", "XXA", "Passport", "TD3", true },
        { "XXB-P-2019", "XXB", "Passport", "TD3", false },
    };

    public static TheoryData<string, string> KeysAndStates => new()
    {
        { "UTO-P-2007", "UTO" }, { "UTO-I-2007", "UTO" }, { "UTO-V-2018", "UTO" }, { "XXA-P-2021", "XXA" }, { "XXB-P-2019", "XXB" },
    };

    private static readonly string[] Keys = ["UTO-P-2007", "UTO-I-2007", "UTO-V-2018", "XXA-P-2021", "XXB-P-2019"];

    [Theory]
    [MemberData(nameof(Demos))]
    public async Task Each_demo_specimen_is_listed_by_the_api_once_the_portal_is_healthy(
        string key, string state, string documentType, string format, bool confirmed)
    {
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", Ct)).StatusCode);

        // Border systems are served the specimens confirmed as they are, only.
        var listed = await FindViaApiAsync(client, LibrarySeeding.IdOf(key), state);
        Assert.Equal(confirmed, listed is not null);
        var item = await ItemAsync(client, key, state);

        AssertSpecimenContract(item);
        Assert.Equal((state, documentType, format), (item.GetProperty("issuingState").GetString(),
            item.GetProperty("documentType").GetString(), item.GetProperty("format").GetString()));
        Assert.Equal(confirmed, item.GetProperty("confirmedByIssuer").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(KeysAndStates))]
    public async Task Each_data_page_is_imaged_under_white_uv365_and_ir_at_300_dpi_or_more(string key, string state)
    {
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var item = await ItemAsync(client, key, state);

        var images = item.GetProperty("images").EnumerateArray().ToList();
        var dataPage = images.Where(i => i.GetProperty("area").GetString() == "DataPage")
            .Select(i => i.GetProperty("lightSource").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "White", "UV365", "IR" }, dataPage);
        Assert.All(images, i => Assert.True(i.GetProperty("dpi").GetInt32() >= 300, $"{key}: {i}"));
        // A 300 dpi image of a card or a passport page is more than a thumbnail.
        Assert.All(images, i => Assert.True(i.GetProperty("width").GetInt32() >= 900, $"{key}: {i}"));
    }

    [Theory]
    [MemberData(nameof(KeysAndStates))]
    public async Task Every_feature_is_located_on_an_image_taken_under_a_light_it_shows_under(string key, string state)
    {
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var item = await ItemAsync(client, key, state);
        var lightOf = item.GetProperty("images").EnumerateArray()
            .ToDictionary(i => i.GetProperty("id").GetGuid(), i => i.GetProperty("lightSource").GetString());
        var features = item.GetProperty("features").EnumerateArray().ToList();

        Assert.NotEmpty(features);
        foreach (var feature in features)
        {
            var lights = feature.GetProperty("lightSources").EnumerateArray().Select(l => l.GetString()).ToList();
            var locations = feature.GetProperty("locations").EnumerateArray().ToList();
            Assert.NotEmpty(locations);
            Assert.All(locations, l => Assert.Contains(lightOf[l.GetProperty("imageId").GetGuid()], lights));
        }
        if (item.GetProperty("documentType").GetString() == "Passport")
        {
            Assert.True(features.Count >= 8, $"{key} has {features.Count} features");
            var levels = features.Select(f => f.GetProperty("inspectionLevel").GetInt32()).ToHashSet();
            Assert.Contains(1, levels);
            Assert.Contains(2, levels);
        }
    }

    /// <summary>
    /// The demo's item as the API gives it: from the API when border systems are served it (confirmed as it is), else
    /// written as the API would write it, so that every demo's content is checked.
    /// </summary>
    private async Task<JsonElement> ItemAsync(HttpClient client, string key, string state)
    {
        if (await FindViaApiAsync(client, LibrarySeeding.IdOf(key), state) is { } listed) return listed;
        var entry = await host.EntryAsync(LibrarySeeding.IdOf(key));
        Assert.NotEqual(SpecimenStatus.Confirmed, entry.Status);
        var json = host.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        return JsonSerializer.SerializeToElement(SpecimenSummary.Of(entry.Specimen), json);
    }

    [Fact]
    public async Task Demo_images_are_served_with_the_hash_the_api_gives()
    {
        using var client = host.CreateClient().WithKey(ReferralRequests.SouthKey);
        var item = await FindViaApiAsync(client, LibrarySeeding.IdOf("XXA-P-2021"), "XXA")
            ?? throw new Xunit.Sdk.XunitException("XXA-P-2021 is not listed.");
        foreach (var image in item.GetProperty("images").EnumerateArray())
        {
            var response = await client.GetAsync($"/api/v1/specimens/{item.GetProperty("id").GetGuid()}/images/{image.GetProperty("id").GetGuid()}", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
            var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
            Assert.Equal(image.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
    }

    [Fact]
    public async Task The_demo_workflow_states_are_as_described_confirmed_awaiting_and_changed_after_confirmation()
    {
        var examiner = await host.Queries().LoadAsync(Editor, LibrarySeeding.IdOf("UTO-V-2018"), Ct);
        Assert.NotNull(examiner);
        Assert.Equal(SpecimenStatus.AwaitingConfirmation, examiner.Status);
        Assert.Empty(examiner.Specimen.Confirmations);

        foreach (var key in new[] { "UTO-P-2007", "UTO-I-2007", "XXA-P-2021" })
        {
            var entry = await host.EntryAsync(LibrarySeeding.IdOf(key));
            Assert.Equal(SpecimenStatus.Confirmed, entry.Status);
            var confirmation = Assert.Single(entry.Specimen.Confirmations);
            Assert.Equal(entry.ContentVersion, confirmation.Version);
            Assert.Equal(entry.IssuingState, confirmation.Country);
        }

        var xxb = await host.EntryAsync(LibrarySeeding.IdOf("XXB-P-2019"));
        Assert.Equal(SpecimenStatus.ChangedSinceConfirmation, xxb.Status);
        Assert.False(xxb.ConfirmedByIssuer);
        Assert.True(xxb.Specimen.ChangedSinceConfirmation);
        Assert.True(xxb.Specimen.LastConfirmedVersion < xxb.ContentVersion, $"{xxb.Specimen.LastConfirmedVersion} < {xxb.ContentVersion}");
        Assert.Equal("XXB", xxb.Specimen.LastConfirmation!.Country);
    }

    [Fact]
    public async Task Seeding_again_appends_no_event_and_stores_no_blob()
    {
        var before = new Dictionary<string, long>();
        foreach (var key in Keys) before[key] = await host.StreamVersionAsync(LibrarySeeding.IdOf(key));
        var blobsBefore = await LibraryBlobCountAsync();
        Assert.All(before, b => Assert.True(b.Value >= 5, $"{b.Key} is at stream version {b.Value}"));

        await host.Services.GetRequiredService<LibrarySeeding>().SeedAsync(Ct);

        foreach (var key in Keys) Assert.Equal(before[key], await host.StreamVersionAsync(LibrarySeeding.IdOf(key)));
        Assert.Equal(blobsBefore, await LibraryBlobCountAsync());
    }

    private async Task<int> LibraryBlobCountAsync()
    {
        var container = host.Services.GetRequiredService<BlobContainers>().Library;
        var count = 0;
        foreach (var key in Keys)
            await foreach (var _ in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix: $"specimens/{LibrarySeeding.IdOf(key):N}/", cancellationToken: Ct))
                count++;
        return count;
    }
}
