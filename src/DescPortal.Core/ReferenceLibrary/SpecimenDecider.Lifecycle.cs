namespace DescPortal.Core.ReferenceLibrary;

// Lifecycle: what library editors decide about a specimen of their own, from its creation to its withdrawal.
public static partial class SpecimenDecider
{
    /// <summary>A new specimen at version 1. The issuing state is fixed from here on: it decides who confirms.</summary>
    public static IReadOnlyList<object> Create(
        Guid id, string issuingState, SpecimenDetails details, LibraryActor actor, DateTimeOffset now)
    {
        RequireId(id, nameof(id));
        RequireEditor(actor, now, Refusals.Specimen.Doing.CreateSpecimens);
        var state = IssuingStateOf(issuingState);
        return [new SpecimenCreated(id, state, NormaliseDetails(details), actor.Id, now)];
    }

    /// <summary>Replaces the details; nothing when they are the same. An area that images show cannot be dropped.</summary>
    public static IReadOnlyList<object> ChangeDetails(
        Specimen current, SpecimenDetails details, LibraryActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        RequireEditor(actor, now, Refusals.Specimen.Doing.ChangeSpecimens);
        RequireNotWithdrawn(current);
        var d = NormaliseDetails(details);
        var dropped = current.Images.Select(i => i.Area).Distinct().Where(a => !d.Areas.Contains(a)).ToList();
        if (dropped.Count > 0)
        {
            throw new DomainException(Refusals.Specimen.AreasDropped, dropped);
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
        RequireEditor(actor, now, Refusals.Specimen.Doing.AddImages);
        RequireNotWithdrawn(current);
        var n = NormaliseImage(image, current.Areas);
        if (current.FindImage(n.ImageId) is { } existing)
        {
            return existing == n
                ? []
                : throw new DomainException(Refusals.Specimen.ImageExistsOtherwise);
        }
        if (current.Images.FirstOrDefault(i => i.Sha256 == n.Sha256) is { } same)
        {
            throw new DomainException(Refusals.Specimen.ImageDuplicateFile, Describe(same));
        }
        return [new SpecimenImageAdded(current.Id, n, actor.Id, now)];
    }

    /// <summary>Adds a security feature; the same feature again changes nothing, another one under the same id is refused.</summary>
    public static IReadOnlyList<object> AddFeature(
        Specimen current, SecurityFeature feature, LibraryActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        RequireEditor(actor, now, Refusals.Specimen.Doing.AddFeatures);
        RequireNotWithdrawn(current);
        var n = NormaliseFeature(feature, current.Images);
        if (current.FindFeature(n.FeatureId) is { } existing)
        {
            return existing.Equals(n)
                ? []
                : throw new DomainException(Refusals.Specimen.FeatureExistsOtherwise, VocabularyLabel.OfFeatureType(existing.Type));
        }
        return [new SecurityFeatureAdded(current.Id, n, actor.Id, now)];
    }

    /// <summary>Replaces a feature as a whole; nothing when it is the same.</summary>
    public static IReadOnlyList<object> ChangeFeature(
        Specimen current, SecurityFeature feature, LibraryActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        RequireEditor(actor, now, Refusals.Specimen.Doing.ChangeFeatures);
        RequireNotWithdrawn(current);
        ArgumentNullException.ThrowIfNull(feature);
        var existing = current.FindFeature(feature.FeatureId)
            ?? throw new DomainException(Refusals.Specimen.FeatureNotFound);
        var n = NormaliseFeature(feature, current.Images);
        return existing.Equals(n) ? [] : [new SecurityFeatureChanged(current.Id, n, actor.Id, now)];
    }

    /// <summary>Removes a feature; nothing when the specimen has no such feature (already removed).</summary>
    public static IReadOnlyList<object> RemoveFeature(
        Specimen current, Guid featureId, LibraryActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        RequireId(featureId, nameof(featureId));
        RequireEditor(actor, now, Refusals.Specimen.Doing.RemoveFeatures);
        RequireNotWithdrawn(current);
        return current.FindFeature(featureId) is null ? [] : [new SecurityFeatureRemoved(current.Id, featureId, actor.Id, now)];
    }

    /// <summary>Takes the specimen out of use for good; nothing when already withdrawn.</summary>
    public static IReadOnlyList<object> Withdraw(Specimen current, string reason, LibraryActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        RequireEditor(actor, now, Refusals.Specimen.Doing.WithdrawSpecimens);
        if (current.IsWithdrawn)
        {
            return [];
        }
        var r = RequiredText(reason, MaxTextLength, Refusals.Specimen.WithdrawalReasonRequired, Refusals.Specimen.Text.Reason);
        return [new SpecimenWithdrawn(current.Id, r, actor.Id, now)];
    }
}
