using DescPortal.Core;
using DescPortal.Core.Examination;
using DescPortal.Core.Opinion;

namespace DescPortal.Web.Infrastructure.Reports;

/// <summary>
/// Everything one expert report prints, in the order of ISO/IEC 17025 §7.8 (see docs/domain.md): a plain immutable
/// value that the report job fills from the case (no Marten, no Referral types) and <see cref="ReportRenderer"/> turns
/// into HTML and PDF. Codes stay codes here; the renderer prints them as words (overridable in letterhead.json).
/// Every text is plain text: it is HTML-encoded when printed, so markup in a note prints as written.
/// </summary>
public sealed record ExpertReport
{
    /// <summary>The statement §7.8.2.1 requires; printed on every report.</summary>
    public const string ResultsStatement = "The results relate only to the items examined.";

    /// <summary>Width in pixels to downscale an evidence image to before it goes into a report: sharp on an A4 page
    /// (about 200 dpi over the 170 mm text width) and small enough that six images print in well under a second.</summary>
    public const int RecommendedImageWidth = 1400;

    /// <summary>"DESC-2026-000123-R1" (<see cref="Core.Opinion.ReportNumber.Format"/>): printed on every page.</summary>
    public required string ReportNumber { get; init; }

    /// <summary>1 for the first report of the case; a reopened case's next report is 2, and so on.</summary>
    public required int Version { get; init; }

    /// <summary>The report number this one replaces (§7.8.8), or null for a first report.</summary>
    public string? Supersedes { get; init; }

    /// <summary>Why the superseded report was replaced (the reason given when the case was reopened), or null.</summary>
    public string? SupersessionReason { get; init; }

    /// <summary>The code anyone can check on /verify (<see cref="Core.Opinion.VerificationCode"/>, "7KQ2-MX9A-BT0W-Z4RC").</summary>
    public required string VerificationCode { get; init; }

    /// <summary>
    /// The public verification page (the portal's /verify), absolute. The report prints it with the code; the QR code
    /// carries it with the code as a query parameter: <c>{VerificationUrl}?code={VerificationCode}</c>.
    /// </summary>
    public required Uri VerificationUrl { get; init; }

    /// <summary>When the report was issued (the date of issue).</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>The customer (§7.8.2.1 e): the border agency that referred the documents.</summary>
    public required ReportAgency Agency { get; init; }

    /// <summary>The border crossing point the referral came from (name or code), or null.</summary>
    public string? CrossingPoint { get; init; }

    /// <summary>The referral's reference, DESC-YYYY-NNNNNN.</summary>
    public required string Reference { get; init; }

    /// <summary>When the referral (the items) was received.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>
    /// The condition of the items on receipt (§7.8.2.1): the officer's words, or the examiner's amendment; null when
    /// neither stated it.
    /// </summary>
    public string? ConditionOnReceipt { get; init; }

    /// <summary>When the examiner amended <see cref="ConditionOnReceipt"/>; null while it is the officer's.</summary>
    public DateTimeOffset? ConditionAmendedAt { get; init; }

    /// <summary>The examination's first and last day: when the case was taken, and when the opinion went to review.</summary>
    public required DateTimeOffset ExaminationStarted { get; init; }

    public required DateTimeOffset ExaminationCompleted { get; init; }

    /// <summary>The bearer as the documents identify them.</summary>
    public required ReportBearer Bearer { get; init; }

    /// <summary>Each document examined, numbered from 1 as printed.</summary>
    public required IReadOnlyList<ReportDocument> Documents { get; init; }

    /// <summary>The evidence images, in the order printed (Figure 1, 2, …).</summary>
    public required IReadOnlyList<ReportImage> Images { get; init; }

    /// <summary>The examiner who wrote the opinion.</summary>
    public required ReportSignatory Examiner { get; init; }

    /// <summary>The reviewer who approved it (never the examiner).</summary>
    public required ReportSignatory Reviewer { get; init; }

    /// <summary>"The results relate only to the items examined."</summary>
    public string Statement => ResultsStatement;
}

/// <summary>The submitting agency: its name and its code (e.g. "BCP-NORTH").</summary>
public sealed record ReportAgency(string Name, string Code);

/// <summary>
/// The bearer as the documents identify them. <see cref="NationalName"/> is the name in the script of the documents
/// (Arabic, Chinese, Cyrillic, …), printed with its own direction. <see cref="DateOfBirth"/> is as the document gives
/// it ("1974-08-12", "1974-08", "1974"); null when unknown. <see cref="Nationality"/> is an ICAO code.
/// </summary>
public sealed record ReportBearer(
    string? Surname,
    string? GivenNames,
    string? NationalName,
    string? Nationality,
    string? DateOfBirth);

