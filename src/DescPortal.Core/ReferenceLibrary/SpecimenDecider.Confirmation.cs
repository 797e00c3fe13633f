namespace DescPortal.Core.ReferenceLibrary;

// Confirmation: the issuing authority confirms a version or proposes corrections; editors submit, apply or reject.
public static partial class SpecimenDecider
{
    /// <summary>
    /// Asks the issuing authority to confirm the current version. Nothing when already awaiting confirmation
    /// (later changes stay in the request: the authority confirms whatever version is current when it does).
    /// </summary>
    public static IReadOnlyList<object> SubmitForConfirmation(Specimen current, LibraryActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        RequireEditor(actor, now, Refusals.Specimen.Doing.SubmitSpecimens);
        RequireNotWithdrawn(current);
        if (current.ConfirmedByIssuer)
        {
            throw new DomainException(Refusals.Specimen.AlreadyConfirmed, current.Version, current.Name);
        }
        if (current.IsAwaitingConfirmation)
        {
            return [];
        }
        if (current.Images.Count == 0)
        {
            throw new DomainException(Refusals.Specimen.ConfirmationWithoutImages);
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
        RequireAuthorityOf(current, actor, now, Refusals.Specimen.AuthorityDoing.Confirm);
        RequireNotWithdrawn(current);
        // Only a confirmation made here makes this one redundant: a partner's is its word, not the authority's act here.
        if (current.Confirmations.Any(c => c.MadeHere && c.Version == version))
        {
            return [];
        }
        if (version < current.Version)
        {
            throw new DomainException(Refusals.Specimen.ConfirmationOfChangedVersion, version, current.Version);
        }
        if (version > current.Version)
        {
            throw new DomainException(Refusals.Specimen.ConfirmationOfUnknownVersion, version, current.Version);
        }
        if (current.Status == SpecimenStatus.Draft)
        {
            throw new DomainException(Refusals.Specimen.ConfirmationOfDraft, current.Name);
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
        RequireAuthorityOf(current, actor, now, Refusals.Specimen.AuthorityDoing.ProposeCorrections);
        RequireNotWithdrawn(current);
        var t = RequiredText(text, MaxTextLength, Refusals.Specimen.CorrectionTextRequired, Refusals.Specimen.Text.Correction);
        if (current.FindCorrection(correctionId) is { } existing)
        {
            return existing.Text == t && existing.FeatureId == featureId && existing.ProposedByUserId == actor.Id
                ? []
                : throw new DomainException(Refusals.Specimen.CorrectionExistsOtherwise);
        }
        if (featureId is { } f && current.FindFeature(f) is null)
        {
            throw new DomainException(Refusals.Specimen.FeatureNotFound);
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
        RequireEditor(actor, now, Refusals.Specimen.Doing.ApplyCorrections);
        RequireNotWithdrawn(current);
        var correction = OpenOrResolvedAs(current, correctionId, CorrectionStatus.Applied);
        if (correction is null)
        {
            return [];
        }
        var n = OptionalText(note, MaxTextLength, Refusals.Specimen.Text.Note);
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
        RequireEditor(actor, now, Refusals.Specimen.Doing.RejectCorrections);
        RequireNotWithdrawn(current);
        var correction = OpenOrResolvedAs(current, correctionId, CorrectionStatus.Rejected);
        if (correction is null)
        {
            return [];
        }
        var r = RequiredText(reason, MaxTextLength, Refusals.Specimen.RejectionReasonRequired, Refusals.Specimen.Text.Reason);
        return [new SpecimenCorrectionRejected(current.Id, correctionId, r, actor.Id, now)];
    }

    // What the authority would do: a phrase of Refusals.Specimen.AuthorityDoing.
    private static void RequireAuthorityOf(Specimen current, LibraryActor actor, DateTimeOffset now, string doing)
    {
        RequireActor(actor, now);
        if (actor.Role != LibraryRole.IssuingAuthority)
        {
            throw new DomainException(Refusals.Specimen.AuthorityOnly, current.IssuingState, new Phrase(doing));
        }
        var country = CountryOf(actor.Country);
        if (country != current.IssuingState)
        {
            throw new DomainException(Refusals.Specimen.AuthorityOfOtherCountry, country, new Phrase(doing), current.Name, current.IssuingState);
        }
    }

    private static SpecimenCorrection? OpenOrResolvedAs(Specimen current, Guid correctionId, CorrectionStatus wanted)
    {
        var correction = current.FindCorrection(correctionId)
            ?? throw new DomainException(Refusals.Specimen.CorrectionNotFound);
        if (correction.Status == wanted)
        {
            return null;
        }
        return correction.Status == CorrectionStatus.Open
            ? correction
            : throw new DomainException(Refusals.Specimen.CorrectionResolved, Resolved(correction.Status), Resolved(wanted));
    }

    private static Phrase Resolved(CorrectionStatus status) =>
        new(status == CorrectionStatus.Applied ? Refusals.Specimen.Resolution.Applied : Refusals.Specimen.Resolution.Rejected);
}
