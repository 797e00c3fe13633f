using System.Globalization;

namespace DescPortal.Web.Infrastructure.Reports;

/// <summary>
/// A case's chain of custody as printed (the case page's and the API's PDF): the acquisition of each evidence original
/// with its hash and today's check of it, every hand-over, every event with its hash, every access and derivation,
/// and the reports issued with their hashes. Built by Features/Custody from the checked chain; printed on request
/// with the centre's letterhead and stylesheet, from <see cref="ReportTemplates.CustodyTemplateFile"/>.
/// </summary>
public sealed record CustodyReport(
    string Reference,
    string AgencyName,
    string AgencyCode,
    DateTimeOffset PrintedAt,
    string PrintedFor,
    bool ChainIntact,
    IReadOnlyList<CustodyReportEvidence> Evidence,
    IReadOnlyList<CustodyReportEvent> Events,
    IReadOnlyList<CustodyReportAccess> Accesses,
    IReadOnlyList<CustodyReportIssued> Reports);

/// <summary>An evidence original: what it shows, when and by whom it was acquired, its SHA-256 then, and whether its bytes still have it.</summary>
public sealed record CustodyReportEvidence(
    int Number, string Shows, long SizeBytes, int Width, int Height, DateTimeOffset AcquiredAt, string AcquiredBy, string Sha256,
    bool Intact, DateTimeOffset CheckedAt);

/// <summary>An event of the case in words; <see cref="HandOver"/> when it passed the case to someone (submission, assignment, review, issue).</summary>
public sealed record CustodyReportEvent(
    long Sequence, DateTimeOffset? At, string? Actor, string What, string? Hash, string? PreviousHash, bool Intact, bool HandOver);

/// <summary>A recorded access or derivation; <see cref="Derivation"/> for a job's derived images and printed reports.</summary>
public sealed record CustodyReportAccess(DateTimeOffset At, string Actor, string Via, string What, string Target, string? From, bool Derivation);

/// <summary>An issued report and the SHA-256 of its PDF.</summary>
public sealed record CustodyReportIssued(string Number, DateTimeOffset IssuedAt, string Sha256, string? SupersededBy);

// What custody-report.liquid sees, in snake_case (record.reference, events[i].hash): printable text only; the template's
// output is HTML-encoded. templates/reports/README.md lists the variables.

internal sealed record CustodyReportView(
    LetterheadView Letterhead,
    CustodyHeadView Record,
    IReadOnlyList<CustodyEvidenceView> Evidence,
    IReadOnlyList<CustodyEventView> HandOvers,
    IReadOnlyList<CustodyEventView> Events,
    IReadOnlyList<CustodyAccessView> Derivations,
    IReadOnlyList<CustodyAccessView> Accesses,
    IReadOnlyList<CustodyIssuedView> Reports)
{
    public static CustodyReportView From(CustodyReport r, ReportLetterhead letterhead)
    {
        var culture = CultureInfo.GetCultureInfo(letterhead.Culture);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(letterhead.TimeZone);
        // Custody is read to the second: every time prints with its date, time and seconds.
        string At(DateTimeOffset at) =>
            TimeZoneInfo.ConvertTime(at, zone).ToString(letterhead.DateFormat + ", HH:mm:ss", culture);
        CustodyEventView Event(CustodyReportEvent e) => new(e.Sequence, e.At is { } at ? At(at) : "", e.Actor ?? "", e.What,
            e.Hash ?? "", e.PreviousHash ?? "", e.Intact);
        CustodyAccessView Access(CustodyReportAccess a) => new(At(a.At), a.Actor, a.Via, a.What, a.Target, a.From ?? "");

        return new CustodyReportView(
            LetterheadView.Of(letterhead),
            new CustodyHeadView(r.Reference, r.AgencyName, r.AgencyCode, At(r.PrintedAt), r.PrintedFor, letterhead.TimeZone,
                r.ChainIntact, r.Evidence.All(e => e.Intact)),
            [
                .. r.Evidence.Select(e => new CustodyEvidenceView(e.Number, e.Shows,
                    string.Create(culture, $"{e.SizeBytes:N0} bytes, {e.Width} × {e.Height} pixels"), At(e.AcquiredAt), e.AcquiredBy, e.Sha256,
                    e.Intact, At(e.CheckedAt))),
            ],
            [.. r.Events.Where(e => e.HandOver).Select(Event)],
            [.. r.Events.Select(Event)],
            [.. r.Accesses.Where(a => a.Derivation).Select(Access)],
            [.. r.Accesses.Where(a => !a.Derivation).Select(Access)],
            [.. r.Reports.Select(i => new CustodyIssuedView(i.Number, At(i.IssuedAt), i.Sha256, i.SupersededBy ?? ""))]);
    }
}

internal sealed record CustodyHeadView(
    string Reference, string AgencyName, string AgencyCode, string PrintedAt, string PrintedFor, string TimeZone,
    bool ChainIntact, bool EvidenceIntact);

internal sealed record CustodyEvidenceView(
    int Number, string Shows, string Size, string AcquiredAt, string AcquiredBy, string Sha256, bool Intact, string CheckedAt);

internal sealed record CustodyEventView(long Sequence, string At, string Actor, string What, string Hash, string PreviousHash, bool Intact);

internal sealed record CustodyAccessView(string At, string Actor, string Via, string What, string Target, string From);

internal sealed record CustodyIssuedView(string Number, string IssuedAt, string Sha256, string SupersededBy);