/// <summary>
/// One document examined and the approved opinion on it. <see cref="Number"/> counts from 1 as printed
/// ("Document 1"; the opinion's 0-based index + 1). <see cref="IssuingState"/> is an ICAO code,
/// <see cref="DocumentNumber"/> the number printed on the document. <see cref="Findings"/>,
/// <see cref="Conclusion"/> and <see cref="Limitations"/> are the examiner's plain text (line breaks kept).
/// <see cref="Evaluative"/> is the ENFSI evaluative opinion for a comparison, when there is one.
/// </summary>
public sealed record ReportDocument(
    int Number,
    DocumentType Type,
    string IssuingState,
    string DocumentNumber,
    FraudType FraudType,
    IReadOnlyList<ForgerySubType> ForgerySubTypes,
    string? Findings,
    string Conclusion,
    string? Limitations,
    EvaluativeOpinion? Evaluative,
    IReadOnlyList<ReportObservation> Observations,
    ReportMethod Method)
{
    /// <summary>Where the examination of this document departed from the centre's method, and why; null when it did not.</summary>
    public string? Deviations { get; init; }

    /// <summary>The lengths measured on this document's images, in the order recorded.</summary>
    public IReadOnlyList<ReportMeasurement> Measurements { get; init; } = [];
}

/// <summary>
/// A length measured on figure <see cref="Figure"/> (its number in the report, an image of the same document):
/// <see cref="LengthMm"/> millimetres at <see cref="Dpi"/>, which is the resolution recorded at capture when
/// <see cref="Calibration"/> is null, else the examiner's calibration (a known distance of
/// <see cref="CalibrationDistanceMm"/>, or <see cref="CalibrationPitches"/> MRZ character pitches). <see cref="Number"/>
/// is the case's (M1, M2, …), as the workspace shows it.
/// </summary>
public sealed record ReportMeasurement(
    int Number,
    int Figure,
    double LengthMm,
    double Dpi,
    ScaleCalibrationMethod? Calibration,
    double? CalibrationDistanceMm,
    int? CalibrationPitches,
    string? Note)
{
    /// <summary>
    /// The line measured, in the printed image's pixels (as annotation shapes are), drawn on the figure with the
    /// measurement's number; null when it is not drawn.
    /// </summary>
    public ReportLine? Line { get; init; }
}

/// <summary>A line from (<see cref="X1"/>, <see cref="Y1"/>) to (<see cref="X2"/>, <see cref="Y2"/>) in an image's pixels.</summary>
public sealed record ReportLine(double X1, double Y1, double X2, double Y2);

/// <summary>
/// How a document was examined (§7.8.2.1 f), as facts the template words (so that a centre words its method, and
/// names its instruments, in its own template): the lights of its images, the reference specimen and version it was
/// compared with (none when no specimen was chosen), and whether its MRZ check was recorded.
/// </summary>
public sealed record ReportMethod(IReadOnlyList<LightSource> Lights, string? Specimen, int? SpecimenVersion, bool MrzChecked);

/// <summary>
/// One item of the document's checklist: the reference specimen's feature, what was found, the examiner's note, and
/// the numbers of the annotations (<see cref="ReportAnnotation.Number"/>) that show it.
/// </summary>
public sealed record ReportObservation(string Feature, Finding Finding, string? Note, IReadOnlyList<int> Marks);

/// <summary>
/// An evidence image as printed: which document (<see cref="DocumentNumber"/>, as in <see cref="ReportDocument.Number"/>),
/// area and light it shows, its resolution (null when not recorded), the FULL SHA-256 of the ORIGINAL (64 lower-case
/// hex digits), and <see cref="Jpeg"/>: the image downscaled for print (JPEG bytes; about
/// <see cref="ExpertReport.RecommendedImageWidth"/> pixels wide) whose size is <see cref="Width"/> × <see cref="Height"/>.
/// <see cref="Annotations"/> are in the pixels of that downscaled image.
/// </summary>
public sealed record ReportImage(
    int DocumentNumber,
    DocumentArea Area,
    LightSource Light,
    int? Dpi,
    string Sha256,
    ReadOnlyMemory<byte> Jpeg,
    int Width,
    int Height,
    IReadOnlyList<ReportAnnotation> Annotations);

/// <summary>
/// An annotation drawn over its image: its number (unique in the report, so observations and text can cite it), its
/// shape in the printed image's pixels (a Core <see cref="AnnotationShape"/>: rectangle, polygon or point), the finding
/// and the examiner's note.
/// </summary>
public sealed record ReportAnnotation(int Number, AnnotationShape Shape, Finding Finding, string? Note);

/// <summary>A person who authorises the report and their function, e.g. "Forensic document examiner", "Technical reviewer".</summary>
public sealed record ReportSignatory(string Name, string Function);
