using static System.FormattableString;

namespace DescPortal.Core.ReferenceLibrary;

/// <summary>
/// The reference library's commands as pure functions: current state and command in, events out.
/// Every method returns the events to append, in order; an empty list means "already done" (commands carry
/// caller-chosen ids and may be retried). A command that the specimen's state, the rules or the actor's role
/// forbid throws <see cref="DomainException"/> with a message for the user; a caller's programming error (empty
/// actor or id, a hash or blob name the server should have set) throws an ArgumentException.
/// Library editors build and maintain specimens; an issuing authority may only confirm or propose corrections,
/// and only for specimens of its own country.
/// </summary>
public static class SpecimenDecider
{
    public const int MaxSeriesLength = 200;
    public const int MaxDescriptionLength = 2000;
    public const int MaxTextLength = 2000;
    public const int MaxNoteLength = 1000;
    public const int MaxCaptureDeviceLength = 200;
    public const int MinDpi = 1;
    public const int MaxDpi = 20_000;
    public const int MinWavelengthNm = 200;
    public const int MaxWavelengthNm = 1200;
    public const int MinInspectionLevel = 1;
    public const int MaxInspectionLevel = 3;
    public const int MaxLocationsPerFeature = 100;
    public const int EarliestYearOfIssue = 1900;

    /// <summary>A new specimen at version 1. The issuing state is fixed from here on: it decides who confirms.</summary>
    public static IReadOnlyList<object> Create(
        Guid id, string issuingState, SpecimenDetails details, LibraryActor actor, DateTimeOffset now)
    {
        RequireId(id, nameof(id));
        RequireEditor(actor, now, "create specimens");
        var state = IssuingStateOf(issuingState);
        return [new SpecimenCreated(id, state, NormaliseDetails(details), actor.Id, now)];
    }

    /// <summary>
    /// A specimen from another centre's verified archive, as a new stream that keeps the exporter's content version
    /// (<see cref="SpecimenOrigin.OriginalVersion"/>) and the issuing authority's confirmations of it. The content
    /// is held to the same rules as local edits. Its images name the blobs this server stored.
    /// </summary>
    public static IReadOnlyList<object> Import(Guid id, string issuingState, ArchivedSpecimen archived, LibraryActor actor, DateTimeOffset now)
    {
        RequireId(id, nameof(id));
        RequireEditor(actor, now, "import specimens");
        var state = IssuingStateOf(issuingState);
        var c = Normalised(state, archived);
        return [new SpecimenImported(id, state, c.Details, c.Images, c.Features, c.Confirmations, c.Origin, actor.Id, now)];
    }

    /// <summary>
    /// A newer version of an imported specimen, from the same signer: its content replaced by the archive's, held to the
    /// same rules as an import. Refused when the specimen was changed here since (its content version is no longer the
    /// exporter's: the partner's version would overwrite local work) or withdrawn, and for anything but a newer version
    /// of the same original. An image kept under the same id must be the same file: images never change.
    /// </summary>
    public static IReadOnlyList<object> UpdateFromArchive(Specimen current, ArchivedSpecimen archived, LibraryActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(archived);
        var origin = archived.Origin;
        RequireEditor(actor, now, "import specimens");
        if (UpdateRefusal(current) is { } refusal) throw new DomainException(refusal);
        var was = current.Origin!;
        if (was.SignerKeyFingerprint != origin.SignerKeyFingerprint?.Trim() || was.OriginalSpecimenId != origin.OriginalSpecimenId)
            throw new DomainException($"{current.Name} was not imported from this specimen of this signer.");
        if (origin.OriginalVersion <= was.OriginalVersion)
            throw new DomainException(Invariant($"The library holds version {was.OriginalVersion} of {current.Name}; the archive's version {origin.OriginalVersion} is not newer."));
        var c = Normalised(current.IssuingState, archived);
        foreach (var image in c.Images)
        {
            if (current.FindImage(image.ImageId) is { } kept && kept.Sha256 != image.Sha256)
                throw new DomainException($"The archive holds another file under the id of image {image.ImageId}; images never change.");
        }
        return [new SpecimenUpdatedFromArchive(current.Id, c.Details, c.Images, c.Features, c.Confirmations, c.Origin, actor.Id, now)];
    }

