namespace DescPortal.Core.ReferenceLibrary;

// Archive: a specimen imported from a partner centre's verified archive, and its newer versions from the same signer.
public static partial class SpecimenDecider
{
    /// <summary>
    /// A specimen from another centre's verified archive, as a new stream that keeps the exporter's content version
    /// (<see cref="SpecimenOrigin.OriginalVersion"/>) and the issuing authority's confirmations of it. The content
    /// is held to the same rules as local edits. Its images name the blobs this server stored.
    /// </summary>
    public static IReadOnlyList<object> Import(Guid id, string issuingState, ArchivedSpecimen archived, LibraryActor actor, DateTimeOffset now)
    {
        RequireId(id, nameof(id));
        RequireEditor(actor, now, Refusals.Specimen.Doing.ImportSpecimens);
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
        RequireEditor(actor, now, Refusals.Specimen.Doing.ImportSpecimens);
        if (UpdateRefusal(current) is { } refusal) throw new DomainException(refusal);
        var was = current.Origin!;
        if (was.SignerKeyFingerprint != origin.SignerKeyFingerprint?.Trim() || was.OriginalSpecimenId != origin.OriginalSpecimenId)
            throw new DomainException(Refusals.Specimen.ImportFromOtherOrigin, current.Name);
        if (origin.OriginalVersion <= was.OriginalVersion)
            throw new DomainException(Refusals.Specimen.ImportNotNewer, was.OriginalVersion, current.Name, origin.OriginalVersion);
        var c = Normalised(current.IssuingState, archived);
        foreach (var image in c.Images)
        {
            if (current.FindImage(image.ImageId) is { } kept && kept.Sha256 != image.Sha256)
                throw new DomainException(Refusals.Specimen.ImportImageChanged, image.ImageId);
        }
        return [new SpecimenUpdatedFromArchive(current.Id, c.Details, c.Images, c.Features, c.Confirmations, c.Origin, actor.Id, now)];
    }

    /// <summary>
    /// Why no newer version may replace this specimen (withdrawn here, changed here since its import, or not imported at
    /// all), or null when one may: an importer skips it with this reason, <see cref="UpdateFromArchive"/> refuses it.
    /// </summary>
    public static Phrase? UpdateRefusal(Specimen current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.Withdrawal is { } w)
            return new Phrase(Refusals.Specimen.ImportOverWithdrawn, current.Name, w.At);
        if (current.Origin is not { } was) return new Phrase(Refusals.Specimen.ImportOverLocal, current.Name);
        return current.Version == was.OriginalVersion ? null
            : new Phrase(Refusals.Specimen.ImportOverLocalChanges, current.Name, was.OriginalVersion);
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
                throw new DomainException(Refusals.Specimen.ArchiveImageTwice);
            }
            normalisedImages.Add(n);
        }

        var normalisedFeatures = new List<SecurityFeature>(features.Count);
        foreach (var feature in features)
        {
            var n = NormaliseFeature(feature, normalisedImages);
            if (normalisedFeatures.Any(f => f.FeatureId == n.FeatureId))
            {
                throw new DomainException(Refusals.Specimen.ArchiveFeatureTwice);
            }
            normalisedFeatures.Add(n);
        }

        var normalisedConfirmations = new List<SpecimenConfirmation>(confirmations.Count);
        foreach (var c in confirmations)
        {
            ArgumentNullException.ThrowIfNull(c, nameof(confirmations));
            if (c.Version < 1 || c.Version > normalisedOrigin.OriginalVersion)
            {
                throw new DomainException(Refusals.Specimen.ArchiveConfirmationOfUnknownVersion, c.Version, normalisedOrigin.OriginalVersion);
            }
            if (CountryOf(c.Country) != state)
            {
                throw new DomainException(Refusals.Specimen.ArchiveConfirmationByOtherCountry, c.Country, state);
            }
            if (string.IsNullOrWhiteSpace(c.ConfirmedByName) || string.IsNullOrWhiteSpace(c.ConfirmedByUserId))
            {
                throw new DomainException(Refusals.Specimen.ArchiveConfirmationUnsigned);
            }
            normalisedConfirmations.Add(c with { Country = state });
        }
        // Every confirmation an archive carries is the signer's word: attributed to it, whatever the archive claimed.
        normalisedConfirmations = [.. normalisedOrigin.Attribute(normalisedConfirmations)];

        return new ArchivedSpecimen(normalisedDetails, normalisedImages, normalisedFeatures, normalisedConfirmations, normalisedOrigin);
    }

    private static SpecimenOrigin NormaliseOrigin(SpecimenOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        RequireSha256(origin.ArchiveSha256, nameof(origin));
        var problems = new List<Phrase>();
        var installation = origin.InstallationName?.Trim() ?? "";
        var fingerprint = origin.SignerKeyFingerprint?.Trim() ?? "";
        if (installation.Length == 0)
        {
            problems.Add(new(Refusals.Specimen.ArchiveWithoutInstallation));
        }
        if (fingerprint.Length == 0)
        {
            problems.Add(new(Refusals.Specimen.ArchiveWithoutSigner));
        }
        if (origin.OriginalSpecimenId == Guid.Empty)
        {
            problems.Add(new(Refusals.Specimen.ArchiveWithoutOriginalId));
        }
        if (origin.OriginalVersion < 1)
        {
            problems.Add(new(Refusals.Specimen.ArchiveWithoutOriginalVersion));
        }
        ThrowIfAny(problems);
        return origin with { InstallationName = installation, SignerKeyFingerprint = fingerprint };
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
