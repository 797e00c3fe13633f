using System.Globalization;
using DescPortal.Core;
using DescPortal.Core.Examination;
using QRCoder;

namespace DescPortal.Web.Infrastructure.Reports;

// What the Liquid template sees: the report as printable text, in snake_case (report.number, documents[i].fraud_type,
// figures[i].marks[j].left). Built by ReportView.From, serialised to JSON nodes for Fluid. Every string here is plain
// text; the template's output is HTML-encoded, so nothing in these values can add markup. templates/reports/README.md
// lists the variables.

internal sealed record ReportView(
    LetterheadView Letterhead,
    ReportHeadView Report,
    QrView Qr,
    CustomerView Customer,
    ReceiptView Receipt,
    ExaminationView Examination,
    BearerView Bearer,
    IReadOnlyList<DocumentView> Documents,
    IReadOnlyList<FigureView> Figures,
    SignatoryView Examiner,
    SignatoryView Reviewer)
{
    public static ReportView From(ExpertReport r, ReportLetterhead letterhead)
    {
        var culture = CultureInfo.GetCultureInfo(letterhead.Culture);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(letterhead.TimeZone);
        string Date(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).ToString(letterhead.DateFormat, culture);
        string Label(Enum code) => ReportLabels.Of(code, letterhead.Labels);

        var issued = TimeZoneInfo.ConvertTime(r.IssuedAt, zone);
        var link = VerificationLink(r.VerificationUrl, r.VerificationCode);
        var started = Date(r.ExaminationStarted);
        var completed = Date(r.ExaminationCompleted);

        var figuresOf = r.Images.Select((image, i) => (image.DocumentNumber, Figure: i + 1))
            .ToLookup(x => x.DocumentNumber, x => x.Figure);

        return new ReportView(
            LetterheadView.Of(letterhead),
            new ReportHeadView(r.ReportNumber, r.Version, r.Supersedes, r.SupersessionReason, r.VerificationCode,
                r.VerificationUrl.AbsoluteUri, link, Date(r.IssuedAt),
                $"{issued.ToString(letterhead.DateFormat, culture)}, {issued.ToString("HH:mm", culture)} ({letterhead.TimeZone})",
                r.Statement),
            QrCode(link),
            new CustomerView(r.Agency.Name, r.Agency.Code, r.CrossingPoint, r.Reference, Date(r.ReceivedAt)),
            new ReceiptView(r.ConditionOnReceipt, r.ConditionAmendedAt is not null,
                r.ConditionAmendedAt is { } amended ? Date(amended) : null),
            new ExaminationView(started, completed, started == completed ? started : $"{started} to {completed}"),
            new BearerView(r.Bearer.Surname, r.Bearer.GivenNames, r.Bearer.NationalName, r.Bearer.Nationality,
                IcaoCountries.NameOf(r.Bearer.Nationality), r.Bearer.DateOfBirth),
            [
                .. r.Documents.Select(d => new DocumentView(
                    d.Number,
                    Label(d.Type),
                    d.IssuingState,
                    IcaoCountries.NameOf(d.IssuingState),
                    d.DocumentNumber,
                    Label(d.FraudType),
                    d.FraudType.ToString(),
                    [.. d.ForgerySubTypes.Select(s => Label(s))],
                    d.Findings,
                    d.Conclusion,
                    d.Limitations,
                    d.Evaluative is { } e
                        ? new EvaluativeView(e.Proposition, e.AlternativeProposition, Label(e.Support),
                            e.Support == EvaluativeSupport.Neutral)
                        : null,
                    [
                        .. d.Observations.Select(o => new ObservationView(o.Feature, Label(o.Finding), Css(o.Finding), o.Note,
                            string.Join(", ", o.Marks.Order()))),
                    ],
                    string.Join(", ", figuresOf[d.Number]),
                    new MethodView([.. d.Method.Lights.Select(l => Label(l))], d.Method.Specimen, d.Method.SpecimenVersion,
                        d.Method.MrzChecked),
                    d.Deviations,
                    [.. d.Measurements.Select(Measurement)])),
            ],
            [.. r.Images.Select((image, i) => Figure(i + 1, image, r, Label))],
            new SignatoryView(r.Examiner.Name, r.Examiner.Function),
            new SignatoryView(r.Reviewer.Name, r.Reviewer.Function));
    }

    /// <summary>What the QR code carries: the verification page with the code as a query parameter.</summary>
    public static string VerificationLink(Uri page, string code)
    {
        var url = page.AbsoluteUri;
        return url + (string.IsNullOrEmpty(page.Query) ? "?" : "&") + "code=" + Uri.EscapeDataString(code);
    }

    private static FigureView Figure(int number, ReportImage image, ExpertReport report, Func<Enum, string> label)
    {
        var document = report.Documents.First(d => d.Number == image.DocumentNumber);
        double w = image.Width, h = image.Height;
        var marks = image.Annotations.OrderBy(a => a.Number).ToList();
        var labels = MarkLabels.Place([.. marks.Select(a => (a.Number, a.Shape))], image.Width, image.Height);
        return new FigureView(
            number,
            image.DocumentNumber,
            $"{label(document.Type)}, {document.IssuingState}, {document.DocumentNumber}",
            label(image.Area),
            label(image.Light),
            image.Dpi is { } dpi ? $"{dpi} dpi" : null,
            image.Sha256,
            "data:image/jpeg;base64," + Convert.ToBase64String(image.Jpeg.Span),
            image.Width,
            image.Height,
            Number(w / h, "0.#####"),
            [
                .. marks.Select((a, i) =>
                {
                    var (x, y, bw, bh) = a.Shape.Bounds;
                    return new MarkView(
                        a.Number,
                        a.Shape.Kind.ToString().ToLowerInvariant(),
                        label(a.Finding),
                        Css(a.Finding),
                        a.Note,
                        x, y, bw, bh,
                        string.Join(' ', a.Shape.Vertices.Select(v => $"{v.X},{v.Y}")),
                        Number((x + 0.5) / w * 100, "0.###"),
                        Number((y + 0.5) / h * 100, "0.###"),
                        Number(labels[i].Left, "0.###"),
                        Number(labels[i].Top, "0.###"));
                }),
            ],
            [
                .. report.Documents.SelectMany(d => d.Measurements)
                    .Where(m => m.Figure == number && m.Line is not null)
                    .Select(m => LineOf(m, m.Line!, w, h)),
            ]);
    }

    // The label sits just past the line's second end, along it, so that a short line is not hidden under its number.
    private static MeasurementLineView LineOf(ReportMeasurement m, ReportLine l, double w, double h)
    {
        var (dx, dy) = (l.X2 - l.X1, l.Y2 - l.Y1);
        var length = Math.Max(Math.Sqrt((dx * dx) + (dy * dy)), 1e-9);
        var gap = 0.035 * Math.Max(w, h);
        var (x, y) = (l.X2 + (dx / length * gap), l.Y2 + (dy / length * gap));
        return new MeasurementLineView($"M{m.Number}", Number(m.LengthMm, "0.00") + " mm",
            Number(l.X1, "0.#"), Number(l.Y1, "0.#"), Number(l.X2, "0.#"), Number(l.Y2, "0.#"),
            Number(Math.Clamp(x / w * 100, 3, 97), "0.###"), Number(Math.Clamp(y / h * 100, 3, 97), "0.###"));
    }

    // "12.70 mm", with the scale it rests on in words: the resolution recorded at capture, or the examiner's calibration.
    private static MeasurementView Measurement(ReportMeasurement m) => new(
        $"M{m.Number}",
        m.Figure,
        Number(m.LengthMm, "0.00") + " mm",
        Number(m.Dpi, "0") + " dpi, " + m.Calibration switch
        {
            null => "the resolution recorded at capture",
            ScaleCalibrationMethod.MrzCharacterPitch =>
                $"calibrated on {m.CalibrationPitches} MRZ character {(m.CalibrationPitches == 1 ? "pitch" : "pitches")} ({Number(m.CalibrationDistanceMm ?? 0, "0.##")} mm)",
            _ => $"calibrated on a known distance of {Number(m.CalibrationDistanceMm ?? 0, "0.##")} mm",
        },
        m.Note);

    private static string Css(Finding finding) => finding.ToString().ToLowerInvariant();

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>The QR code as one SVG path over its module grid (quiet zone included), error correction M.</summary>
    private static QrView QrCode(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var path = new System.Text.StringBuilder();
        for (var y = 0; y < matrix.Count; y++)
        {
            var row = matrix[y];
            for (var x = 0; x < row.Length; x++)
            {
                if (!row[x]) continue;
                var run = 1;
                while (x + run < row.Length && row[x + run]) run++;
                path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h{run}v1h-{run}z");
                x += run - 1;
            }
        }
        return new QrView(matrix.Count, path.ToString());
    }
}

