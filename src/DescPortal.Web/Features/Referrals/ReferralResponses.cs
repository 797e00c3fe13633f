using DescPortal.Core;
using DescPortal.Web.Features.Cases;

namespace DescPortal.Web.Features.Referrals;

// The bodies of API v1's referral answers (an exact contract: names as they were when these were anonymous objects).
// Named types so that the OpenAPI document describes them and client generators type them.

/// <summary>The referral just created.</summary>
public sealed record CreatedReferral(Guid Id, string Reference, ReferralStatus Status);

/// <summary>One page of the agency's referrals, newest first, and how many there are in all.</summary>
public sealed record ReferralList(IReadOnlyList<ReferralListItem> Items, long Total);

public sealed record ReferralListItem(Guid Id, string Reference, ReferralStatus Status, DateTimeOffset SubmittedAt);

/// <summary>A referral as submitted, with its status, evidence and current report.</summary>
public sealed record ReferralDetails(
    Guid Id, string Reference, ReferralStatus Status, DateTimeOffset SubmittedAt, string Agency, string BorderCrossingPoint,
    DateTimeOffset InterceptedAt, string? RouteFrom, string? RouteTo, string Reason, Urgency Urgency, DateTimeOffset? AnswerBy,
    ReferralBearer Bearer, IReadOnlyList<ReferralDocument> Documents, ReferralReport? Report, IReadOnlyList<ReferralEvidence> Evidence)
{
    public static ReferralDetails Of(CaseRecord record)
    {
        var s = record.Submission;
        var b = s.Bearer;
        return new ReferralDetails(record.Id, record.Reference, record.Status, s.At, s.AgencyCode, s.BorderCrossingPoint, s.InterceptedAt,
            s.RouteFrom, s.RouteTo, s.Reason, s.Urgency, s.AnswerBy,
            new ReferralBearer(b.Surname, b.GivenNames, b.NationalName, b.Nationality,
                b.DateOfBirth.IsUnknown ? null : b.DateOfBirth.ToString(), b.Sex),
            // fraudType: the approved opinion's, once there is one (a reopened case keeps it until the next approval).
            [.. s.Documents.Select(d => new ReferralDocument(d.DocumentType, d.IssuingState, d.DocumentNumber, d.Mrz,
                record.Opinion.ApprovedOpinions.FirstOrDefault(o => o.Document == d.Index)?.FraudType))],
            record.Opinion.CurrentReport is { } r ? new ReferralReport(r.ReportNumber, r.IssuedAt, r.Sha256) : null,
            [.. record.Evidence.Select(e => new ReferralEvidence(e.Id, e.Document, e.LightSource, e.Area, e.Sha256, e.SizeBytes, e.Width,
                e.Height, e.ContentType, e.Dpi, e.WavelengthNm, e.CaptureDevice, e.CapturedAt, e.Note))]);
    }
}

/// <summary>The traveller; <c>dateOfBirth</c> is "1974-08-12", "1974-08" or "1974", null when unknown.</summary>
public sealed record ReferralBearer(string Surname, string GivenNames, string? NationalName, string Nationality, string? DateOfBirth, Sex? Sex);

/// <summary>A questioned document; <c>fraudType</c> is the approved opinion's, null until there is one.</summary>
public sealed record ReferralDocument(DocumentType DocumentType, string IssuingState, string? DocumentNumber, string? Mrz, FraudType? FraudType);

/// <summary>The current expert report (its PDF: <c>GET /api/v1/referrals/{id}/report</c>).</summary>
public sealed record ReferralReport(string ReportNumber, DateTimeOffset IssuedAt, string Sha256);

/// <summary>An evidence image as stored; <c>sha256</c> is the lower-case hex of the original bytes.</summary>
public sealed record ReferralEvidence(
    Guid Id, int Document, LightSource LightSource, DocumentArea Area, string Sha256, long SizeBytes, int Width, int Height,
    string ContentType, int? Dpi, int? WavelengthNm, string? CaptureDevice, DateTimeOffset? CapturedAt, string? Note);

/// <summary>One event of the referral's history: what happened (the event's name), when, and who did it.</summary>
public sealed record ReferralHistoryEntry(string Type, DateTimeOffset At, string Actor);
