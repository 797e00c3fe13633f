using DescPortal.Core.Examination;
using DescPortal.Core.Opinion;
using DescPortal.Core.Referrals;
using Fluid;
using static System.FormattableString;

namespace DescPortal.Web.Infrastructure.Reports;

/// <summary>
/// Turns an <see cref="ExpertReport"/> into the report's HTML with the centre's Liquid template (Fluid; decision 0008),
/// and into PDF with <see cref="ReportPrinter"/>. Every value the template prints is HTML-encoded; the only unencoded
/// text is the centre's own stylesheet (<c>{{ stylesheet }}</c>) and what the <c>css_string</c> filter escapes for CSS.
/// Singleton; thread-safe.
/// </summary>
public sealed class ReportRenderer(ReportTemplates templates, ReportPrinter printer)
{
    /// <summary>The report as one self-contained HTML document (images as data: URIs, stylesheet inline).</summary>
    /// <exception cref="ArgumentException">The report is incomplete or inconsistent (<see cref="Check"/>).</exception>
    public async Task<string> RenderHtmlAsync(ExpertReport report, CancellationToken ct)
    {
        var problems = Check(report);
        if (problems.Count > 0)
        {
            throw new ArgumentException("The report cannot be printed: " + string.Join(" ", problems), nameof(report));
        }
        var loaded = templates.Get();
        var context = ReportLiquid.Context(ReportView.From(report, loaded.Letterhead), loaded.Stylesheet, ct);
        return await loaded.Template.RenderAsync(context, ReportLiquid.Encoder);
    }

    /// <summary>The report printed to PDF (A4, as the stylesheet's @page rules lay it out).</summary>
    /// <exception cref="ArgumentException">The report is incomplete or inconsistent (<see cref="Check"/>).</exception>
    public async Task<byte[]> RenderPdfAsync(ExpertReport report, CancellationToken ct) =>
        await printer.PrintAsync(await RenderHtmlAsync(report, ct), ct);

    /// <summary>A case's chain of custody as one self-contained HTML document, with the centre's letterhead and stylesheet.</summary>
    public async Task<string> RenderCustodyHtmlAsync(CustodyReport custody, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(custody);
        var loaded = templates.Get();
        var context = ReportLiquid.Context(CustodyReportView.From(custody, loaded.Letterhead), loaded.Stylesheet, ct);
        return await loaded.CustodyTemplate.RenderAsync(context, ReportLiquid.Encoder);
    }

    /// <summary>The chain of custody printed to PDF, by the same browser as the expert reports.</summary>
    public async Task<byte[]> RenderCustodyPdfAsync(CustodyReport custody, CancellationToken ct) =>
        await printer.PrintAsync(await RenderCustodyHtmlAsync(custody, ct), ct);

