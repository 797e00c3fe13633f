using DescPortal.Core.Referrals;

namespace DescPortal.Core.ReferenceLibrary;

// The events of a specimen's stream (one stream per specimen, keyed by SpecimenId).
// Each records who did it (Actor, never empty) and when (At), as its last two members.
// Stored events are never rewritten: add a new event or a new optional member rather than change one.
// Content events (created, imported, image added, feature added/changed/removed, details changed) raise the
// specimen's content Version by one; the confirmation workflow's events do not.

/// <summary>Every event of a specimen's stream: whose stream it is, who did it and when.</summary>
public interface ISpecimenEvent : IRecordedEvent
{
    Guid SpecimenId { get; }
}

/// <summary>A library editor created a specimen (version 1).</summary>
public sealed record SpecimenCreated(
    Guid SpecimenId,
    string IssuingState,
    SpecimenDetails Details,
    string Actor,
    DateTimeOffset At) : ISpecimenEvent;

/// <summary>
/// A specimen exported by another centre was imported as a new stream. It keeps the exporter's content version
/// (<see cref="SpecimenOrigin.OriginalVersion"/>) and the confirmations the archive carries, so a confirmation by
/// the issuing authority survives the exchange; <see cref="Origin"/> says where it came from and which signed
/// archive vouched for it.
/// </summary>
public sealed record SpecimenImported(
    Guid SpecimenId,
    string IssuingState,
    SpecimenDetails Details,
    IReadOnlyList<SpecimenImage> Images,
    IReadOnlyList<SecurityFeature> Features,
    IReadOnlyList<SpecimenConfirmation> Confirmations,
    SpecimenOrigin Origin,
    string Actor,
    DateTimeOffset At) : ISpecimenEvent;

/// <summary>
/// A newer version of an imported specimen, from a newer archive of the same signer: its content replaced as a whole
/// and the content version set to the exporter's, as when it was first imported.
/// </summary>
public sealed record SpecimenUpdatedFromArchive(
    Guid SpecimenId,
    SpecimenDetails Details,
    IReadOnlyList<SpecimenImage> Images,
    IReadOnlyList<SecurityFeature> Features,
    IReadOnlyList<SpecimenConfirmation> Confirmations,
    SpecimenOrigin Origin,
    string Actor,
    DateTimeOffset At) : ISpecimenEvent;

/// <summary>The details replaced as a whole (the issuing state is fixed at creation).</summary>
public sealed record SpecimenDetailsChanged(
    Guid SpecimenId,
    SpecimenDetails Details,
    string Actor,
    DateTimeOffset At) : ISpecimenEvent;

/// <summary>An image of the specimen was stored. Images are never changed or removed; their hash anchors them.</summary>
public sealed record SpecimenImageAdded(
    Guid SpecimenId,
    SpecimenImage Image,
    string Actor,
    DateTimeOffset At) : ISpecimenEvent;

public sealed record SecurityFeatureAdded(
    Guid SpecimenId,
    SecurityFeature Feature,
    string Actor,
    DateTimeOffset At) : ISpecimenEvent;

/// <summary>The feature with <see cref="SecurityFeature.FeatureId"/> replaced as a whole.</summary>
public sealed record SecurityFeatureChanged(
    Guid SpecimenId,
    SecurityFeature Feature,
    string Actor,
    DateTimeOffset At) : ISpecimenEvent;

public sealed record SecurityFeatureRemoved(
    Guid SpecimenId,
    Guid FeatureId,
    string Actor,
    DateTimeOffset At) : ISpecimenEvent;

/// <summary>Library editors asked the issuing authority to confirm; <see cref="Version"/> is the version they submitted.</summary>
public sealed record SpecimenSubmittedForConfirmation(
    Guid SpecimenId,
    int Version,
    string Actor,
    DateTimeOffset At) : ISpecimenEvent;

/// <summary>The issuing authority of <see cref="Country"/> confirmed that version <see cref="ConfirmedVersion"/> is right.</summary>
public sealed record SpecimenConfirmed(
    Guid SpecimenId,
    int ConfirmedVersion,
    string ConfirmedByName,
    string ConfirmedByUserId,
    string Country,
    string Actor,
    DateTimeOffset At) : ISpecimenEvent;

/// <summary>
/// The issuing authority asked for a correction of the version it saw (<see cref="ProposedOnVersion"/>), about one
/// feature (<see cref="FeatureId"/>) or the specimen as a whole (null).
/// </summary>
public sealed record SpecimenCorrectionProposed(
    Guid SpecimenId,
    Guid CorrectionId,
    int ProposedOnVersion,
    Guid? FeatureId,
    string Text,
    string ProposedByName,
    string ProposedByUserId,
    string Country,
    string Actor,
    DateTimeOffset At) : ISpecimenEvent;

/// <summary>
/// An editor accepted a correction. It changes no content by itself (no new version): the editor's own
/// feature and details changes that follow it do.
/// </summary>
public sealed record SpecimenCorrectionApplied(
    Guid SpecimenId,
    Guid CorrectionId,
    string? Note,
    string Actor,
    DateTimeOffset At) : ISpecimenEvent;

