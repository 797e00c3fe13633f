namespace DescPortal.Core.ReferenceLibrary;

// Content: the rules a specimen's details, images and security features are held to, whether edited here or imported.
public static partial class SpecimenDecider
{
    private static SpecimenDetails NormaliseDetails(SpecimenDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var problems = new List<Phrase>();
        if (!Enum.IsDefined(details.DocumentType))
        {
            problems.Add(new(Refusals.Specimen.DocumentTypeUnknown, Code.NamesOf<DocumentType>()));
        }
        if (!Enum.IsDefined(details.Format))
        {
            problems.Add(new(Refusals.Specimen.FormatUnknown, Code.NamesOf<DocumentFormat>()));
        }
        var series = details.Series?.Trim() ?? "";
        if (series.Length == 0)
        {
            problems.Add(new(Refusals.Specimen.SeriesRequired));
        }
        else if (series.Length > MaxSeriesLength)
        {
            problems.Add(TooLong(Refusals.Specimen.Text.Series, MaxSeriesLength));
        }
        if (details.IssuedFrom.Year < EarliestYearOfIssue)
        {
            problems.Add(new(Refusals.Specimen.IssuedFromTooEarly, details.IssuedFrom, EarliestYearOfIssue));
        }
        if (details.IssuedTo is { } to && to < details.IssuedFrom)
        {
            problems.Add(new(Refusals.Specimen.IssuedToBeforeFrom, to, details.IssuedFrom));
        }
        var description = details.Description?.Trim() ?? "";
        if (description.Length > MaxDescriptionLength)
        {
            problems.Add(TooLong(Refusals.Specimen.Text.Description, MaxDescriptionLength));
        }
        var areas = (details.Areas ?? []).Distinct().ToList();
        if (areas.Count == 0)
        {
            problems.Add(new(Refusals.Specimen.AreasRequired));
        }
        if (areas.Any(a => !Enum.IsDefined(a)))
        {
            problems.Add(new(Refusals.Specimen.AreasUnknown, Code.NamesOf<DocumentArea>()));
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

        var problems = new List<Phrase>();
        if (!Enum.IsDefined(image.LightSource))
        {
            problems.Add(new(Refusals.Specimen.LightSourceUnknown, Code.NamesOf<LightSource>()));
        }
        if (!Enum.IsDefined(image.Area))
        {
            problems.Add(new(Refusals.Specimen.AreaUnknown, Code.NamesOf<DocumentArea>()));
        }
        else if (!areas.Contains(image.Area))
        {
            problems.Add(new(Refusals.Specimen.AreaNotShown, image.Area));
        }
        if (image.Dpi is < MinDpi or > MaxDpi)
        {
            problems.Add(new(Refusals.Specimen.DpiRequired, MinDpi, MaxDpi));
        }
        if (image.WavelengthNm is < MinWavelengthNm or > MaxWavelengthNm)
        {
            problems.Add(new(Refusals.Specimen.WavelengthOutOfRange, MinWavelengthNm, MaxWavelengthNm));
        }
        var device = OptionalText(image.CaptureDevice, MaxCaptureDeviceLength, Refusals.Specimen.Text.CaptureDevice, problems);
        var note = OptionalText(image.Note, MaxNoteLength, Refusals.Specimen.Text.Note, problems);
        ThrowIfAny(problems);
        return image with { CaptureDevice = device, Note = note };
    }

    private static SecurityFeature NormaliseFeature(SecurityFeature feature, IReadOnlyList<SpecimenImage> images)
    {
        ArgumentNullException.ThrowIfNull(feature);
        RequireId(feature.FeatureId, nameof(feature));
        var problems = new List<Phrase>();

        var type = feature.Type;
        if (!Enum.IsDefined(feature.Category))
        {
            problems.Add(new(Refusals.Specimen.CategoryUnknown, Code.NamesOf<SecurityFeatureCategory>()));
        }
        else if (!SecurityFeatureTaxonomy.TryParseType(feature.Category, feature.Type, out type))
        {
            problems.Add(new(Refusals.Specimen.FeatureTypeNotInCategory, feature.Type, VocabularyLabel.Of(feature.Category),
                feature.Category, SecurityFeatureTaxonomy.TypesOf(feature.Category).Select(t => t.Code).ToList()));
        }

        var lights = (feature.Lights ?? []).Distinct().ToList();
        if (lights.Count == 0)
        {
            problems.Add(new(Refusals.Specimen.LightsRequired));
        }
        else if (lights.Any(l => !Enum.IsDefined(l)))
        {
            problems.Add(new(Refusals.Specimen.LightsUnknown, Code.NamesOf<LightSource>()));
        }

        if (feature.InspectionLevel is < MinInspectionLevel or > MaxInspectionLevel)
        {
            problems.Add(new(Refusals.Specimen.InspectionLevelOutOfRange));
        }

        var description = feature.Description?.Trim() ?? "";
        if (description.Length == 0)
        {
            problems.Add(new(Refusals.Specimen.FeatureDescriptionRequired));
        }
        else if (description.Length > MaxDescriptionLength)
        {
            problems.Add(TooLong(Refusals.Specimen.Text.Description, MaxDescriptionLength));
        }

        var locations = feature.Locations ?? [];
        if (locations.Count == 0)
        {
            problems.Add(new(Refusals.Specimen.LocationsRequired));
        }
        else if (locations.Count > MaxLocationsPerFeature)
        {
            problems.Add(new(Refusals.Specimen.LocationsTooMany, MaxLocationsPerFeature));
        }
        object label = SecurityFeatureTaxonomy.IsValid(feature.Category, type)
            ? VocabularyLabel.OfFeatureType(type)
            : new Phrase(Refusals.Specimen.AnyFeature);
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

    // featureLabel: the feature's type as a VocabularyLabel, or a phrase when the type is not known.
    private static Phrase? LocationProblem(
        int n, FeatureLocation location, IReadOnlyList<SpecimenImage> images, List<LightSource> lights,
        object featureLabel)
    {
        if (location is null)
        {
            return new Phrase(Refusals.Specimen.RegionEmpty, n);
        }
        var image = images.FirstOrDefault(i => i.ImageId == location.ImageId);
        if (image is null)
        {
            return new Phrase(Refusals.Specimen.RegionNoSuchImage, n);
        }
        if (location.Width < 1 || location.Height < 1)
        {
            return new Phrase(Refusals.Specimen.RegionTooSmall, n);
        }
        // long: x + width must not overflow on the way to being compared.
        if (location.X < 0 || location.Y < 0
            || (long)location.X + location.Width > image.Width || (long)location.Y + location.Height > image.Height)
        {
            return new Phrase(Refusals.Specimen.RegionOutside, n, location.X, location.Y, location.Width, location.Height,
                Describe(image), image.Width, image.Height);
        }
        if (lights.Count > 0 && !lights.Contains(image.LightSource))
        {
            return new Phrase(Refusals.Specimen.RegionWrongLight, n, Describe(image), featureLabel, lights);
        }
        return null;
    }
}