    /// <summary>
    /// Everything that would make the report wrong or unprintable, each as a sentence; empty when it can be printed.
    /// </summary>
    public static IReadOnlyList<string> Check(ExpertReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var problems = new List<string>();
        void Problem(string message) => problems.Add(message);

        if (!ReferenceNumber.IsValid(report.Reference))
            Problem($"The reference '{report.Reference}' is not of the form DESC-YYYY-NNNNNN.");
        if (!ReportNumber.TryParse(report.ReportNumber, out var reference, out var version))
            Problem($"The report number '{report.ReportNumber}' is not of the form DESC-YYYY-NNNNNN-R1.");
        else if (reference != report.Reference || version != report.Version)
            Problem(Invariant($"The report number {report.ReportNumber} does not match reference {report.Reference}, version {report.Version}."));
        if (report.Supersedes is { } old && !ReportNumber.TryParse(old, out _, out _))
            Problem($"The superseded report number '{old}' is not a report number.");
        if (!VerificationCode.TryParse(report.VerificationCode, out var code) || code != report.VerificationCode)
            Problem($"'{report.VerificationCode}' is not a verification code in its printed form.");
        if (report.VerificationUrl is not { IsAbsoluteUri: true } url || url.Scheme is not ("https" or "http"))
            Problem("The verification URL must be an absolute http(s) address.");
        if (report.Agency is null || string.IsNullOrWhiteSpace(report.Agency.Name) || string.IsNullOrWhiteSpace(report.Agency.Code))
            Problem("The submitting agency's name and code are required.");
        if (report.Bearer is null) Problem("The bearer is required (its fields may be empty).");
        foreach (var (who, person) in new[] { ("examiner", report.Examiner), ("reviewer", report.Reviewer) })
        {
            if (person is null || string.IsNullOrWhiteSpace(person.Name) || string.IsNullOrWhiteSpace(person.Function))
                Problem($"The {who}'s name and function are required.");
        }

        var documents = report.Documents ?? [];
        if (documents.Count == 0) Problem("A report examines at least one document.");
        for (var i = 0; i < documents.Count; i++)
        {
            var d = documents[i];
            if (d.Number != i + 1)
                Problem(Invariant($"Documents are numbered 1, 2, … in order; the document at position {i + 1} is numbered {d.Number}."));
            if (string.IsNullOrWhiteSpace(d.Conclusion))
                Problem(Invariant($"Document {d.Number} has no conclusion."));
        }

        var images = report.Images ?? [];
        var marks = new HashSet<int>();
        foreach (var (image, i) in images.Select((image, i) => (image, i + 1)))
        {
            if (!documents.Any(d => d.Number == image.DocumentNumber))
                Problem(Invariant($"Figure {i} shows document {image.DocumentNumber}, which the report does not list."));
            if (image.Sha256 is not { Length: 64 } hash || !hash.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
                Problem(Invariant($"Figure {i}: the SHA-256 of the original must be 64 lower-case hex digits."));
            if (image.Jpeg.Length < 3 || image.Jpeg.Span[0] != 0xFF || image.Jpeg.Span[1] != 0xD8 || image.Jpeg.Span[2] != 0xFF)
                Problem(Invariant($"Figure {i}: the image is not JPEG bytes."));
            if (image.Width <= 0 || image.Height <= 0)
                Problem(Invariant($"Figure {i}: the image's size must be given in pixels."));
            foreach (var a in image.Annotations ?? [])
            {
                if (!marks.Add(a.Number))
                    Problem(Invariant($"Annotation number {a.Number} is used twice; numbers are unique in a report."));
                var (x, y, w, h) = a.Shape.Bounds;
                var valid = a.Shape.Kind switch
                {
                    ShapeKind.Rectangle => a.Shape.Vertices.Count == 2 && w > 0 && h > 0,
                    ShapeKind.Polygon => a.Shape.Vertices.Count >= 3,
                    _ => a.Shape.Vertices.Count == 1,
                };
                if (!valid || x < 0 || y < 0 || x + w > image.Width || y + h > image.Height)
                    Problem(Invariant($"Annotation {a.Number} is not a shape inside figure {i} ({image.Width} × {image.Height} pixels)."));
            }
        }
        foreach (var d in documents)
        {
            if (d.Method is not { Lights.Count: > 0 }) Problem(Invariant($"Document {d.Number}: the method names no light."));
            foreach (var m in d.Measurements ?? [])
            {
                if (m.Figure < 1 || m.Figure > images.Count || images[m.Figure - 1].DocumentNumber != d.Number)
                    Problem(Invariant($"Document {d.Number}: measurement M{m.Number} is on figure {m.Figure}, which is not an image of this document."));
                if (!double.IsFinite(m.LengthMm) || m.LengthMm <= 0 || !double.IsFinite(m.Dpi) || m.Dpi <= 0)
                    Problem(Invariant($"Document {d.Number}: measurement M{m.Number} needs a length and a resolution above 0."));
                if (m.Line is { } l && m.Figure >= 1 && m.Figure <= images.Count
                    && new[] { (l.X1, l.Y1), (l.X2, l.Y2) }.Any(p => !(p.Item1 >= 0 && p.Item2 >= 0 && p.Item1 <= images[m.Figure - 1].Width
                        && p.Item2 <= images[m.Figure - 1].Height)))
                    Problem(Invariant($"Document {d.Number}: measurement M{m.Number}'s line is not inside figure {m.Figure}."));
            }
            foreach (var o in d.Observations ?? [])
            {
                foreach (var mark in o.Marks.Where(m => !marks.Contains(m)))
                    Problem(Invariant($"Document {d.Number}: the observation of '{o.Feature}' cites annotation {mark}, which no figure shows."));
            }
        }
        return problems;
    }
}
