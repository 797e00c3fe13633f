namespace DescPortal.Core.Referrals;

/// <summary>What the Web measured of one stored original: its blob, hash, size and pixel dimensions.</summary>
public sealed record StoredEvidence(
    Guid EvidenceId,
    string BlobName,
    string Sha256,
    long SizeBytes,
    int Width,
    int Height,
    string ContentType);

/// <summary>
/// The referral's commands as pure functions: current state and command in, events out.
/// Every method returns the events to append, in order; an empty list means "already done"
/// (commands may be retried). A command the case's state forbids throws <see cref="DomainException"/>;
/// a caller's programming error (empty actor, mismatched lists) throws an ArgumentException.
/// </summary>
public static class ReferralDecider
{
    /// <summary>
    /// ReferralSubmitted, then one EvidenceImageAttached per image, in the order of
    /// <paramref name="v"/>.Images; <paramref name="evidence"/> holds the stored file of each, same order.
    /// </summary>
    public static IReadOnlyList<object> Submit(
        Guid id,
        string reference,
        string agencyCode,
        ValidatedReferral v,
        IReadOnlyList<StoredEvidence> evidence,
        string actor,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentException.ThrowIfNullOrWhiteSpace(agencyCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (!ReferenceNumber.IsValid(reference))
        {
            throw new ArgumentException($"'{reference}' is not a reference of the form DESC-YYYY-NNNNNN.", nameof(reference));
        }
        if (evidence.Count != v.Images.Count)
        {
            throw new ArgumentException(
                $"{v.Images.Count} images were described but {evidence.Count} files were stored.", nameof(evidence));
        }

        var events = new List<object>(1 + evidence.Count)
        {
            new ReferralSubmitted(id, reference, agencyCode, v.BorderCrossingPoint, v.InterceptedAt, v.RouteFrom,
                v.RouteTo, v.Reason, v.Urgency, v.AnswerBy, v.Bearer, v.Documents, actor, now)
            {
                ConditionOnReceipt = v.ConditionOnReceipt,
            },
        };
        for (var i = 0; i < evidence.Count; i++)
        {
            events.Add(Attached(id, i, v.Images[i], evidence[i], actor, now));
        }
        return events;
    }

    /// <summary>One stored image as the event that puts it in the case (at submission, or in answer to a request).</summary>
    private static EvidenceImageAttached Attached(Guid caseId, int index, ImageDescription image, StoredEvidence file, string actor, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file.BlobName);
        // The chain-of-custody hash is compared as text later: one spelling only.
        if (file.Sha256.Length != 64 || !file.Sha256.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            throw new ArgumentException($"Evidence {index}: SHA-256 must be 64 lower-case hex digits.", nameof(file));
        }
        return new EvidenceImageAttached(caseId, file.EvidenceId, image.Document, image.LightSource, image.Area,
            image.Dpi, image.WavelengthNm, image.CaptureDevice, image.CapturedAt, image.Note, file.BlobName,
            file.Sha256, file.SizeBytes, file.Width, file.Height, file.ContentType, actor, now);
    }

    /// <summary>
    /// Gives the case to an examiner; a Submitted case moves to InExamination. Assigning it again to the
    /// same examiner changes nothing; to another examiner, or when withdrawn or closed, is refused.
    /// </summary>
    public static IReadOnlyList<object> Assign(
        Referral current, string examinerId, string examinerName, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentException.ThrowIfNullOrWhiteSpace(examinerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(examinerName);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);

        if (current.Status is ReferralStatus.Withdrawn or ReferralStatus.Closed)
        {
            throw new DomainException(Refusals.Cases.NotAssignable, current.Reference, CaseRules.StatusText(current.Status));
        }
        if (current.AssignedExaminerId is not null)
        {
            return current.AssignedExaminerId == examinerId
                ? []
                : throw new DomainException(Refusals.Cases.AssignedToOther, current.Reference, current.AssignedExaminerName);
        }
        return [new CaseAssigned(current.Id, examinerId, examinerName, actor, now)];
    }

