using static System.FormattableString;

namespace DescPortal.Core.ReferenceLibrary;

// Content: the rules a specimen's details, images and security features are held to, whether edited here or imported.
public static partial class SpecimenDecider
{
    private static SpecimenDetails NormaliseDetails(SpecimenDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var problems = new List<string>();
        if (!Enum.IsDefined(details.DocumentType))
        {
            problems.Add($"The document type must be one of {Code.ListOf<DocumentType>()}.");
        }
        if (!Enum.IsDefined(details.Format))
        {
            problems.Add($"The format must be one of {Code.ListOf<DocumentFormat>()}.");
        }
        var series = details.Series?.Trim() ?? "";
        if (series.Length == 0)
        {
            problems.Add("The series or version name is required.");
        }
        else if (series.Length > MaxSeriesLength)
        {
            problems.Add(Invariant($"The series or version name is longer than {MaxSeriesLength} characters."));
        }
        if (details.IssuedFrom.Year < EarliestYearOfIssue)
        {
            problems.Add(Invariant($"The first date of issue ({details.IssuedFrom:yyyy-MM-dd}) is before {EarliestYearOfIssue}."));
        }
        if (details.IssuedTo is { } to && to < details.IssuedFrom)
        {
            problems.Add(Invariant(
                $"The last date of issue ({to:yyyy-MM-dd}) is before the first ({details.IssuedFrom:yyyy-MM-dd})."));
        }
        var description = details.Description?.Trim() ?? "";
        if (description.Length > MaxDescriptionLength)
        {
            problems.Add(Invariant($"The description is longer than {MaxDescriptionLength} characters."));
        }
        var areas = (details.Areas ?? []).Distinct().ToList();
        if (areas.Count == 0)
        {
            problems.Add("Name at least one page or area that the specimen shows.");
        }
        if (areas.Any(a => !Enum.IsDefined(a)))
        {
            problems.Add($"Areas must be among {Code.ListOf<DocumentArea>()}.");
        }
        ThrowIfAny(problems);
        return new SpecimenDetails(details.DocumentType, series, details.IssuedFrom, details.IssuedTo, details.Format,
            description, areas);
    }

    private static SpecimenImage NormaliseImage(SpecimenImage image, IReadOnlyList<DocumentArea> areas)
    {
        ArgumentNullException.ThrowIfNull(image);
        RequireId(image.ImageId, nameof(image));
        // Measured and chosen by the server: a wrong value here is a bug, not a user's mistake.
        ArgumentException.ThrowIfNullOrWhiteSpace(image.BlobName, nameof(image));
        ArgumentException.ThrowIfNullOrWhiteSpace(image.ContentType, nameof(image));
        ArgumentOutOfRangeException.ThrowIfLessThan(image.SizeBytes, 1, nameof(image));
        ArgumentOutOfRangeException.ThrowIfLessThan(image.Width, 1, nameof(image));
        ArgumentOutOfRangeException.ThrowIfLessThan(image.Height, 1, nameof(image));
        RequireSha256(image.Sha256, nameof(image));

        var problems = new List<string>();
        if (!Enum.IsDefined(image.LightSource))
        {
            problems.Add($"The light source must be one of {Code.ListOf<LightSource>()}.");
        }
        if (!Enum.IsDefined(image.Area))
        {
            problems.Add($"The area must be one of {Code.ListOf<DocumentArea>()}.");
        }
        else if (!areas.Contains(image.Area))
        {
            problems.Add($"The specimen does not show the {image.Area}; add it to the specimen's areas first.");
        }
        if (image.Dpi is < MinDpi or > MaxDpi)
        {
            problems.Add(Invariant(
                $"The resolution is required ({MinDpi} to {MaxDpi} dpi), so that comparisons with the specimen are to scale."));
        }
        if (image.WavelengthNm is < MinWavelengthNm or > MaxWavelengthNm)
        {
            problems.Add(Invariant($"The wavelength must be between {MinWavelengthNm} and {MaxWavelengthNm} nm."));
        }
        var device = OptionalText(image.CaptureDevice, MaxCaptureDeviceLength, "The capture device", problems);
        var note = OptionalText(image.Note, MaxNoteLength, "The note", problems);
        ThrowIfAny(problems);
        return image with { CaptureDevice = device, Note = note };
    }

