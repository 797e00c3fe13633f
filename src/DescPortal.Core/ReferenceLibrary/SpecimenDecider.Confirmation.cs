using static System.FormattableString;

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
}