internal sealed record LetterheadView(
    string CentreName, string? Unit, IReadOnlyList<string> Address, string? Phone, string? Email, string? Website,
    string? Accreditation, string ReportTitle, MethodIdentityView Method)
{
    /// <summary>The centre's letterhead as every printed document (expert report, custody record) shows it.</summary>
    public static LetterheadView Of(ReportLetterhead l) => new(l.CentreName, l.Unit, l.Address, l.Phone, l.Email, l.Website,
        l.Accreditation, l.ReportTitle, new MethodIdentityView(l.Method?.Identifier ?? "", l.Method?.Version ?? ""));
}

internal sealed record MethodIdentityView(string Identifier, string Version);

/// <summary>The condition of the items on receipt; <see cref="Amended"/> when the examiner replaced the officer's words (on <see cref="AmendedOn"/>).</summary>
internal sealed record ReceiptView(string? Condition, bool Amended, string? AmendedOn);

/// <summary>A measurement: its number ("M1"), the figure it was made on, the length with its unit, the scale it rests on, the note.</summary>
internal sealed record MeasurementView(string Number, int Figure, string Length, string Scale, string? Note);

internal sealed record ReportHeadView(
    string Number, int Version, string? Supersedes, string? SupersessionReason, string VerificationCode,
    string VerificationUrl, string VerificationLink, string IssuedOn, string IssuedAt, string Statement);

