using System.Text.Json.Serialization;

namespace DescPortal.Core.ReferenceLibrary;

/// <summary>
/// A genuine document in the reference library, as its events have built it. Immutable; folded with the public
/// static Create and public Apply methods (<see cref="Evolve"/> maps each event to them).
/// <see cref="Version"/> is the content version: 1 at creation (or the exporter's version when imported), raised
/// by every change of content and by nothing else, so that a confirmation can say which content it vouches for.
/// </summary>
public sealed record Specimen(
    Guid Id,
    string IssuingState,
    DocumentType DocumentType,
    string Series,
    DateOnly IssuedFrom,
    DateOnly? IssuedTo,
    DocumentFormat Format,
    string Description,
    IReadOnlyList<DocumentArea> Areas,
    IReadOnlyList<SpecimenImage> Images,
    IReadOnlyList<SecurityFeature> Features,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset ChangedAt,
    bool IsAwaitingConfirmation,
    IReadOnlyList<SpecimenConfirmation> Confirmations,
    IReadOnlyList<SpecimenCorrection> Corrections,
    SpecimenWithdrawal? Withdrawal,
    SpecimenOrigin? Origin)
{
    /// <remarks>
    /// Only a confirmation made here makes a specimen <see cref="SpecimenStatus.Confirmed"/> (what border systems are
    /// served); the issuer's confirmation of the current version at a partner is <see cref="SpecimenStatus.ConfirmedAtPartner"/>,
    /// after a request for confirmation here, which the issuing authority answers here.
    /// </remarks>
    public SpecimenStatus Status =>
        Withdrawal is not null ? SpecimenStatus.Withdrawn
        : ConfirmedByIssuer ? SpecimenStatus.Confirmed
        : IsAwaitingConfirmation ? SpecimenStatus.AwaitingConfirmation
        : PartnerConfirmation is not null ? SpecimenStatus.ConfirmedAtPartner
        : ChangedSinceConfirmation ? SpecimenStatus.ChangedSinceConfirmation
        : SpecimenStatus.Draft;

    /// <summary>"UTO Passport 2020 series": how messages and lists name the specimen.</summary>
    public string Name => $"{IssuingState} {DocumentType} {Series}";

    public bool IsWithdrawn => Withdrawal is not null;

    /// <summary>The latest confirmation made here, by the issuing authority signed in to this portal (kept in the order given).</summary>
    public SpecimenConfirmation? LastConfirmation => Confirmations.LastOrDefault(c => c.MadeHere);

    public int? LastConfirmedVersion => LastConfirmation?.Version;

    /// <summary>True only when the issuing authority confirmed the current content version here.</summary>
    public bool ConfirmedByIssuer => LastConfirmedVersion == Version;

    /// <summary>
    /// The issuer's confirmation of the current version made at a partner installation (its archive vouches for it),
    /// when there is none made here; null otherwise.
    /// </summary>
    public SpecimenConfirmation? PartnerConfirmation =>
        ConfirmedByIssuer ? null : Confirmations.LastOrDefault(c => !c.MadeHere && c.Version == Version);

    /// <summary>The latest confirmation, here or at a partner: what "changed since the issuer confirmed" refers to.</summary>
    public SpecimenConfirmation? LatestConfirmation => Confirmations.Count == 0 ? null : Confirmations.MaxBy(c => c.Version);

    /// <summary>Confirmed once (here or at a partner), and the content changed after that confirmation.</summary>
    public bool ChangedSinceConfirmation => LatestConfirmation is { } latest && latest.Version < Version;

    public IReadOnlyList<SpecimenCorrection> OpenCorrections =>
        [.. Corrections.Where(c => c.Status == CorrectionStatus.Open)];

    /// <summary>The details as one value, the shape <see cref="SpecimenDecider.ChangeDetails"/> takes.</summary>
    [JsonIgnore]
    public SpecimenDetails Details => new(DocumentType, Series, IssuedFrom, IssuedTo, Format, Description, Areas);

    /// <summary>True when documents of this specimen were issued at some time in <paramref name="year"/> (open-ended: still issued).</summary>
    public bool WasIssuedIn(int year) => IssuedFrom.Year <= year && (IssuedTo is null || IssuedTo.Value.Year >= year);

    /// <summary>True when <paramref name="date"/> lies in the issue period, both ends included.</summary>
    public bool WasIssuedOn(DateOnly date) => IssuedFrom <= date && (IssuedTo is null || IssuedTo.Value >= date);

    public SpecimenImage? FindImage(Guid imageId) => Images.FirstOrDefault(i => i.ImageId == imageId);

    public SecurityFeature? FindFeature(Guid featureId) => Features.FirstOrDefault(f => f.FeatureId == featureId);

    public SpecimenCorrection? FindCorrection(Guid correctionId) =>
        Corrections.FirstOrDefault(c => c.CorrectionId == correctionId);

    public static Specimen Create(SpecimenCreated e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var d = e.Details;
        return new(e.SpecimenId, e.IssuingState, d.DocumentType, d.Series, d.IssuedFrom, d.IssuedTo, d.Format,
            d.Description, d.Areas, Images: [], Features: [], Version: 1, CreatedAt: e.At, ChangedAt: e.At,
            IsAwaitingConfirmation: false, Confirmations: [], Corrections: [], Withdrawal: null, Origin: null);
    }

    public static Specimen Create(SpecimenImported e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var d = e.Details;
        return new(e.SpecimenId, e.IssuingState, d.DocumentType, d.Series, d.IssuedFrom, d.IssuedTo, d.Format,
            d.Description, d.Areas, e.Images, e.Features, e.Origin.OriginalVersion, CreatedAt: e.At, ChangedAt: e.At,
            IsAwaitingConfirmation: false, e.Origin.Attribute(e.Confirmations), Corrections: [], Withdrawal: null, e.Origin);
    }

    public Specimen Apply(SpecimenUpdatedFromArchive e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var d = e.Details;
        return this with
        {
            DocumentType = d.DocumentType, Series = d.Series, IssuedFrom = d.IssuedFrom, IssuedTo = d.IssuedTo, Format = d.Format,
            Description = d.Description, Areas = d.Areas, Images = e.Images, Features = e.Features,
            Version = e.Origin.OriginalVersion, ChangedAt = e.At, IsAwaitingConfirmation = false,
            // The partner's confirmations replaced by the newer archive's; those made here stay (history of what we vouched for).
            Confirmations = [.. Confirmations.Where(c => c.MadeHere), .. e.Origin.Attribute(e.Confirmations)], Origin = e.Origin,
        };
    }

    public Specimen Apply(SpecimenDetailsChanged e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var d = e.Details;
        return Changed(e.At) with
        {
            DocumentType = d.DocumentType,
            Series = d.Series,
            IssuedFrom = d.IssuedFrom,
            IssuedTo = d.IssuedTo,
            Format = d.Format,
            Description = d.Description,
            Areas = d.Areas,
        };
    }

    public Specimen Apply(SpecimenImageAdded e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Changed(e.At) with { Images = [.. Images, e.Image] };
    }

    public Specimen Apply(SecurityFeatureAdded e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Changed(e.At) with { Features = [.. Features, e.Feature] };
    }

    public Specimen Apply(SecurityFeatureChanged e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Changed(e.At) with
        {
            Features = [.. Features.Select(f => f.FeatureId == e.Feature.FeatureId ? e.Feature : f)],
        };
    }

    public Specimen Apply(SecurityFeatureRemoved e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Changed(e.At) with { Features = [.. Features.Where(f => f.FeatureId != e.FeatureId)] };
    }

    public Specimen Apply(SpecimenSubmittedForConfirmation e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return this with { IsAwaitingConfirmation = true };
    }

    public Specimen Apply(SpecimenConfirmed e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return this with
        {
            IsAwaitingConfirmation = false,
            Confirmations =
            [
                .. Confirmations,
                new SpecimenConfirmation(e.ConfirmedVersion, e.ConfirmedByName, e.ConfirmedByUserId, e.Country, e.At),
            ],
        };
    }

    public Specimen Apply(SpecimenCorrectionProposed e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return this with
        {
            Corrections =
            [
                .. Corrections,
                new SpecimenCorrection(e.CorrectionId, e.ProposedOnVersion, e.FeatureId, e.Text, e.ProposedByName,
                    e.ProposedByUserId, e.Country, e.At, CorrectionStatus.Open, Resolution: null, ResolvedBy: null,
                    ResolvedAt: null),
            ],
        };
    }

    public Specimen Apply(SpecimenCorrectionApplied e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Resolve(e.CorrectionId, CorrectionStatus.Applied, e.Note, e.Actor, e.At);
    }

    public Specimen Apply(SpecimenCorrectionRejected e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Resolve(e.CorrectionId, CorrectionStatus.Rejected, e.Reason, e.Actor, e.At);
    }

    public Specimen Apply(SpecimenWithdrawn e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return this with { Withdrawal = new SpecimenWithdrawal(e.Reason, e.Actor, e.At) };
    }

    /// <summary>
    /// The one mapping from a specimen's events to Create/Apply, for the Web's stream reads and the tests' folds.
    /// Events of other streams leave the state as it is; a specimen event without a mapping is a programming error.
    /// </summary>
    /// <exception cref="InvalidOperationException">The stream does not start with SpecimenCreated or SpecimenImported.</exception>
    public static Specimen? Evolve(Specimen? state, object @event) => (state, @event) switch
    {
        (null, SpecimenCreated e) => Create(e),
        (null, SpecimenImported e) => Create(e),
        (null, ISpecimenEvent e) => throw new InvalidOperationException(
            $"A specimen's stream starts with {nameof(SpecimenCreated)} or {nameof(SpecimenImported)}, not {e.GetType().Name}."),
        ({ } s, SpecimenUpdatedFromArchive e) => s.Apply(e),
        ({ } s, SpecimenDetailsChanged e) => s.Apply(e),
        ({ } s, SpecimenImageAdded e) => s.Apply(e),
        ({ } s, SecurityFeatureAdded e) => s.Apply(e),
        ({ } s, SecurityFeatureChanged e) => s.Apply(e),
        ({ } s, SecurityFeatureRemoved e) => s.Apply(e),
        ({ } s, SpecimenSubmittedForConfirmation e) => s.Apply(e),
        ({ } s, SpecimenConfirmed e) => s.Apply(e),
        ({ } s, SpecimenCorrectionProposed e) => s.Apply(e),
        ({ } s, SpecimenCorrectionApplied e) => s.Apply(e),
        ({ } s, SpecimenCorrectionRejected e) => s.Apply(e),
        ({ } s, SpecimenWithdrawn e) => s.Apply(e),
        (_, ISpecimenEvent e) => throw new InvalidOperationException($"{e.GetType().Name} cannot be applied here."),
        _ => state,
    };

    /// <summary>Folds a whole stream; null when it holds no specimen events.</summary>
    public static Specimen? Fold(IEnumerable<object> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.Aggregate((Specimen?)null, Evolve);
    }

    private Specimen Changed(DateTimeOffset at) => this with { Version = Version + 1, ChangedAt = at };

    private Specimen Resolve(Guid correctionId, CorrectionStatus status, string? resolution, string by, DateTimeOffset at) =>
        this with
        {
            Corrections =
            [
                .. Corrections.Select(c => c.CorrectionId == correctionId
                    ? c with { Status = status, Resolution = resolution, ResolvedBy = by, ResolvedAt = at }
                    : c),
            ],
        };
}

/// <summary>
/// A correction the issuing authority proposed, and what became of it: <see cref="Resolution"/> is the editor's
/// note when applied, the reason when rejected.
/// </summary>
public sealed record SpecimenCorrection(
    Guid CorrectionId,
    int ProposedOnVersion,
    Guid? FeatureId,
    string Text,
    string ProposedByName,
    string ProposedByUserId,
    string Country,
    DateTimeOffset ProposedAt,
    CorrectionStatus Status,
    string? Resolution,
    string? ResolvedBy,
    DateTimeOffset? ResolvedAt);

public sealed record SpecimenWithdrawal(string Reason, string WithdrawnBy, DateTimeOffset At);
