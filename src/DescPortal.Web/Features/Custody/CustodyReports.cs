using System.Globalization;
using DescPortal.Core;
using DescPortal.Core.Opinion;
using DescPortal.Core.Referrals;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Infrastructure.Custody;
using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Infrastructure.Reports;

namespace DescPortal.Web.Features.Custody;

/// <summary>
/// The chain-of-custody record of a case as a PDF (the case page's download, <c>GET /api/v1/referrals/{id}/custody/report</c>):
/// the chain checked now, each original hashed again, printed by the expert reports' pipeline. Printing it is a reading
/// of the case and is recorded as one.
/// </summary>
public sealed class CustodyReports(CustodyQueries custody, CaseQueries cases, AccessLog accesses, ReportRenderer renderer, TimeProvider clock)
{
    /// <summary>What the access record names as the object read.</summary>
    public const string Target = "chain-of-custody record";

    /// <summary>Events that pass the case from one party to the next: the hand-overs a custody record lists on their own.</summary>
    private static readonly HashSet<string> HandOvers =
    [
        nameof(ReferralSubmitted), nameof(CaseAssigned), nameof(InformationRequested), nameof(InformationProvided),
        nameof(SubmittedForReview), nameof(ReviewReturned), nameof(OpinionApproved), nameof(ReportIssued), nameof(CaseReopened),
    ];

    /// <summary>The PDF and the case's reference; null when the reader may not read the case.</summary>
    public async Task<(string Reference, byte[] Pdf)?> PrintAsync(UserScope scope, Guid id, HttpContext? http, CancellationToken ct)
    {
        if (await custody.CheckAsync(scope, id, ct) is not var (record, view)) return null;
        await accesses.RecordAsync(id, AccessAction.CaseRead, Target, scope, http, ct);
        var agency = await cases.AgencyAsync(record.AgencyCode, ct);
        var report = Build(record, view, agency?.Name ?? record.AgencyCode, scope, clock.GetUtcNow());
        return (record.Reference, await renderer.RenderCustodyPdfAsync(report, ct));
    }

    /// <summary>The record's content: events in the words the reader's history uses, accesses and derivations apart.</summary>
    public static CustodyReport Build(CaseRecord record, CustodyView view, string agencyName, UserScope scope, DateTimeOffset now)
    {
        var audience = CaseAccess.HistoryAudienceOf(scope);
        var lines = record.History.ToDictionary(h => h.Version);
        var checkedNow = view.Evidence.ToDictionary(e => e.Id);
        return new CustodyReport(
            record.Reference, agencyName, record.AgencyCode, now, scope.Actor, view.ChainIntact,
            [
                .. record.Evidence.Select((e, i) => new CustodyReportEvidence(i + 1,
                    string.Create(CultureInfo.InvariantCulture,
                        $"Document {e.Document + 1}, {VocabularyLabel.Of(e.Area).In(CultureInfo.InvariantCulture)}, {VocabularyLabel.Of(e.LightSource).In(CultureInfo.InvariantCulture)}"),
                    e.SizeBytes, e.Width, e.Height, e.AttachedAt, e.AttachedBy, e.Sha256,
                    checkedNow.GetValueOrDefault(e.Id)?.Intact ?? false, checkedNow.GetValueOrDefault(e.Id)?.CheckedAt ?? now)),
            ],
            [
                .. view.Events.Select(e => new CustodyReportEvent(e.Sequence, e.At, e.Actor,
                    lines.TryGetValue(e.Sequence, out var h) ? h.LineFor(audience).In(CultureInfo.InvariantCulture) : Labels.Words(e.Type),
                    e.Hash, e.PreviousHash, e.Intact, HandOvers.Contains(e.Type))),
            ],
            [
                .. view.Accesses.Select(a => new CustodyReportAccess(a.At, a.Actor, a.Via, a.Action.Words(), a.Target, a.From,
                    a.Action is AccessAction.EvidenceDerived or AccessAction.ReportPrinted)),
            ],
            [.. record.Opinion.Reports.Select(r => new CustodyReportIssued(r.ReportNumber, r.IssuedAt, r.Sha256, r.SupersededBy))]);
    }
}

/// <summary>What each recorded action reads as, in English: the case page translates these, the custody record prints them.</summary>
public static class CustodyWords
{
    public static string Words(this AccessAction action) => action switch
    {
        AccessAction.CaseRead => "read the case",
        AccessAction.EvidenceRead => "read an evidence original",
        AccessAction.TilesRead => "viewed an image in the workspace",
        AccessAction.ReportRead => "read a report",
        AccessAction.EvidenceDerived => "derived images from an original",
        AccessAction.ReportPrinted => "printed a report",
        _ => action.ToString(),
    };
}
