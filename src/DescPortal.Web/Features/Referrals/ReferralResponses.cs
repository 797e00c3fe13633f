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
    /// <summary>
    /// The condition of the items as the officer stated it with the submission; null when not stated. The examiner's
    /// amendment, if any, is what the report states.
    /// </summary>
    public string? ConditionOnReceipt { get; init; }

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
                e.Height, e.ContentType, e.Dpi, e.WavelengthNm, e.CaptureDevice, e.CapturedAt, e.Note))])
        {
            ConditionOnReceipt = s.ConditionOnReceipt,
        };
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

/// <summary>
/// One event of the referral's history: what happened (the event's name, and in a line of English words), when, who
/// did it, and the text a person wrote beside it when the caller may read it (else null). Never the bearer's data.
/// </summary>
public sealed record ReferralHistoryEntry(string Type, DateTimeOffset At, string Actor, string Summary, string? Text);

/// <summary>The examples of the OpenAPI document (the README's referral of ANNA MARIA ERIKSSON).</summary>
internal static class ReferralExamples
{
    private static readonly Guid Id = Guid.Parse("6f1c2a4e-0b7d-4c8e-9a35-2d1f0e7b9c41");
    private static readonly Guid EvidenceId = Guid.Parse("c2e8a9d0-5b34-4f7a-8e61-0a9b3c7d2f15");
    private static readonly DateTimeOffset Submitted = new(2026, 12, 7, 9, 42, 0, TimeSpan.Zero);
    private const string Reference = "DESC-2026-000042";

    public static readonly CreatedReferral Created = new(Id, Reference, ReferralStatus.Submitted);

    public static readonly ReferralList List = new([new ReferralListItem(Id, Reference, ReferralStatus.InExamination, Submitted)], 1);

    public static readonly ReferralDetails Details = new(
        Id, Reference, ReferralStatus.Reported, Submitted, "BCP-NORTH", "NORTH-GATE", Submitted.AddMinutes(-30), "UTO", "XXA",
        "Laminate edge lifted near the portrait", Urgency.Urgent, Submitted.AddHours(2),
        new ReferralBearer("ERIKSSON", "ANNA MARIA", null, "UTO", "1974-08-12", Sex.F),
        [new ReferralDocument(DocumentType.Passport, "UTO", "L898902C3",
            "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10", FraudType.Counterfeit)],
        new ReferralReport(Reference + "-R1", Submitted.AddHours(1), "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
        [new ReferralEvidence(EvidenceId, 0, LightSource.UV365, DocumentArea.DataPage,
            "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", 4_718_592, 4000, 2800, "image/jpeg", 600, 365,
            "Regula 4308", Submitted.AddMinutes(-20), "Portrait area under UV")])
    {
        ConditionOnReceipt = "Cover bent at the top corner; data page intact",
    };

    public static readonly IReadOnlyList<ReferralHistoryEntry> History =
    [
        new("ReferralSubmitted", Submitted, "officer.north@desc.local",
            "Urgent referral DESC-2026-000042 submitted at NORTH-GATE: Passport", null),
        new("EvidenceImageAttached", Submitted, "officer.north@desc.local",
            "Evidence attached: image 1 (document 1, Data page, UV 365 nm (long-wave))", "Portrait area under UV"),
        new("CaseAssigned", Submitted.AddMinutes(12), "examiner@desc.local", "Case assigned to Erik Examiner", null),
    ];
}
