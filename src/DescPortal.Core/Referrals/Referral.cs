namespace DescPortal.Core.Referrals;

/// <summary>
/// A case as its events have built it: what the decider needs to judge the next command.
/// Immutable; folded from the case's stream by <see cref="Evolve"/>, the one mapping from events to state.
/// It carries no personal data of the bearer: that stays in the ReferralSubmitted event.
/// </summary>
public sealed record Referral(
    Guid Id,
    string Reference,
    string AgencyCode,
    string BorderCrossingPoint,
    ReferralStatus Status,
    Urgency Urgency,
    DateTimeOffset? AnswerBy,
    DateTimeOffset SubmittedAt,
    string? AssignedExaminerId,
    string? AssignedExaminerName,
    IReadOnlyList<ReferralEvidence> Evidence)
{
    /// <summary>
    /// How many documents the bearer presented; their indices run from 0 to DocumentCount - 1 and are what
    /// <see cref="ReferralEvidence.Document"/> refers to. Outside the positional members so that no constructor changes.
    /// </summary>
    public int DocumentCount { get; init; }

    /// <summary>The condition of the items on receipt as it stands: the officer's, or the examiner's amendment; null when none.</summary>
    public string? ConditionOnReceipt { get; init; }

    /// <summary>Who amended <see cref="ConditionOnReceipt"/> last (the examiner), and when; null while it is the officer's.</summary>
    public string? ConditionAmendedBy { get; init; }

    public DateTimeOffset? ConditionAmendedAt { get; init; }

    /// <summary>Whether the examiner's work (marks, checklist, opinion) can change: in examination, or returned by the reviewer.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsOpenForWork => Status is ReferralStatus.InExamination or ReferralStatus.Returned;

    /// <summary>Whether <paramref name="userId"/> is the assigned examiner and the work is open (what <see cref="CaseRules"/> demands).</summary>
    public bool IsWorkedOnBy(string userId) => AssignedExaminerId == userId && IsOpenForWork;

    public static Referral Create(ReferralSubmitted e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.ReferralId, e.Reference, e.AgencyCode, e.BorderCrossingPoint, ReferralStatus.Submitted,
            e.Urgency, e.AnswerBy, e.At, AssignedExaminerId: null, AssignedExaminerName: null, Evidence: [])
        {
            DocumentCount = e.Documents.Count,
            ConditionOnReceipt = e.ConditionOnReceipt,
        };
    }

    public Referral Apply(ConditionOnReceiptAmended e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return this with { ConditionOnReceipt = e.Condition, ConditionAmendedBy = e.Actor, ConditionAmendedAt = e.At };
    }

    public Referral Apply(EvidenceImageAttached e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return this with
        {
            Evidence = [.. Evidence, new ReferralEvidence(e.EvidenceId, e.Document, e.LightSource, e.Area, e.BlobName,
                e.Sha256, e.ContentType, e.Width, e.Height, ThumbnailBlobName: null) { Dpi = e.Dpi }],
        };
    }

    public Referral Apply(EvidenceThumbnailCreated e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return this with
        {
            Evidence = [.. Evidence.Select(x => x.EvidenceId == e.EvidenceId ? x with { ThumbnailBlobName = e.BlobName } : x)],
        };
    }

    public Referral Apply(EvidenceIntegrityFailed e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return this with
        {
            Evidence = [.. Evidence.Select(x => x.EvidenceId == e.EvidenceId ? x with { IntegrityFailed = true } : x)],
        };
    }

    public Referral Apply(CaseAssigned e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return this with
        {
            AssignedExaminerId = e.ExaminerId,
            AssignedExaminerName = e.ExaminerName,
            Status = Status == ReferralStatus.Submitted ? ReferralStatus.InExamination : Status,
        };
    }

    /// <summary>
    /// The one mapping from a case's events to Create/Apply, for the Web's stream reads and the tests' folds. Events
    /// the aggregate does not follow (examination work, drafts) leave the state as it is.
    /// </summary>
    public static Referral? Evolve(Referral? state, object @event) => (state, @event) switch
    {
        (null, ReferralSubmitted s) => Create(s),
        ({ } r, EvidenceImageAttached a) => r.Apply(a),
        ({ } r, EvidenceThumbnailCreated t) => r.Apply(t),
        ({ } r, EvidenceIntegrityFailed f) => r.Apply(f),
        ({ } r, CaseAssigned c) => r.Apply(c),
        ({ } r, ConditionOnReceiptAmended c) => r.Apply(c),
        ({ } r, ICaseStatusEvent e) when e.StatusAfter is { } status => r with { Status = status },
        _ => state,
    };

    /// <summary>Folds a whole stream; null when it does not start with ReferralSubmitted.</summary>
    public static Referral? Fold(IEnumerable<object> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.Aggregate((Referral?)null, Evolve);
    }

    public ReferralEvidence? FindEvidence(Guid evidenceId) =>
        Evidence.FirstOrDefault(x => x.EvidenceId == evidenceId);

    /// <summary>True when the bearer presented a document with this index.</summary>
    public bool HasDocument(int document) => document >= 0 && document < DocumentCount;

    /// <summary>
    /// The status an event of the opinion workflow moves a case to; null for any other event. The events say it
    /// (<see cref="ICaseStatusEvent"/>), for this aggregate and for the read models that show the status.
    /// </summary>
    public static ReferralStatus? StatusAfter(object e) => (e as ICaseStatusEvent)?.StatusAfter;
}


/// <summary>One original image of the case, as far as decisions about it need to know.</summary>
public sealed record ReferralEvidence(
    Guid EvidenceId,
    int Document,
    LightSource LightSource,
    DocumentArea Area,
    string BlobName,
    string Sha256,
    string ContentType,
    int Width,
    int Height,
    string? ThumbnailBlobName)
{
    /// <summary>The resolution recorded at capture, when the sender knew it; scale calibration stands in otherwise.</summary>
    public int? Dpi { get; init; }

    /// <summary>Its bytes were found not to match <see cref="Sha256"/>: never served or used again.</summary>
    public bool IntegrityFailed { get; init; }
}