internal sealed record QrView(int Size, string Path);

internal sealed record CustomerView(string AgencyName, string AgencyCode, string? CrossingPoint, string Reference, string ReceivedOn);

internal sealed record ExaminationView(string StartedOn, string CompletedOn, string Period);

internal sealed record BearerView(
    string? Surname, string? GivenNames, string? NationalName, string? Nationality, string? NationalityName, string? DateOfBirth);

internal sealed record DocumentView(
    int Number,
    string Type,
    string IssuingState,
    string? IssuingStateName,
    string DocumentNumber,
    string FraudType,
    string FraudTypeCode,
    IReadOnlyList<string> ForgerySubTypes,
    string? Findings,
    string Conclusion,
    string? Limitations,
    EvaluativeView? Evaluative,
    IReadOnlyList<ObservationView> Observations,
    string Figures,
    MethodView Method,
    string? Deviations,
    IReadOnlyList<MeasurementView> Measurements);

internal sealed record MethodView(IReadOnlyList<string> Lights, string? Specimen, int? SpecimenVersion, bool MrzChecked);

internal sealed record EvaluativeView(string Proposition, string AlternativeProposition, string Support, bool Neutral);

internal sealed record ObservationView(string Feature, string Finding, string FindingClass, string? Note, string Marks);

internal sealed record FigureView(
    int Number,
    int DocumentNumber,
    string Document,
    string Area,
    string Light,
    string? Resolution,
    string Sha256,
    string Src,
    int Width,
    int Height,
    string Aspect,
    IReadOnlyList<MarkView> Marks,
    IReadOnlyList<MeasurementLineView> Measurements);

/// <summary>
/// A measurement drawn on its figure: its number ("M1"), its length, its ends in image pixels (for the SVG) and its
/// label's centre, just past the second end, in per cent of the picture.
/// </summary>
internal sealed record MeasurementLineView(string Number, string Length, string X1, string Y1, string X2, string Y2, string Left, string Top);

/// <summary>An annotation: x, y, width, height and points in image pixels (for the SVG); the point's centre
/// (<see cref="PointLeft"/>, <see cref="PointTop"/>) and the centre of the number's label (<see cref="Left"/>,
/// <see cref="Top"/>, placed by <see cref="MarkLabels"/>) in per cent of the picture.</summary>
internal sealed record MarkView(
    int Number, string Kind, string Finding, string FindingClass, string? Note,
    int X, int Y, int Width, int Height, string Points, string PointLeft, string PointTop, string Left, string Top);

internal sealed record SignatoryView(string Name, string Function);
