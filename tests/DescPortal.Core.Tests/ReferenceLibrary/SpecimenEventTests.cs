using System.Reflection;
using System.Text.Json;
using DescPortal.Core.ReferenceLibrary;
using static DescPortal.Core.Tests.ReferenceLibrary.SpecimenSamples;

namespace DescPortal.Core.Tests.ReferenceLibrary;

// Events are stored as JSON for good: they must come back exactly as they went in, with codes as names.
public class SpecimenEventTests
{
    private static T RoundTrip<T>(T value, out string json)
    {
        json = JsonSerializer.Serialize(value, JsonSerializerOptions.Web);
        return JsonSerializer.Deserialize<T>(json, JsonSerializerOptions.Web)!;
    }

    [Fact]
    public void SpecimenCreatedRoundTripsWithDatesAndCodesAsText()
    {
        var original = new SpecimenCreated(Id, "UTO", Details() with { IssuedTo = new DateOnly(2030, 2, 28) }, Editor.Id, Now);

        var back = RoundTrip(original, out var json);

        Assert.Contains("\"issuedFrom\":\"2020-03-01\"", json, StringComparison.Ordinal);
        Assert.Contains("\"issuedTo\":\"2030-02-28\"", json, StringComparison.Ordinal);
        Assert.Contains("\"format\":\"TD3\"", json, StringComparison.Ordinal);
        Assert.Contains("\"areas\":[\"DataPage\",\"Cover\"]", json, StringComparison.Ordinal);
        Assert.Equal(original, back);
    }

    [Fact]
    public void SecurityFeatureAddedRoundTripsWithItsLocations()
    {
        var original = new SecurityFeatureAdded(Id, UvInk(), Editor.Id, Now);

        var back = RoundTrip(original, out var json);

        Assert.Contains("\"category\":\"Ink\"", json, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"UvFluorescent\"", json, StringComparison.Ordinal);
        Assert.Contains("\"lights\":[\"UV365\"]", json, StringComparison.Ordinal);
        Assert.Equal(original, back);
    }

    [Fact]
    public void SpecimenImportedRoundTripsWithItsOrigin()
    {
        var original = new SpecimenImported(Id, "UTO", Details(), [White, Uv], [UvInk()],
            [new SpecimenConfirmation(3, "Mira Holt", "uto-officer-1", "UTO", Now)],
            new SpecimenOrigin("DESC North", "SHA256:9f86", Guid.NewGuid(), 3, new string('e', 64)), Editor.Id, Now);

        var back = RoundTrip(original, out var json);

        Assert.Equal(original.Origin, back.Origin);
        Assert.Equal(original.Images, back.Images);
        Assert.Equal(original.Features, back.Features);
        Assert.Equal(original.Confirmations, back.Confirmations);
        Assert.Equal(json, JsonSerializer.Serialize(back, JsonSerializerOptions.Web));
    }

    [Fact]
    public void TheAggregateRoundTripsAsASnapshot()
    {
        var specimen = SpecimenHistory.Confirmed()
            .Then(s => SpecimenDecider.ProposeCorrection(s, CorrectionId(1), null, "Series is 2021", Utopia, Now)).State;

        var back = RoundTrip(specimen, out var json);

        Assert.Contains("\"status\":\"Confirmed\"", json, StringComparison.Ordinal);
        Assert.Equal((specimen.Version, specimen.Status, specimen.Details), (back.Version, back.Status, back.Details));
        Assert.Equal(specimen.Images, back.Images);
        Assert.Equal(specimen.Features, back.Features);
        Assert.Equal(specimen.Confirmations, back.Confirmations);
        Assert.Equal(specimen.Corrections, back.Corrections);
    }

    // Evolve throws for a specimen event it cannot apply; this catches an event added without its Apply.
    [Fact]
    public void EverySpecimenEventHasACreateOrApply()
    {
        var eventTypes = typeof(ISpecimenEvent).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(ISpecimenEvent).IsAssignableFrom(t))
            .ToList();
        var handled = typeof(Specimen).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.Name is "Apply" or "Create" && m.ReturnType == typeof(Specimen) && m.GetParameters().Length == 1)
            .Select(m => m.GetParameters()[0].ParameterType)
            .ToHashSet();

        Assert.Equal(14, eventTypes.Count);
        Assert.All(eventTypes, t => Assert.Contains(t, handled));
    }

    [Fact]
    public void AStreamMustStartWithCreationOrImport()
    {
        Assert.Throws<InvalidOperationException>(() => Specimen.Fold([new SpecimenWithdrawn(Id, "x", Editor.Id, Now)]));
        Assert.Null(Specimen.Fold([]));
    }
}