    /// <summary>
    /// Why no newer version may replace this specimen (withdrawn here, changed here since its import, or not imported at
    /// all), or null when one may: an importer skips it with this reason, <see cref="UpdateFromArchive"/> refuses it.
    /// </summary>
    public static string? UpdateRefusal(Specimen current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.Withdrawal is { } w)
            return Invariant($"{current.Name} was withdrawn here on {w.At:yyyy-MM-dd}; a newer version is not imported.");
        if (current.Origin is not { } was) return $"{current.Name} was made here, not imported.";
        return current.Version == was.OriginalVersion ? null
            : Invariant($"{current.Name} was changed here since version {was.OriginalVersion} was imported; the newer version is not imported over that work.");
    }

    /// <summary>An archive's specimen held to the rules of local edits, with the issuing authority's confirmations only.</summary>
    private static ArchivedSpecimen Normalised(string state, ArchivedSpecimen archived)
    {
        ArgumentNullException.ThrowIfNull(archived);
        var (details, images, features, confirmations, origin) = archived;
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(confirmations);
        var normalisedOrigin = NormaliseOrigin(origin);
        var normalisedDetails = NormaliseDetails(details);

        var normalisedImages = new List<SpecimenImage>(images.Count);
        foreach (var image in images)
        {
            var n = NormaliseImage(image, normalisedDetails.Areas);
            if (normalisedImages.Any(i => i.ImageId == n.ImageId || i.Sha256 == n.Sha256))
            {
                throw new DomainException("The archive holds the same image twice.");
            }
            normalisedImages.Add(n);
        }

        var normalisedFeatures = new List<SecurityFeature>(features.Count);
        foreach (var feature in features)
        {
            var n = NormaliseFeature(feature, normalisedImages);
            if (normalisedFeatures.Any(f => f.FeatureId == n.FeatureId))
            {
                throw new DomainException("The archive holds the same security feature twice.");
            }
            normalisedFeatures.Add(n);
        }

        var normalisedConfirmations = new List<SpecimenConfirmation>(confirmations.Count);
        foreach (var c in confirmations)
        {
            ArgumentNullException.ThrowIfNull(c, nameof(confirmations));
            if (c.Version < 1 || c.Version > normalisedOrigin.OriginalVersion)
            {
                throw new DomainException(Invariant(
                    $"The archive holds a confirmation of version {c.Version}, but its specimen is at version {normalisedOrigin.OriginalVersion}."));
            }
            if (CountryOf(c.Country) != state)
            {
                throw new DomainException(Invariant(
                    $"The archive holds a confirmation by {c.Country}; only the issuing authority of {state} confirms this specimen."));
            }
            if (string.IsNullOrWhiteSpace(c.ConfirmedByName) || string.IsNullOrWhiteSpace(c.ConfirmedByUserId))
            {
                throw new DomainException("The archive holds a confirmation that does not say who confirmed.");
            }
            normalisedConfirmations.Add(c with { Country = state });
        }

        return new ArchivedSpecimen(normalisedDetails, normalisedImages, normalisedFeatures, normalisedConfirmations, normalisedOrigin);
    }

    /// <summary>Replaces the details; nothing when they are the same. An area that images show cannot be dropped.</summary>
    public static IReadOnlyList<object> ChangeDetails(
        Specimen current, SpecimenDetails details, LibraryActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        RequireEditor(actor, now, "change specimens");
        RequireNotWithdrawn(current);
        var d = NormaliseDetails(details);
        var dropped = current.Images.Select(i => i.Area).Distinct().Where(a => !d.Areas.Contains(a)).ToList();
        if (dropped.Count > 0)
        {
            throw new DomainException(
                $"Images of the specimen show {OneOf(dropped, "and")}; keep {(dropped.Count == 1 ? "it" : "them")} among its areas.");
        }
        return d.Equals(current.Details) ? [] : [new SpecimenDetailsChanged(current.Id, d, actor.Id, now)];
    }

    /// <summary>
    /// Adds a stored image. Adding again the same image (same id, same content) changes nothing; an id already used
    /// for another image, or a file already on the specimen under another id, is refused. Images never change.
    /// </summary>
    public static IReadOnlyList<object> AddImage(
        Specimen current, SpecimenImage image, LibraryActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        RequireEditor(actor, now, "add images to specimens");
        RequireNotWithdrawn(current);
        var n = NormaliseImage(image, current.Areas);
        if (current.FindImage(n.ImageId) is { } existing)
        {
            return existing == n
                ? []
                : throw new DomainException(
                    "The specimen already has an image with this id, with other content. Images cannot be changed: add the new one as a new image.");
        }
        if (current.Images.FirstOrDefault(i => i.Sha256 == n.Sha256) is { } same)
        {
            throw new DomainException($"This file is already on the specimen, as {Describe(same)}.");
        }
        return [new SpecimenImageAdded(current.Id, n, actor.Id, now)];
    }

    /// <summary>Adds a security feature; the same feature again changes nothing, another one under the same id is refused.</summary>
    public static IReadOnlyList<object> AddFeature(
        Specimen current, SecurityFeature feature, LibraryActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        RequireEditor(actor, now, "add security features");
        RequireNotWithdrawn(current);
        var n = NormaliseFeature(feature, current.Images);
        if (current.FindFeature(n.FeatureId) is { } existing)
        {
            return existing.Equals(n)
                ? []
                : throw new DomainException(
                    $"The specimen already has this {TypeLabel(existing)} feature, with other content: change it instead.");
        }
        return [new SecurityFeatureAdded(current.Id, n, actor.Id, now)];
    }

    /// <summary>Replaces a feature as a whole; nothing when it is the same.</summary>
    public static IReadOnlyList<object> ChangeFeature(
        Specimen current, SecurityFeature feature, LibraryActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        RequireEditor(actor, now, "change security features");
        RequireNotWithdrawn(current);
        ArgumentNullException.ThrowIfNull(feature);
        var existing = current.FindFeature(feature.FeatureId)
            ?? throw new DomainException("The specimen has no such security feature; it may have been removed.");
        var n = NormaliseFeature(feature, current.Images);
        return existing.Equals(n) ? [] : [new SecurityFeatureChanged(current.Id, n, actor.Id, now)];
    }

    /// <summary>Removes a feature; nothing when the specimen has no such feature (already removed).</summary>
    public static IReadOnlyList<object> RemoveFeature(
        Specimen current, Guid featureId, LibraryActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        RequireId(featureId, nameof(featureId));
        RequireEditor(actor, now, "remove security features");
        RequireNotWithdrawn(current);
        return current.FindFeature(featureId) is null ? [] : [new SecurityFeatureRemoved(current.Id, featureId, actor.Id, now)];
    }

    /// <summary>
    /// Asks the issuing authority to confirm the current version. Nothing when already awaiting confirmation
    /// (later changes stay in the request: the authority confirms whatever version is current when it does).
    /// </summary>
    public static IReadOnlyList<object> SubmitForConfirmation(Specimen current, LibraryActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        RequireEditor(actor, now, "submit specimens for confirmation");
        RequireNotWithdrawn(current);
        if (current.ConfirmedByIssuer)
        {
            throw new DomainException(Invariant(
                $"Version {current.Version} of {current.Name} is already confirmed by the issuing authority."));
        }
        if (current.IsAwaitingConfirmation)
        {
            return [];
        }
        if (current.Images.Count == 0)
        {
            throw new DomainException("Add at least one image before submitting the specimen for confirmation.");
        }
        return [new SpecimenSubmittedForConfirmation(current.Id, current.Version, actor.Id, now)];
    }

    /// <summary>
    /// The issuing authority of the specimen's country confirms <paramref name="version"/>, which must be the
    /// current one (what the authority reviewed is what it vouches for). A version already confirmed changes nothing.
    /// </summary>
    public static IReadOnlyList<object> Confirm(Specimen current, int version, LibraryActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        RequireAuthorityOf(current, actor, now, "confirm");
        RequireNotWithdrawn(current);
        if (current.Confirmations.Any(c => c.Version == version))
        {
            return [];
        }
        if (version < current.Version)
        {
            throw new DomainException(Invariant(
                $"Version {version} was changed; version {current.Version} is current. Review the changes and confirm version {current.Version}."));
        }
        if (version > current.Version)
        {
            throw new DomainException(Invariant(
                $"Version {version} does not exist; version {current.Version} is current. Review it and confirm version {current.Version}."));
        }
        if (current.Status == SpecimenStatus.Draft)
        {
            throw new DomainException($"{current.Name} is a draft; it has not been submitted for confirmation.");
        }
        return [new SpecimenConfirmed(current.Id, version, actor.Name, actor.Id, current.IssuingState, actor.Id, now)];
    }

    /// <summary>
    /// The issuing authority of the specimen's country asks for a correction, of one feature or of the whole
    /// specimen (<paramref name="featureId"/> null). The same proposal again changes nothing.
    /// </summary>
    public static IReadOnlyList<object> ProposeCorrection(
        Specimen current, Guid correctionId, Guid? featureId, string text, LibraryActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        RequireId(correctionId, nameof(correctionId));
        RequireAuthorityOf(current, actor, now, "propose corrections to");
        RequireNotWithdrawn(current);
        var t = RequiredText(text, MaxTextLength, "Describe the correction.", "The correction");
        if (current.FindCorrection(correctionId) is { } existing)
        {
            return existing.Text == t && existing.FeatureId == featureId && existing.ProposedByUserId == actor.Id
                ? []
                : throw new DomainException("A different correction was already proposed under this id.");
        }
        if (featureId is { } f && current.FindFeature(f) is null)
        {
            throw new DomainException("The specimen has no such security feature; it may have been removed.");
        }
        return
        [
            new SpecimenCorrectionProposed(current.Id, correctionId, current.Version, featureId, t, actor.Name, actor.Id,
                current.IssuingState, actor.Id, now),
        ];
    }

    /// <summary>
    /// An editor accepts an open correction (then makes the changes it asks for, which raise the version).
    /// Applying it again changes nothing; a rejected correction cannot be applied.
    /// </summary>
    public static IReadOnlyList<object> ApplyCorrection(
        Specimen current, Guid correctionId, string? note, LibraryActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        RequireEditor(actor, now, "apply corrections");
        RequireNotWithdrawn(current);
        var correction = OpenOrResolvedAs(current, correctionId, CorrectionStatus.Applied);
        if (correction is null)
        {
            return [];
        }
        var n = OptionalText(note, MaxTextLength, "The note");
        return [new SpecimenCorrectionApplied(current.Id, correctionId, n, actor.Id, now)];
    }

    /// <summary>
    /// An editor declines an open correction, saying why (the authority reads it). Rejecting it again changes
    /// nothing; an applied correction cannot be rejected.
    /// </summary>
    public static IReadOnlyList<object> RejectCorrection(
        Specimen current, Guid correctionId, string reason, LibraryActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        RequireEditor(actor, now, "reject corrections");
        RequireNotWithdrawn(current);
        var correction = OpenOrResolvedAs(current, correctionId, CorrectionStatus.Rejected);
        if (correction is null)
        {
            return [];
        }
        var r = RequiredText(reason, MaxTextLength, "Say why the correction is rejected; the issuing authority will read it.",
            "The reason");
        return [new SpecimenCorrectionRejected(current.Id, correctionId, r, actor.Id, now)];
    }

    /// <summary>Takes the specimen out of use for good; nothing when already withdrawn.</summary>
    public static IReadOnlyList<object> Withdraw(Specimen current, string reason, LibraryActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        RequireEditor(actor, now, "withdraw specimens");
        if (current.IsWithdrawn)
        {
            return [];
        }
        var r = RequiredText(reason, MaxTextLength, "Say why the specimen is withdrawn.", "The reason");
        return [new SpecimenWithdrawn(current.Id, r, actor.Id, now)];
    }

    // ---- who may act -------------------------------------------------------------------------------------------

    private static void RequireActor(LibraryActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor.Id, nameof(actor));
        ArgumentException.ThrowIfNullOrWhiteSpace(actor.Name, nameof(actor));
        if (now == default)
        {
            throw new ArgumentException("The time of the command is required.", nameof(now));
        }
        if (actor.Role == LibraryRole.IssuingAuthority && CountryOf(actor.Country) is null)
        {
            throw new ArgumentException($"An issuing authority needs a known ICAO country code, not '{actor.Country}'.", nameof(actor));
        }
    }

    private static void RequireEditor(LibraryActor actor, DateTimeOffset now, string doing)
    {
        RequireActor(actor, now);
        if (actor.Role != LibraryRole.LibraryEditor)
        {
            throw new DomainException($"Only library editors can {doing}.");
        }
    }

    private static void RequireAuthorityOf(Specimen current, LibraryActor actor, DateTimeOffset now, string doing)
    {
        RequireActor(actor, now);
        if (actor.Role != LibraryRole.IssuingAuthority)
        {
            throw new DomainException($"Only the issuing authority of {current.IssuingState} can {doing} this specimen.");
        }
        var country = CountryOf(actor.Country);
        if (country != current.IssuingState)
        {
            throw new DomainException(
                $"The issuing authority of {country} can only {doing} specimens issued by {country}; {current.Name} was issued by {current.IssuingState}.");
        }
    }

    private static void RequireNotWithdrawn(Specimen current)
    {
        if (current.Withdrawal is { } w)
        {
            throw new DomainException(Invariant(
                $"{current.Name} was withdrawn from the library on {w.At:yyyy-MM-dd}; it accepts no changes."));
        }
    }

    private static SpecimenCorrection? OpenOrResolvedAs(Specimen current, Guid correctionId, CorrectionStatus wanted)
    {
        var correction = current.FindCorrection(correctionId)
            ?? throw new DomainException("The specimen has no such correction.");
        if (correction.Status == wanted)
        {
            return null;
        }
        return correction.Status == CorrectionStatus.Open
            ? correction
            : throw new DomainException(
                $"This correction was already {correction.Status.ToString().ToLowerInvariant()}; it cannot be {wanted.ToString().ToLowerInvariant()} now.");
    }

    // ---- content rules -----------------------------------------------------------------------------------------

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

    private static SpecimenOrigin NormaliseOrigin(SpecimenOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        RequireSha256(origin.ArchiveSha256, nameof(origin));
        var problems = new List<string>();
        var installation = origin.InstallationName?.Trim() ?? "";
        var fingerprint = origin.SignerKeyFingerprint?.Trim() ?? "";
        if (installation.Length == 0)
        {
            problems.Add("The archive does not name the installation that exported it.");
        }
        if (fingerprint.Length == 0)
        {
            problems.Add("The archive does not name the key that signed it.");
        }
        if (origin.OriginalSpecimenId == Guid.Empty)
        {
            problems.Add("The archive does not give the specimen's id at its origin.");
        }
        if (origin.OriginalVersion < 1)
        {
            problems.Add("The archive does not give the specimen's version at its origin.");
        }
        ThrowIfAny(problems);
        return origin with { InstallationName = installation, SignerKeyFingerprint = fingerprint };
    }

    // ---- small helpers -----------------------------------------------------------------------------------------

    /// <summary>Upper-cased, trimmed; "D" (Germany as MRZs write it) read as DEU so that one country has one code.</summary>
    private static string? CountryOf(string? code)
    {
        var c = code?.Trim().ToUpperInvariant();
        if (c == "D")
        {
            return "DEU";
        }
        return IcaoCountries.IsKnown(c) ? c : null;
    }

    private static string IssuingStateOf(string issuingState) =>
        CountryOf(issuingState) ?? throw new DomainException($"'{issuingState}' is not an ICAO country code.");

    private static void RequireId(Guid id, string paramName)
    {
        if (id == Guid.Empty)
        {
            throw new ArgumentException("Ids are chosen by the caller and must not be empty.", paramName);
        }
    }

    // The chain-of-custody hash is compared as text: one spelling only.
    private static void RequireSha256(string? sha256, string paramName)
    {
        if (sha256 is null || sha256.Length != 64 || !sha256.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            throw new ArgumentException("SHA-256 must be 64 lower-case hex digits.", paramName);
        }
    }

    private static string RequiredText(string? text, int maxLength, string whenMissing, string what)
    {
        var t = text?.Trim() ?? "";
        if (t.Length == 0)
        {
            throw new DomainException(whenMissing);
        }
        return t.Length <= maxLength ? t : throw new DomainException(Invariant($"{what} is longer than {maxLength} characters."));
    }

    private static string? OptionalText(string? text, int maxLength, string what, List<string>? problems = null)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return null;
        }
        if (t.Length > maxLength)
        {
            var message = Invariant($"{what} is longer than {maxLength} characters.");
            if (problems is null)
            {
                throw new DomainException(message);
            }
            problems.Add(message);
        }
        return t;
    }

    private static void ThrowIfAny(List<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new DomainException(string.Join(" ", problems));
        }
    }

    private static string Describe(SpecimenImage image) => $"the {image.Area} image taken under {image.LightSource} light";

    private static string TypeLabel(SecurityFeature feature) => SecurityFeatureTaxonomy.LabelOf(feature.Category, feature.Type);

    /// <summary>"A", "A or B", "A, B or C".</summary>
    private static string OneOf<T>(IReadOnlyList<T> items, string conjunction)
    {
        var names = items.Select(i => i!.ToString()!).ToList();
        return names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + $" {conjunction} " + names[^1];
    }
}

/// <summary>
/// A specimen as a partner centre's archive gives it: its content, the issuing authority's confirmations, and where it
/// comes from; what <see cref="SpecimenDecider.Import"/> and <see cref="SpecimenDecider.UpdateFromArchive"/> take.
/// </summary>
public sealed record ArchivedSpecimen(
    SpecimenDetails Details,
    IReadOnlyList<SpecimenImage> Images,
    IReadOnlyList<SecurityFeature> Features,
    IReadOnlyList<SpecimenConfirmation> Confirmations,
    SpecimenOrigin Origin);
