using DescPortal.Core;
using DescPortal.Core.Examination;
using DescPortal.Core.Opinion;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.Http;
using DescPortal.Web.Infrastructure.Localization;
using DescPortal.Web.Infrastructure.Reports;
using Marten;

namespace DescPortal.Web.Features.Opinion;

/// <summary>
/// Fills an <see cref="ExpertReport"/> from a case and one of its approvals: the approved opinions, the checklist and
/// marks, the evidence images shrunk for print with their marks, the dates and the people. Reads only; the job records.
/// Every image is shrunk from its checked original: one that fails its integrity check stops the report
/// (<see cref="EvidenceIntegrityException"/>), whose alarm is recorded.
/// </summary>
public sealed class ExpertReportBuilder(IDocumentStore store, EvidenceOriginals originals, PortalOptions portal)
{
    public const string ExaminerFunction = "Forensic document examiner";
    public const string ReviewerFunction = "Technical reviewer";

    /// <summary>Where the public verification page is, as printed on reports (<c>Portal:PublicUrl</c>).</summary>
    public Uri VerificationUrl => new(portal.PublicUri, "verify");

    public async Task<ExpertReport> BuildAsync(CaseRecord record, Guid approvalId, PlannedReport plan, string verificationCode,
        DateTimeOffset issuedAt, CancellationToken ct)
    {
        var approval = record.Opinion.FindApproval(approvalId) ?? throw new ArgumentException("No such approval.", nameof(approvalId));
        var s = record.Submission;
        Agency? agency;
        await using (var session = store.QuerySession())
            agency = await session.LoadAsync<Agency>(record.AgencyCode, ct);
        var round = record.Opinion.ReviewRounds.FirstOrDefault(r => r.Number == approval.Round);

        // Marks keep the case's numbers (RecordedAnnotation.Number), which the findings text may cite.
        var images = new List<ReportImage>();
        var figureOf = new Dictionary<Guid, (int Number, double Scale)>();
        foreach (var e in record.Evidence.OrderBy(e => e.Document).ThenBy(e => e.Area).ThenBy(e => e.LightSource))
        {
            DerivedImage print;
            await using (var original = await originals.FetchAsync(record, e, DescPortal.Core.Referrals.EvidenceUse.Report, ReportJob.Actor, ct))
                print = ImageDerivatives.MakeJpeg(original, ExpertReport.RecommendedImageWidth, ExpertReport.RecommendedImageWidth);
            var scale = (double)print.Width / e.Width;
            var marks = record.Examination.AnnotationsOn(e.Id)
                .Select(a => new ReportAnnotation(a.Number, Scaled(a.Annotation.Shape, scale), a.Annotation.Finding, a.Annotation.Note))
                .ToList();
            figureOf[e.Id] = (images.Count + 1, scale);
            images.Add(new ReportImage(e.Document + 1, e.Area, e.LightSource, e.Dpi, e.Sha256, print.Bytes, print.Width, print.Height, marks));
        }

        var documents = approval.Opinions.Select(o =>
        {
            var d = s.Documents.First(x => x.Index == o.Document);
            var checklist = record.Examination.ChecklistOf(o.Document);
            var observations = checklist is null ? [] : checklist.Items
                .Select(i => (Item: i, Observation: checklist.ObservationOf(i.FeatureId)))
                .Where(x => x.Observation is not null)
                .Select(x => new ReportObservation(SecurityFeatureTaxonomy.LabelOf(x.Item.Category, x.Item.Type), x.Observation!.Finding,
                    x.Observation.Note, record.Examination.MarkNumbersOf(x.Observation.AnnotationIds)))
                .ToList();
            var method = new ReportMethod(
                [.. record.Evidence.Where(e => e.Document == o.Document).Select(e => e.LightSource).Distinct().Order()],
                checklist?.SpecimenName, checklist?.SpecimenVersion, record.Examination.MrzCheckOf(o.Document) is not null);
            // The results with units (§7.8.2.1): each length on this document's images, with the scale it rests on.
            var measurements = record.Examination.Measurements
                .Where(m => figureOf.ContainsKey(m.Measurement.EvidenceImageId)
                            && record.FindEvidence(m.Measurement.EvidenceImageId)?.Document == o.Document)
                .Select(m =>
                {
                    var (figure, scale) = figureOf[m.Measurement.EvidenceImageId];
                    var (a, b) = (m.Measurement.A, m.Measurement.B);
                    return new ReportMeasurement(m.Number, figure, m.Measurement.LengthMm, m.Measurement.Scale.Dpi,
                        m.Measurement.Scale.CalibrationMethod, m.Measurement.Scale.CalibrationDistanceMm,
                        m.Measurement.Scale.CalibrationPitches, m.Measurement.Note)
                    {
                        Line = new ReportLine(a.X * scale, a.Y * scale, b.X * scale, b.Y * scale),
                    };
                })
                .ToList();
            return new ReportDocument(o.Document + 1, d.DocumentType, d.IssuingState, d.DocumentNumber ?? "not readable",
                o.FraudType, o.ForgerySubTypes, o.Findings, o.Conclusion ?? "", o.Limitations, o.Evaluative, observations, method)
            {
                Deviations = o.Deviations,
                Measurements = measurements,
            };
        }).ToList();

        var assigned = record.History.FirstOrDefault(h => h.Type == nameof(DescPortal.Core.Referrals.CaseAssigned))?.At ?? s.At;
        return new ExpertReport
        {
            ReportNumber = plan.ReportNumber,
            Version = plan.Version,
            Supersedes = plan.Supersedes,
            SupersessionReason = plan.Supersedes is null || record.Opinion.Reopenings.Count == 0 ? null : record.Opinion.Reopenings[^1].Reason,
            VerificationCode = verificationCode,
            VerificationUrl = VerificationUrl,
            IssuedAt = issuedAt,
            Agency = new ReportAgency(agency?.Name ?? record.AgencyCode, record.AgencyCode),
            CrossingPoint = agency?.FindCrossingPoint(s.BorderCrossingPoint)?.Name ?? s.BorderCrossingPoint,
            Reference = record.Reference,
            ReceivedAt = s.At,
            ConditionOnReceipt = record.Case.ConditionOnReceipt,
            ConditionAmendedAt = record.Case.ConditionAmendedAt,
            ExaminationStarted = assigned,
            ExaminationCompleted = round?.SubmittedAt ?? approval.ApprovedAt,
            Bearer = new ReportBearer(s.Bearer.Surname, s.Bearer.GivenNames, s.Bearer.NationalName, s.Bearer.Nationality,
                s.Bearer.DateOfBirth.IsUnknown ? null : s.Bearer.DateOfBirth.ToString()),
            Documents = documents,
            Images = images,
            Examiner = new ReportSignatory(record.Case.AssignedExaminerName ?? "", ExaminerFunction),
            Reviewer = new ReportSignatory(approval.ReviewerName, ReviewerFunction),
        };
    }

    private static AnnotationShape Scaled(AnnotationShape shape, double scale) =>
        shape with { Vertices = [.. shape.Vertices.Select(v => new Vertex((int)Math.Round(v.X * scale), (int)Math.Round(v.Y * scale)))] };
}
