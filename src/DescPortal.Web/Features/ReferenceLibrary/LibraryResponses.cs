using DescPortal.Core;
using DescPortal.Core.ReferenceLibrary;

namespace DescPortal.Web.Features.ReferenceLibrary;

// The bodies of API v1's library answers (an exact contract: names as they were when these were anonymous objects).
// Named types so that the OpenAPI document describes them and client generators type them.

/// <summary>One page of listed specimens and how many match in all.</summary>
public sealed record SpecimenList(IReadOnlyList<SpecimenSummary> Items, long Total);

/// <summary>A genuine specimen: its details, images and security features (<c>version</c> counts content changes).</summary>
public sealed record SpecimenSummary(
    Guid Id, string IssuingState, DocumentType DocumentType, string Series, DateOnly IssuedFrom, DateOnly? IssuedTo,
    DocumentFormat Format, int Version, bool ConfirmedByIssuer, IReadOnlyList<SpecimenImageInfo> Images, IReadOnlyList<SpecimenFeature> Features)
{
    public static SpecimenSummary Of(Specimen s) => new(
        s.Id, s.IssuingState, s.DocumentType, s.Series, s.IssuedFrom, s.IssuedTo, s.Format, s.Version, s.ConfirmedByIssuer,
        [.. s.Images.Select(i => new SpecimenImageInfo(i.ImageId, i.Area, i.LightSource, i.Dpi, i.Width, i.Height, i.Sha256))],
        [.. s.Features.Select(f => new SpecimenFeature(f.FeatureId, f.Category, f.Type, f.Lights, f.InspectionLevel, f.Description,
            [.. f.Locations.Select(l => new SpecimenFeatureLocation(l.ImageId, new SpecimenRegion(l.X, l.Y, l.Width, l.Height)))]))]);
}

/// <summary>An image of a specimen (its bytes: <c>GET /api/v1/specimens/{id}/images/{imageId}</c>).</summary>
public sealed record SpecimenImageInfo(Guid Id, DocumentArea Area, LightSource LightSource, int Dpi, int Width, int Height, string Sha256);

/// <summary>A security feature: its category, its type's code, the lights it shows under, and where it is.</summary>
public sealed record SpecimenFeature(
    Guid Id, SecurityFeatureCategory Category, string Type, IReadOnlyList<LightSource> LightSources, int InspectionLevel,
    string Description, IReadOnlyList<SpecimenFeatureLocation> Locations);

public sealed record SpecimenFeatureLocation(Guid ImageId, SpecimenRegion Region);

/// <summary>A rectangle on the image, in pixels from its top left corner.</summary>
public sealed record SpecimenRegion(int X, int Y, int Width, int Height);

/// <summary>The example of the OpenAPI document: a demo specimen as the list shows it.</summary>
internal static class LibraryExamples
{
    private static readonly Guid ImageId = Guid.Parse("8d3f5a71-2c6e-4b90-a1d4-7e05b9c3f268");

    public static readonly SpecimenList List = new(
    [
        new SpecimenSummary(Guid.Parse("0b9e4d2c-7a15-4f38-b6e0-93c1d5a8f724"), "UTO", DocumentType.Passport, "2020 series",
            new DateOnly(2020, 1, 1), null, DocumentFormat.TD3, 3, true,
            [new SpecimenImageInfo(ImageId, DocumentArea.DataPage, LightSource.UV365, 600, 3200, 2240,
                "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8")],
            [new SpecimenFeature(Guid.Parse("f4a2c6e8-1b3d-4f57-9a0c-2e4b6d8f0a13"), SecurityFeatureCategory.SecurityPrinting, "Microprinting",
                [LightSource.White], 2, "Microtext UTOPIA along the portrait's lower edge.",
                [new SpecimenFeatureLocation(ImageId, new SpecimenRegion(410, 1720, 900, 60))])]),
    ], 1);
}
