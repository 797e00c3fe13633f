using DescPortal.Core;
using DescPortal.Core.ReferenceLibrary;

namespace DescPortal.Web.Features.ReferenceLibrary.Editing;

/// <summary>
/// A security feature being added or changed: what the editor's fields and the regions drawn on the viewer hold
/// until it is saved. Shared by <see cref="FeatureEditor"/> (the fields) and the viewer (the regions), so a region
/// drawn on the image appears in the form at once. Nothing of it is stored until the decider accepts the whole.
/// </summary>
public sealed class FeatureDraft
{
    public Guid FeatureId { get; private init; }
    public bool IsNew { get; private init; }
    public SecurityFeatureCategory Category { get; set; } = SecurityFeatureCategory.Substrate;
    public string Type { get; set; } = "";
    public List<LightSource> Lights { get; } = [];
    public int InspectionLevel { get; set; } = 1;
    public string Description { get; set; } = "";
    public List<RegionDraft> Regions { get; } = [];

    /// <summary>A new feature: its id is chosen now, so that saving it twice (a retry) adds it once.</summary>
    public static FeatureDraft New() => new() { FeatureId = Guid.NewGuid(), IsNew = true };

    public static FeatureDraft Of(SecurityFeature feature)
    {
        var draft = new FeatureDraft
        {
            FeatureId = feature.FeatureId,
            Category = feature.Category,
            Type = feature.Type,
            InspectionLevel = feature.InspectionLevel,
            Description = feature.Description,
        };
        draft.Lights.AddRange(feature.Lights);
        draft.Regions.AddRange(feature.Locations.Select(l => new RegionDraft(l.ImageId)
        {
            X = l.X, Y = l.Y, Width = l.Width, Height = l.Height,
        }));
        return draft;
    }

    /// <summary>A region drawn on an image. The first one also names the light the feature shows under, if none is ticked yet.</summary>
    public void AddRegion(SpecimenImage image, int x, int y, int width, int height)
    {
        Regions.Add(new RegionDraft(image.ImageId) { X = x, Y = y, Width = width, Height = height });
        if (Lights.Count == 0) Lights.Add(image.LightSource);
    }

    public SecurityFeature ToFeature() => new(FeatureId, Category, Type, [.. Lights], InspectionLevel, Description,
        [.. Regions.Select(r => new FeatureLocation(r.ImageId, r.X, r.Y, r.Width, r.Height))]);
}

/// <summary>One region of a <see cref="FeatureDraft"/>, in the pixels of its image; the form edits the numbers.</summary>
public sealed class RegionDraft(Guid imageId)
{
    public Guid ImageId { get; } = imageId;
    public int X { get; set; }
    public int Y { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
}