    /// <summary>
    /// Records a thumbnail derived from an original. Nothing when that original already has one, so a
    /// retried job appends nothing. The derivative names the hash of the original it came from.
    /// </summary>
    public static IReadOnlyList<object> RecordThumbnail(
        Referral current, Guid evidenceId, string blobName, int width, int height, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentException.ThrowIfNullOrWhiteSpace(blobName);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);

        var original = current.FindEvidence(evidenceId)
            ?? throw new DomainException(Refusals.Cases.NoSuchEvidence, current.Reference, evidenceId);
        if (original.ThumbnailBlobName is not null)
        {
            return [];
        }
        return [new EvidenceThumbnailCreated(current.Id, evidenceId, blobName, width, height, original.Sha256, actor, now)];
    }

    /// <summary>
    /// Records that an original's bytes no longer hash to the SHA-256 taken at acquisition (<paramref name="actualSha256"/>
    /// null: the original is gone). Once per image: the alarm stands, and later reads are refused without hashing.
    /// </summary>
    public static IReadOnlyList<object> RecordIntegrityFailure(
        Referral current, Guid evidenceId, string? actualSha256, EvidenceUse detectedWhile, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);

        var original = current.FindEvidence(evidenceId)
            ?? throw new DomainException(Refusals.Cases.NoSuchEvidence, current.Reference, evidenceId);
        if (string.Equals(actualSha256, original.Sha256, StringComparison.Ordinal))
        {
            throw new ArgumentException("The bytes match the hash taken at acquisition: that is no failure.", nameof(actualSha256));
        }
        if (original.IntegrityFailed)
        {
            return [];
        }
        return [new EvidenceIntegrityFailed(current.Id, evidenceId, original.Sha256, actualSha256, detectedWhile, actor, now)];
    }

    /// <summary>
    /// Images added to a case after submission (the officer's answer to a request for more material): one
    /// EvidenceImageAttached per image, like a submission's. Only while the case waits for that material.
    /// </summary>
    public static IReadOnlyList<object> AttachEvidence(
        Referral current, IReadOnlyList<ImageDescription> images, IReadOnlyList<StoredEvidence> evidence, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (images.Count != evidence.Count)
        {
            throw new ArgumentException($"{images.Count} images were described but {evidence.Count} files were stored.", nameof(evidence));
        }
        if (current.Status != ReferralStatus.AwaitingInformation)
        {
            throw new DomainException(Refusals.Cases.NotAwaitingMaterial, current.Reference);
        }
        var events = new List<object>(images.Count);
        for (var i = 0; i < images.Count; i++)
        {
            var (image, file) = (images[i], evidence[i]);
            if (!current.HasDocument(image.Document))
            {
                throw new DomainException(Refusals.Cases.ImageNoSuchDocument, i + 1, image.Document + 1);
            }
            events.Add(Attached(current.Id, i, image, file, actor, now));
        }
        return events;
    }

    public const int MaxConditionLength = ReferralValidation.MaxConditionLength;

    /// <summary>
    /// The examiner states the condition of the items as received, in place of what the officer wrote (or wrote
    /// nothing): what the report prints, marked as amended. Only the assigned examiner while the case is being worked
    /// on; the same text again changes nothing.
    /// </summary>
    public static IReadOnlyList<object> AmendConditionOnReceipt(
        Referral current, string userId, string? condition, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        CaseRules.RequireTime(now);
        CaseRules.RequireAssignedExaminer(current, userId, Refusals.Cases.Doing.AmendCondition, Refusals.Cases.Work.Examination);
        var text = condition?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new DomainException(Refusals.Cases.ConditionRequired);
        }
        if (text.Length > MaxConditionLength)
        {
            throw new DomainException(Refusals.Referral.TextTooLong, new Phrase(Refusals.Referral.Field.ConditionOnReceipt),
                MaxConditionLength, text.Length);
        }
        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            throw new DomainException(Refusals.Cases.ConditionControlCharacters);
        }
        if (current.ConditionOnReceipt == text && current.ConditionAmendedBy is not null)
        {
            return [];
        }
        return [new ConditionOnReceiptAmended(current.Id, text, actor, now)];
    }
}