    private static SecurityFeature NormaliseFeature(SecurityFeature feature, IReadOnlyList<SpecimenImage> images)
    {
        ArgumentNullException.ThrowIfNull(feature);
        RequireId(feature.FeatureId, nameof(feature));
        var problems = new List<string>();

        var type = feature.Type;
        if (!Enum.IsDefined(feature.Category))
        {
            problems.Add($"The category must be one of {Code.ListOf<SecurityFeatureCategory>()}.");
        }
        else if (!SecurityFeatureTaxonomy.TryParseType(feature.Category, feature.Type, out type))
        {
            var category = SecurityFeatureTaxonomy.LabelOf(feature.Category);
            problems.Add(
                $"'{feature.Type}' is not a type of {category} ({feature.Category}); its types are "
                + $"{OneOf(SecurityFeatureTaxonomy.TypesOf(feature.Category).Select(t => t.Code).ToList(), "and")}.");
        }

        var lights = (feature.Lights ?? []).Distinct().ToList();
        if (lights.Count == 0)
        {
            problems.Add("Name at least one light under which the feature shows.");
        }
        else if (lights.Any(l => !Enum.IsDefined(l)))
        {
            problems.Add($"Lights must be among {Code.ListOf<LightSource>()}.");
        }

        if (feature.InspectionLevel is < MinInspectionLevel or > MaxInspectionLevel)
        {
            problems.Add("The inspection level must be 1 (naked eye), 2 (simple tools such as loupe and UV lamp) or 3 (laboratory).");
        }

        var description = feature.Description?.Trim() ?? "";
        if (description.Length == 0)
        {
            problems.Add("Describe the feature.");
        }
        else if (description.Length > MaxDescriptionLength)
        {
            problems.Add(Invariant($"The description is longer than {MaxDescriptionLength} characters."));
        }

        var locations = feature.Locations ?? [];
        if (locations.Count == 0)
        {
            problems.Add("Locate the feature on at least one image of the specimen.");
        }
        else if (locations.Count > MaxLocationsPerFeature)
        {
            problems.Add(Invariant($"A feature can be located in at most {MaxLocationsPerFeature} regions."));
        }
        var label = SecurityFeatureTaxonomy.IsValid(feature.Category, type)
            ? SecurityFeatureTaxonomy.LabelOf(feature.Category, type)
            : "feature";
        for (var i = 0; i < locations.Count && locations.Count <= MaxLocationsPerFeature; i++)
        {
            var problem = LocationProblem(i + 1, locations[i], images, lights, label);
            if (problem is not null)
            {
                problems.Add(problem);
            }
        }
        ThrowIfAny(problems);
        return new SecurityFeature(feature.FeatureId, feature.Category, type, lights, feature.InspectionLevel,
            description, [.. locations]);
    }

    private static string? LocationProblem(
        int n, FeatureLocation location, IReadOnlyList<SpecimenImage> images, List<LightSource> lights,
        string featureLabel)
    {
        if (location is null)
        {
            return Invariant($"Region {n} is empty.");
        }
        var image = images.FirstOrDefault(i => i.ImageId == location.ImageId);
        if (image is null)
        {
            return Invariant($"Region {n} is on an image that the specimen does not have.");
        }
        if (location.Width < 1 || location.Height < 1)
        {
            return Invariant($"Region {n} must be at least one pixel wide and high.");
        }
        // long: x + width must not overflow on the way to being compared.
        if (location.X < 0 || location.Y < 0
            || (long)location.X + location.Width > image.Width || (long)location.Y + location.Height > image.Height)
        {
            return Invariant(
                $"Region {n} (x {location.X}, y {location.Y}, {location.Width} × {location.Height} pixels) does not lie within {Describe(image)}, which is {image.Width} × {image.Height} pixels.");
        }
        if (lights.Count > 0 && !lights.Contains(image.LightSource))
        {
            var shows = OneOf(lights, "or");
            return $"Region {n} is on {Describe(image)}, but the {featureLabel} shows under {shows}: locate it on an image taken under {shows}.";
        }
        return null;
    }
}