/// <summary>An editor declined a correction; <see cref="Reason"/> tells the authority why.</summary>
public sealed record SpecimenCorrectionRejected(
    Guid SpecimenId,
    Guid CorrectionId,
    string Reason,
    string Actor,
    DateTimeOffset At) : ISpecimenEvent;

/// <summary>The specimen was taken out of use. It stays readable, with its history, and accepts no change.</summary>
public sealed record SpecimenWithdrawn(
    Guid SpecimenId,
    string Reason,
    string Actor,
    DateTimeOffset At) : ISpecimenEvent;

/// <summary>What a specimen says about the document it stands for. <see cref="Areas"/> are the pages and areas it shows.</summary>
public sealed record SpecimenDetails(
    DocumentType DocumentType,
    string Series,
    DateOnly IssuedFrom,
    DateOnly? IssuedTo,
    DocumentFormat Format,
    string Description,
    IReadOnlyList<DocumentArea> Areas)
{
    // Value equality includes the areas' contents (a record compares lists by reference), so that "nothing changed"
    // is recognised when a form sends the same details again.
    public bool Equals(SpecimenDetails? other) =>
        other is not null
        && (DocumentType, Series, IssuedFrom, IssuedTo, Format, Description) ==
           (other.DocumentType, other.Series, other.IssuedFrom, other.IssuedTo, other.Format, other.Description)
        && Areas.SequenceEqual(other.Areas);

    public override int GetHashCode() => HashCode.Combine(DocumentType, Series, IssuedFrom, IssuedTo, Format, Areas.Count);
}

/// <summary>
/// One stored image of the specimen, of one area under one light. <see cref="Dpi"/> is required so that comparisons
/// with questioned documents are to scale. <see cref="Sha256"/> (64 lower-case hex digits of the original bytes),
/// <see cref="SizeBytes"/>, <see cref="Width"/>, <see cref="Height"/>, <see cref="ContentType"/> and
/// <see cref="BlobName"/> are measured and chosen by the server.
/// </summary>
public sealed record SpecimenImage(
    Guid ImageId,
    DocumentArea Area,
    LightSource LightSource,
    int Dpi,
    int? WavelengthNm,
    string? CaptureDevice,
    DateTimeOffset? CapturedAt,
    string? Note,
    string BlobName,
    string Sha256,
    long SizeBytes,
    int Width,
    int Height,
    string ContentType);

/// <summary>
/// A security feature of the specimen: <see cref="Type"/> is a code of <see cref="SecurityFeatureTaxonomy"/> for
/// <see cref="Category"/>; it shows under <see cref="Lights"/>; <see cref="InspectionLevel"/> is 1 (naked eye),
/// 2 (simple tools: loupe, UV lamp) or 3 (laboratory); <see cref="Locations"/> say where it is on which images.
/// </summary>
public sealed record SecurityFeature(
    Guid FeatureId,
    SecurityFeatureCategory Category,
    string Type,
    IReadOnlyList<LightSource> Lights,
    int InspectionLevel,
    string Description,
    IReadOnlyList<FeatureLocation> Locations)
{
    public bool Equals(SecurityFeature? other) =>
        other is not null
        && (FeatureId, Category, Type, InspectionLevel, Description) ==
           (other.FeatureId, other.Category, other.Type, other.InspectionLevel, other.Description)
        && Lights.SequenceEqual(other.Lights)
        && Locations.SequenceEqual(other.Locations);

    public override int GetHashCode() => HashCode.Combine(FeatureId, Category, Type, InspectionLevel, Lights.Count, Locations.Count);
}

/// <summary>A rectangle on one of the specimen's images, in pixels of that image (origin top left).</summary>
public sealed record FeatureLocation(Guid ImageId, int X, int Y, int Width, int Height);

/// <summary>
/// One confirmation by the issuing authority: which content version, by whom, for which country, when, and where:
/// <see cref="Partner"/> is null for a confirmation made here, and names the partner installation for one that came in
/// its signed archive (the partner's word, never ours; the fold sets it from the import's origin, whatever the archive said).
/// </summary>
public sealed record SpecimenConfirmation(
    int Version,
    string ConfirmedByName,
    string ConfirmedByUserId,
    string Country,
    DateTimeOffset At,
    ConfirmingPartner? Partner = null)
{
    public bool MadeHere => Partner is null;
}

/// <summary>The registered partner installation at which an issuer confirmation was made, as its archive vouched.</summary>
public sealed record ConfirmingPartner(string Name, string Fingerprint);

/// <summary>
/// Where an imported specimen came from: the exporting installation, the fingerprint of the key that signed the
/// archive, the specimen's id and content version there, and the SHA-256 (lower-case hex) of the archive.
/// </summary>
public sealed record SpecimenOrigin(
    string InstallationName,
    string SignerKeyFingerprint,
    Guid OriginalSpecimenId,
    int OriginalVersion,
    string ArchiveSha256)
{
    /// <summary>
    /// The archive's confirmations as the signer's: whatever an archive claims about where a confirmation was made
    /// (here, at another centre), the installation that signed it is the one that vouches for it.
    /// </summary>
    public IReadOnlyList<SpecimenConfirmation> Attribute(IReadOnlyList<SpecimenConfirmation> confirmations) =>
        [.. confirmations.Select(c => c with { Partner = new ConfirmingPartner(InstallationName, SignerKeyFingerprint) })];
}
