using DescPortal.Core;
using DescPortal.Core.Examination;
using DescPortal.Core.Opinion;
using DescPortal.Core.Referrals;
using JasperFx.Events;
using DescPortal.Web.Infrastructure.Persistence;
using Marten;

namespace DescPortal.Web.Features.Referrals;

/// <summary>An evidence image with everything recorded about it at acquisition.</summary>
public sealed record EvidenceItem(
    Guid Id, int Document, LightSource LightSource, DocumentArea Area, int? Dpi, int? WavelengthNm,
    string? CaptureDevice, DateTimeOffset? CapturedAt, string? Note, string Sha256, long SizeBytes,
    int Width, int Height, string ContentType, string BlobName, string? ThumbnailBlobName, string AttachedBy, DateTimeOffset AttachedAt);

/// <summary>
/// The whole case read from its event stream (deciders take <see cref="Case"/>, appends expect <see cref="Version"/>): the submission as submitted, its evidence, its status and its
/// history. Streams are short, so the case page and the API read them whole rather than keep another projection.
/// </summary>
public sealed record ReferralRecord(
    Guid Id, ReferralSubmitted Submission, Referral Case, IReadOnlyList<EvidenceItem> Evidence,
    IReadOnlyList<HistoryEntry> History, long Version, CaseExamination Examination, OpinionState Opinion)
{
    public ReferralStatus Status => Case.Status;
    public string Reference => Submission.Reference;
    public string AgencyCode => Submission.AgencyCode;

    public EvidenceItem? FindEvidence(Guid evidenceId) => Evidence.FirstOrDefault(e => e.Id == evidenceId);

    public static async Task<ReferralRecord?> LoadAsync(IQuerySession session, Guid id, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        return events.Count == 0 || events[0].Data is not ReferralSubmitted ? null : Fold(id, events);
    }

    private static ReferralRecord Fold(Guid id, IReadOnlyList<IEvent> events)
    {
        var submitted = (ReferralSubmitted)events[0].Data;
        Referral? state = null;
        var examination = CaseExamination.Empty;
        var opinion = OpinionState.Empty;
        var evidence = new List<EvidenceItem>();
        var history = new List<HistoryEntry>(events.Count);
        foreach (var e in events)
        {
            state = Referral.Evolve(state, e.Data);
            examination = CaseExamination.Evolve(examination, e.Data);
            opinion = OpinionState.Evolve(opinion, e.Data);
            if (HistoryEntry.Of(e) is { } entry) history.Add(entry);
            switch (e.Data)
            {
                case EvidenceImageAttached a:
                    evidence.Add(new EvidenceItem(a.EvidenceId, a.Document, a.LightSource, a.Area, a.Dpi, a.WavelengthNm,
                        a.CaptureDevice, a.CapturedAt, a.Note, a.Sha256, a.SizeBytes, a.Width, a.Height, a.ContentType,
                        a.BlobName, null, a.Actor, a.At));
                    break;
                case EvidenceThumbnailCreated t:
                    var i = evidence.FindIndex(x => x.Id == t.EvidenceId);
                    if (i >= 0) evidence[i] = evidence[i] with { ThumbnailBlobName = t.BlobName };
                    break;
            }
        }
        return new ReferralRecord(id, submitted, state!, evidence, history, events[^1].Version, examination, opinion);
    }
}
