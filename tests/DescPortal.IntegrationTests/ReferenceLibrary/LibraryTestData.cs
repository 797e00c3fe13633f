using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DescPortal.Core;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Testing;
using DescPortal.Web.Features.ReferenceLibrary;
using DescPortal.Web.Infrastructure.Identity;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DescPortal.IntegrationTests.ReferenceLibrary;

/// <summary>
/// Specimens made through the same <see cref="LibraryCommands"/> an examiner uses, the scopes of each kind of user,
/// and checks of the API v1 specimen contract. Every specimen gets a fresh id; the host is shared, so nothing here
/// counts what others created.
/// </summary>
internal static partial class LibraryTestData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static UserScope Editor { get; } =
        new("test-editor", "Test editor", new HashSet<string> { Roles.Examiner }, null, null, false) { UserName = "editor@test.local" };

    public static UserScope Authority(string country) =>
        new("authority-" + country.ToLowerInvariant(), $"Authority of {country}", new HashSet<string> { Roles.IssuingAuthority }, null, country, false);

    public static UserScope Trainer { get; } = new("test-trainer", "Test trainer", new HashSet<string> { Roles.Trainer }, null, null, false);

    public static UserScope Reviewer { get; } = new("test-reviewer", "Test reviewer", new HashSet<string> { Roles.Reviewer }, null, null, false);

    public static UserScope Officer { get; } =
        new("test-officer", "Test officer", new HashSet<string> { Roles.FieldOfficer }, "BCP-NORTH", null, false);

    public static UserScope Admin { get; } = new("test-admin", "Test admin", new HashSet<string> { Roles.Admin }, null, null, false);

    /// <summary>A border system by key: no roles, an agency, ViaApiKey.</summary>
    public static UserScope ApiKey { get; } = new("apikey:test", "BCP-NORTH", new HashSet<string>(), "BCP-NORTH", null, true);

    public static LibraryCommands Commands(this IntegrationHost host) => host.Services.GetRequiredService<LibraryCommands>();

    public static LibraryQueries Queries(this IntegrationHost host) => host.Services.GetRequiredService<LibraryQueries>();

    public static SpecimenDetails Details(
        DocumentType type = DocumentType.Passport, DocumentFormat format = DocumentFormat.TD3, int year = 2020, string? series = null) =>
        new(type, series ?? $"Test series {Guid.NewGuid():N}", new DateOnly(year, 1, 1), null, format, "Integration test specimen",
            [DocumentArea.DataPage]);

    public static Task<Guid> CreateAsync(this IntegrationHost host, string state, SpecimenDetails? details = null) =>
        host.Commands().CreateAsync(Editor, Guid.NewGuid(), state, details ?? Details(), Ct);

    public static async Task<SpecimenImage> AddImageAsync(this IntegrationHost host, Guid specimenId, byte[] bytes,
        LightSource light = LightSource.White, int dpi = 600, Guid? imageId = null)
    {
        using var content = new MemoryStream(bytes, writable: false);
        return await host.Commands().AddImageAsync(Editor, specimenId, imageId ?? Guid.NewGuid(), content, DocumentArea.DataPage, light, dpi,
            light == LightSource.UV365 ? 365 : null, "Test scanner", null, Ct);
    }

    public static SecurityFeature Feature(SpecimenImage image, string description = "Two-colour guilloche behind the portrait",
        Guid? id = null, int level = 1) =>
        new(id ?? Guid.NewGuid(), SecurityFeatureCategory.SecurityPrinting, "Guilloche", [image.LightSource], level, description,
            [new FeatureLocation(image.ImageId, 10, 20, 100, 50)]);

    /// <summary>Created, one White PNG and one feature on it (version 3), submitted for confirmation.</summary>
    public static async Task<(Guid Id, SpecimenImage Image, SecurityFeature Feature)> SubmittedSpecimenAsync(
        this IntegrationHost host, string state, int seed)
    {
        var id = await host.CreateAsync(state);
        var image = await host.AddImageAsync(id, TestImages.Png(seed: seed));
        var feature = Feature(image);
        await host.Commands().AddFeatureAsync(Editor, id, feature, Ct);
        await host.Commands().SubmitForConfirmationAsync(Editor, id, Ct);
        return (id, image, feature);
    }

    /// <summary>
    /// Submitted and confirmed by the authority of <paramref name="state"/> as it is now: what border systems are served
    /// (API keys get confirmed specimens only).
    /// </summary>
    public static async Task ConfirmAsync(this IntegrationHost host, Guid id, string state)
    {
        await host.Commands().SubmitForConfirmationAsync(Editor, id, Ct);
        await host.Commands().ConfirmAsync(Authority(state), id, (await host.EntryAsync(id)).ContentVersion, Ct);
    }

    /// <summary>Created with one small image and confirmed: a specimen border systems see.</summary>
    public static async Task<Guid> CreateConfirmedAsync(this IntegrationHost host, string state, SpecimenDetails? details = null)
    {
        var id = await host.CreateAsync(state, details);
        await host.AddImageAsync(id, TestImages.Png(40, 30, seed: 1));
        await host.ConfirmAsync(id, state);
        return id;
    }

    /// <summary>The entry as stored, whoever may see it.</summary>
    public static async Task<LibraryEntry> EntryAsync(this IntegrationHost host, Guid id)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.LoadAsync<LibraryEntry>(id, Ct) ?? throw new InvalidOperationException($"No entry {id}.");
    }

    public static async Task<long> StreamVersionAsync(this IntegrationHost host, Guid id)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.Events.FetchStreamStateAsync(id, Ct))?.Version ?? 0;
    }

    public static async Task<IReadOnlyList<object>> EventsAsync(this IntegrationHost host, Guid id)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return [.. (await session.Events.FetchStreamAsync(id, token: Ct)).Select(e => e.Data)];
    }

    /// <summary>Every API item of one issuing state, page by page (pages of 100).</summary>
    public static async Task<List<JsonElement>> AllViaApiAsync(HttpClient client, string issuingState, string? documentType = null)
    {
        var all = new List<JsonElement>();
        for (var page = 1; page < 1000; page++)
        {
            var url = $"/api/v1/specimens?issuingState={issuingState}&page={page}&pageSize=100"
                + (documentType is null ? "" : $"&documentType={documentType}");
            var response = await client.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var items = (await response.JsonAsync()).GetProperty("items").EnumerateArray().ToList();
            all.AddRange(items);
            if (items.Count < 100) break;
        }
        return all;
    }

    /// <summary>The API item of a specimen of <paramref name="issuingState"/>, or null when the API does not list it.</summary>
    public static async Task<JsonElement?> FindViaApiAsync(HttpClient client, Guid id, string issuingState)
    {
        foreach (var item in await AllViaApiAsync(client, issuingState))
            if (item.GetProperty("id").GetGuid() == id) return item;
        return null;
    }

    // ---- the exact contract of API v1 specimens -------------------------------------------------------------------

    public static readonly string[] ItemFields =
        ["id", "issuingState", "documentType", "series", "issuedFrom", "issuedTo", "format", "version", "confirmedByIssuer", "images", "features"];
    public static readonly string[] ImageFields = ["id", "area", "lightSource", "dpi", "width", "height", "sha256"];
    public static readonly string[] FeatureFields = ["id", "category", "type", "lightSources", "inspectionLevel", "description", "locations"];
    public static readonly string[] LocationFields = ["imageId", "region"];
    public static readonly string[] RegionFields = ["x", "y", "width", "height"];

    public static void AssertFields(JsonElement obj, string[] expected, string what)
    {
        Assert.Equal(JsonValueKind.Object, obj.ValueKind);
        Assert.True(
            obj.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).SequenceEqual(expected.Order(StringComparer.Ordinal)),
            $"{what} should have exactly [{string.Join(", ", expected)}], has [{string.Join(", ", obj.EnumerateObject().Select(p => p.Name))}]");
    }

    /// <summary>Every field of one item present with its JSON type; codes as strings of their vocabularies; regions inside their image.</summary>
    public static void AssertSpecimenContract(JsonElement item)
    {
        AssertFields(item, ItemFields, "an item");
        AssertGuid(item.GetProperty("id"));
        Assert.Matches("^[A-Z]{3}$", String(item, "issuingState"));
        AssertCode<DocumentType>(item.GetProperty("documentType"));
        Assert.False(string.IsNullOrWhiteSpace(String(item, "series")));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", String(item, "issuedFrom"));
        var to = item.GetProperty("issuedTo");
        Assert.True(to.ValueKind is JsonValueKind.Null || (to.ValueKind is JsonValueKind.String && IsoDate().IsMatch(to.GetString()!)),
            $"issuedTo is {to}");
        AssertCode<DocumentFormat>(item.GetProperty("format"));
        Assert.Equal(JsonValueKind.Number, item.GetProperty("version").ValueKind);
        Assert.True(item.GetProperty("version").GetInt32() >= 1);
        Assert.True(item.GetProperty("confirmedByIssuer").ValueKind is JsonValueKind.True or JsonValueKind.False);

        var images = new Dictionary<Guid, (int Width, int Height, string Light)>();
        Assert.Equal(JsonValueKind.Array, item.GetProperty("images").ValueKind);
        foreach (var image in item.GetProperty("images").EnumerateArray())
        {
            AssertFields(image, ImageFields, "an image");
            AssertGuid(image.GetProperty("id"));
            AssertCode<DocumentArea>(image.GetProperty("area"));
            AssertCode<LightSource>(image.GetProperty("lightSource"));
            foreach (var n in new[] { "dpi", "width", "height" })
            {
                Assert.Equal(JsonValueKind.Number, image.GetProperty(n).ValueKind);
                Assert.True(image.GetProperty(n).GetInt32() >= 1, $"{n} of an image is {image.GetProperty(n)}");
            }
            Assert.Matches("^[0-9a-f]{64}$", String(image, "sha256"));
            images.Add(image.GetProperty("id").GetGuid(),
                (image.GetProperty("width").GetInt32(), image.GetProperty("height").GetInt32(), String(image, "lightSource")));
        }

        Assert.Equal(JsonValueKind.Array, item.GetProperty("features").ValueKind);
        foreach (var feature in item.GetProperty("features").EnumerateArray())
        {
            AssertFields(feature, FeatureFields, "a feature");
            AssertGuid(feature.GetProperty("id"));
            var category = AssertCode<SecurityFeatureCategory>(feature.GetProperty("category"));
            Assert.Equal(JsonValueKind.String, feature.GetProperty("type").ValueKind);
            Assert.True(SecurityFeatureTaxonomy.IsValid(category, feature.GetProperty("type").GetString()),
                $"{feature.GetProperty("type")} is not a type of {category}");
            var lights = feature.GetProperty("lightSources");
            Assert.Equal(JsonValueKind.Array, lights.ValueKind);
            Assert.NotEmpty(lights.EnumerateArray());
            foreach (var light in lights.EnumerateArray()) AssertCode<LightSource>(light);
            Assert.Equal(JsonValueKind.Number, feature.GetProperty("inspectionLevel").ValueKind);
            Assert.InRange(feature.GetProperty("inspectionLevel").GetInt32(), 1, 3);
            Assert.False(string.IsNullOrWhiteSpace(String(feature, "description")));
            Assert.Equal(JsonValueKind.Array, feature.GetProperty("locations").ValueKind);
            foreach (var location in feature.GetProperty("locations").EnumerateArray())
            {
                AssertFields(location, LocationFields, "a location");
                AssertGuid(location.GetProperty("imageId"));
                Assert.True(images.TryGetValue(location.GetProperty("imageId").GetGuid(), out var on),
                    $"a location names image {location.GetProperty("imageId")}, which the item does not list");
                var region = location.GetProperty("region");
                AssertFields(region, RegionFields, "a region");
                foreach (var n in RegionFields) Assert.Equal(JsonValueKind.Number, region.GetProperty(n).ValueKind);
                var (x, y, w, h) = (region.GetProperty("x").GetInt32(), region.GetProperty("y").GetInt32(),
                    region.GetProperty("width").GetInt32(), region.GetProperty("height").GetInt32());
                Assert.True(x >= 0 && y >= 0 && w >= 1 && h >= 1 && x + w <= on.Width && y + h <= on.Height,
                    $"region {region} does not lie within its image of {on.Width} x {on.Height}");
            }
        }
    }

    private static string String(JsonElement obj, string name)
    {
        var value = obj.GetProperty(name);
        Assert.True(value.ValueKind == JsonValueKind.String, $"{name} should be a string, is {value.ValueKind}");
        return value.GetString()!;
    }

    private static void AssertGuid(JsonElement value)
    {
        Assert.Equal(JsonValueKind.String, value.ValueKind);
        Assert.True(Guid.TryParse(value.GetString(), out var id) && id != Guid.Empty, $"{value} is not an id");
    }

    private static TEnum AssertCode<TEnum>(JsonElement value) where TEnum : struct, Enum
    {
        Assert.True(value.ValueKind == JsonValueKind.String, $"a {typeof(TEnum).Name} should be a string code, is {value}");
        Assert.Contains(value.GetString(), Enum.GetNames<TEnum>());
        return Enum.Parse<TEnum>(value.GetString()!);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();
}
