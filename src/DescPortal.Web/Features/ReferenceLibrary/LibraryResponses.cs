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
