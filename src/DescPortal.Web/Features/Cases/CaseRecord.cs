using DescPortal.Core;
using DescPortal.Core.Examination;
using DescPortal.Core.History;
using DescPortal.Core.Opinion;
using DescPortal.Core.Referrals;
using JasperFx.Events;
using DescPortal.Web.Infrastructure.Persistence;
using Marten;
using Marten.Events.Aggregation;

namespace DescPortal.Web.Features.Cases;

/// <summary>An evidence image with everything recorded about it at acquisition.</summary>
public sealed record EvidenceItem(
    Guid Id, int Document, LightSource LightSource, DocumentArea Area, int? Dpi, int? WavelengthNm,
    string? CaptureDevice, DateTimeOffset? CapturedAt, string? Note, string Sha256, long SizeBytes,
    int Width, int Height, string ContentType, string BlobName, string? ThumbnailBlobName, string AttachedBy, DateTimeOffset AttachedAt)
{
    /// <summary>The alarm raised when its bytes were found not to match <see cref="Sha256"/>: never served or used since.</summary>
    public EvidenceIntegrityFailed? IntegrityFailure { get; init; }
}

/// <summary>
/// The whole case read from its event stream (deciders take <see cref="Case"/>, appends expect <see cref="Version"/>):
/// the submission as submitted, its evidence, its status and its history. Streams are short, so pages, the API and
/// the write path read them whole (Marten's live aggregation of <see cref="CaseRecordProjection"/>) rather than keep
/// another projection.
/// </summary>
/// <param name="LastPersonChange">
/// The version of the latest event a person caused, not a job's thumbnail or an integrity alarm: someone who saw an earlier version would
/// overwrite it (<see cref="ChangedSince"/>).
/// </param>
public sealed record CaseRecord(
    Guid Id, ReferralSubmitted Submission, Referral Case, IReadOnlyList<EvidenceItem> Evidence,
    IReadOnlyList<HistoryEntry> History, long Version, CaseExamination Examination, OpinionState Opinion, long LastPersonChange)
{
    public ReferralStatus Status => Case.Status;
    public string Reference => Submission.Reference;
    public string AgencyCode => Submission.AgencyCode;

    public EvidenceItem? FindEvidence(Guid evidenceId) => Evidence.FirstOrDefault(e => e.Id == evidenceId);

    /// <summary>Whether anything but a job's work reached the case after <paramref name="seenVersion"/>.</summary>
    public bool ChangedSince(long seenVersion) => LastPersonChange > seenVersion;

    public static async Task<CaseRecord?> LoadAsync(IQuerySession session, Guid id, CancellationToken ct) =>
        await session.Events.AggregateStreamAsync<CaseRecord>(id, token: ct);

    /// <summary>The case after one more event; null until the stream's first event is a submission.</summary>
    public static CaseRecord? Step(CaseRecord? record, Guid id, IEvent e)
    {
        if (record is null)
            return e.Data is ReferralSubmitted submitted
                ? new CaseRecord(id, submitted, Referral.Create(submitted), [], HistoryOf(e, null), e.Version,
                    CaseExamination.Evolve(CaseExamination.Empty, submitted), OpinionState.Evolve(OpinionState.Empty, submitted), e.Version)
                : null;
        return record with
        {
            Case = Referral.Evolve(record.Case, e.Data)!,
            Examination = CaseExamination.Evolve(record.Examination, e.Data),
            Opinion = OpinionState.Evolve(record.Opinion, e.Data),
            Evidence = e.Data switch
            {
                EvidenceImageAttached a => [.. record.Evidence, new EvidenceItem(a.EvidenceId, a.Document, a.LightSource, a.Area, a.Dpi,
                    a.WavelengthNm, a.CaptureDevice, a.CapturedAt, a.Note, a.Sha256, a.SizeBytes, a.Width, a.Height, a.ContentType,
                    a.BlobName, null, a.Actor, a.At)],
                EvidenceThumbnailCreated t => [.. record.Evidence.Select(x => x.Id == t.EvidenceId ? x with { ThumbnailBlobName = t.BlobName } : x)],
                EvidenceIntegrityFailed f => [.. record.Evidence.Select(x => x.Id == f.EvidenceId ? x with { IntegrityFailure = f } : x)],
                _ => record.Evidence,
            },
            History = [.. record.History, .. HistoryOf(e, record)],
            Version = e.Version,
            // What the portal itself records (a thumbnail, an integrity alarm) clashes with nothing a person typed.
            LastPersonChange = e.Data is EvidenceThumbnailCreated or EvidenceIntegrityFailed ? record.LastPersonChange : e.Version,
        };
    }

    // Each entry is described against the case just before its event (which image, which mark, which feature).
    private static IReadOnlyList<HistoryEntry> HistoryOf(IEvent e, CaseRecord? before) =>
        HistoryEntry.Of(e, CaseHistory.Describe(e.Data, before?.Case, before?.Examination ?? CaseExamination.Empty)) is { } entry ? [entry] : [];
}

/// <summary>How Marten folds a case stream into a <see cref="CaseRecord"/> (live: read and written whole, never stored).</summary>
public sealed class CaseRecordProjection : SingleStreamProjection<CaseRecord, Guid>
{
    public override CaseRecord? Evolve(CaseRecord? snapshot, Guid id, IEvent e) => CaseRecord.Step(snapshot, id, e);
}
