using System.Text.RegularExpressions;
using DescPortal.Testing;
using DescPortal.Web.Infrastructure.Reports;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using DescPortal.Web.Features.Cases;

namespace DescPortal.IntegrationTests.Reports;

/// <summary>
/// The expert report as the portal prints it: the host's <see cref="ReportRenderer"/> (the Liquid template in
/// templates/reports and the one warm Chromium of the process), read back with PdfPig. Two renders per run, shared by
/// the tests of this class: the sample report with an Arabic national name, and the same with a Chinese one. The PDFs
/// are kept in the artifacts folder for people to look at.
/// </summary>
public sealed class ExpertReportPdfTests(IntegrationHost host)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (ExpertReport Report, string Html, byte[] Pdf, IReadOnlyList<string> Pages)? _arabic;
    private static (ExpertReport Report, byte[] Pdf, IReadOnlyList<string> Pages)? _chinese;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ReportRenderer Renderer => host.Services.GetRequiredService<ReportRenderer>();

    private async Task<(ExpertReport Report, string Html, byte[] Pdf, IReadOnlyList<string> Pages)> ArabicAsync()
    {
        await Gate.WaitAsync(Ct);
        try
        {
            if (_arabic is { } done) return done;
            var report = SampleReports.TwoDocuments(SampleReports.ArabicName);
            var html = await Renderer.RenderHtmlAsync(report, Ct);
            var pdf = await Renderer.RenderPdfAsync(report, Ct);
            await File.WriteAllBytesAsync(Path.Combine(TestServices.ArtifactsDirectory, "expert-report-arabic.pdf"), pdf, Ct);
            _arabic = (report, html, pdf, PdfText.Pages(pdf));
            return _arabic.Value;
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task<(ExpertReport Report, byte[] Pdf, IReadOnlyList<string> Pages)> ChineseAsync()
    {
        await Gate.WaitAsync(Ct);
        try
        {
            if (_chinese is { } done) return done;
            var report = SampleReports.TwoDocuments(SampleReports.ChineseName);
            var pdf = await Renderer.RenderPdfAsync(report, Ct);
            await File.WriteAllBytesAsync(Path.Combine(TestServices.ArtifactsDirectory, "expert-report-chinese.pdf"), pdf, Ct);
            _chinese = (report, pdf, PdfText.Pages(pdf));
            return _chinese.Value;
        }
        finally
        {
            Gate.Release();
        }
    }

    [Fact]
    public async Task Every_page_carries_the_report_number_and_page_x_of_y()
    {
        var (report, _, pdf, pages) = await ArabicAsync();

        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5));
        Assert.InRange(pages.Count, 4, 8); // 6 with the templates as shipped (the benchmark prints the count)
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i], StringComparison.Ordinal);
            Assert.Contains(report.ReportNumber, pages[i], StringComparison.Ordinal);
            Assert.Contains(report.VerificationCode, pages[i], StringComparison.Ordinal);
        }
    }

    /// <summary>The stylesheet's side margins: 18 mm.</summary>
    private const double SideMargin = 18 / 25.4 * 72;

    [Fact]
    public async Task No_text_runs_past_the_margins()
    {
        var (_, _, pdf, _) = await ArabicAsync();

        Assert.Empty(PdfText.OutsideMargins(pdf, SideMargin));
    }

    [Fact]
    public async Task An_awkward_report_prints_within_its_margins_and_pages()
    {
        var report = SampleReports.Awkward();
        var pdf = await Renderer.RenderPdfAsync(report, Ct);
        await File.WriteAllBytesAsync(Path.Combine(TestServices.ArtifactsDirectory, "expert-report-awkward.pdf"), pdf, Ct);
        var pages = PdfText.Pages(pdf);
        var text = Body(report, pages);

        Assert.Empty(PdfText.OutsideMargins(pdf, SideMargin));
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i], StringComparison.Ordinal);
        }
        Assert.Contains(PdfText.Blocks(pdf), b => PdfText.Holds(b, SampleReports.UnbrokenNote)); // whole, wrapped in its cell
        Assert.True(PdfText.Holds(text, "they give no support for either proposition"), "The neutral evaluative wording.");
        // No reference specimen chosen, no MRZ check recorded: the method says only what was done.
        Assert.True(PdfText.Holds(text, "Document 1: visual and magnified examination of the images under White light, reflected. "), "The bare method.");
        Assert.True(PdfText.ContainsInAnyDirection(text, "Пётр Иванович Сидоров"));
        // Nothing stated about the items, no departure from the method: the headings stay and say so.
        Assert.True(PdfText.Holds(text, "Condition of the items on receipt Not stated with the referral."), "No condition stated.");
        Assert.DoesNotContain("Amended by the examiner", text, StringComparison.Ordinal);
        Assert.True(PdfText.Holds(text, "Deviations from the method None."), "None printed when there are no deviations.");
        Assert.True(PdfText.Holds(text, "M1 1 12.70 mm 348 dpi, calibrated on 10 MRZ character pitches (25.4 mm)"), "A calibrated measurement.");
        Assert.DoesNotContain("this report supersedes", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Border crossing point", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_holds_what_ISO_17025_7_8_requires()
    {
        var (report, _, pdf, pages) = await ArabicAsync();
        var text = Body(report, pages);
        void Holds(string expected) => Assert.True(PdfText.Holds(text, expected), $"The PDF's text holds: {expected}");

        Holds("Document Examination Support Centre");                 // the laboratory (letterhead.json)
        Holds("1010 Utopia City, Utopia");
        Holds($"{report.Agency.Name} ({report.Agency.Code})");        // the customer
        Holds(report.CrossingPoint!);
        Holds(report.Reference);
        Holds($"supersedes report {report.Supersedes}");
        foreach (var d in report.Documents)                            // each item, unambiguously identified
        {
            Holds($"Document {d.Number}: {(d.Number == 1 ? "Passport" : "Identity card")}, {d.IssuingState}, {d.DocumentNumber}");
            Holds(d.Findings!);
        }
        Holds("Date of receipt 20 November 2026");                     // the three dates
        Holds("Date(s) of examination 23 November 2026 to 26 November 2026");
        Holds("Date of issue 27 November 2026, 15:40");
        // The method (§7.8.2.1 f), worded by the template from each document's facts.
        Holds("Document 1: visual and magnified examination of the images under White light, reflected; White light, oblique (raking); " +
            "UV 365 nm (long-wave); Infrared (IR), compared feature by feature with the genuine reference specimen " +
            "UTO passport, 2007 series (UTO-P-2007) (version 3); MRZ check digits verified (ICAO Doc 9303) and the MRZ compared with the visual inspection zone.");
        Holds("Document 2: visual and magnified examination of the images under White light, reflected; UV 365 nm (long-wave); Infrared (IR), " +
            "compared feature by feature with the genuine reference specimen UTO identity card, 2007 series (UTO-I-2007) (version 2);");
        // The method's identity (letterhead.json), the items' condition as the examiner amended it, the departures from
        // the method for the document that had one and "None" for the other.
        Holds("Method: DESC-PM-01, version 3");
        Holds($"Condition of the items on receipt {SampleReports.Condition} Amended by the examiner on 23 November 2026");
        Holds($"Deviations from the method Document 1 {SampleReports.PassportDeviation} Document 2 None");
        Assert.True(text.IndexOf("Condition of the items on receipt", StringComparison.Ordinal) < text.IndexOf("3 Method", StringComparison.Ordinal),
            "The condition is stated with the items, before the method.");
        // The results with units: each measurement with its number, figure, length and the scale it rests on.
        Holds("MEASUREMENTS No. Figure Length Scale What was measured"); // h4: capitals (report.css)
        Holds("M1 1 35.00 mm 300 dpi, the resolution recorded at capture Width of the portrait");
        Holds("M3 2 2.35 mm 300 dpi, the resolution recorded at capture Height of the MRZ characters");
        // Drawn on their figures, numbered, and listed under each with the length.
        Holds("M1 Measurement: 35.00 mm");
        Holds("M3 Measurement: 2.35 mm");
        foreach (var image in report.Images)
        {
            Holds($"SHA-256 of the original: {image.Sha256}");         // the full hash, unbroken
        }
        Assert.Equal(6, report.Images.Count);
        for (var figure = 1; figure <= 6; figure++) Holds($"Figure {figure}.");
        Holds("Photo substitution");
        Holds("The findings provide moderate support for the proposition rather than the alternative proposition.");
        var blocks = PdfText.Blocks(pdf);                               // who authorised it, each with their function
        Assert.Contains(blocks, b => PdfText.Holds(b, $"Examined and reported by {report.Examiner.Name} {report.Examiner.Function}"));
        Assert.Contains(blocks, b => PdfText.Holds(b, $"Technically reviewed and approved by {report.Reviewer.Name} {report.Reviewer.Function}"));
        Holds("The results relate only to the items examined.");
        Holds(report.VerificationCode);
        Holds(report.VerificationUrl.AbsoluteUri);
    }

    /// <summary>The text without the running header and footer of each page.</summary>
    private static string Body(ExpertReport report, IReadOnlyList<string> pages) =>
        PdfText.Body(pages, $"Document Examination Support Centre Report {report.ReportNumber}",
            page => $"Verification code {report.VerificationCode} Page {page} of {pages.Count}");

    [Fact]
    public async Task The_opinion_stands_under_a_heading_that_says_Opinion()
    {
        var (report, _, _, pages) = await ArabicAsync();
        var text = Body(report, pages);

        var heading = Regex.Matches(text, @"\bOpinion\b");
        Assert.Single(heading);
        var first = text.IndexOf(PdfText.Collapse(SampleReports.PassportConclusion), StringComparison.Ordinal);
        var second = text.IndexOf(PdfText.Collapse(SampleReports.CardConclusion), StringComparison.Ordinal);
        Assert.True(first > heading[0].Index, "The first conclusion comes after the Opinion heading.");
        Assert.True(second > first, "The conclusions follow in document order.");
        Assert.True(text.LastIndexOf(PdfText.Collapse(SampleReports.PassportConclusion), StringComparison.Ordinal) == first,
            "The conclusion is printed once, in the opinion.");
    }

    [Fact]
    public async Task A_national_name_in_Arabic_prints_with_its_letters_in_order()
    {
        var (_, html, _, pages) = await ArabicAsync();

        Assert.Contains($">{SampleReports.ArabicName}<", html, StringComparison.Ordinal); // characters, not entities
        Assert.True(PdfText.ContainsInAnyDirection(string.Join(' ', pages), SampleReports.ArabicName),
            "The Arabic name is in the PDF's text (NFKC, either direction).");
    }

    [Fact]
    public async Task A_national_name_in_Chinese_prints()
    {
        var (_, _, pages) = await ChineseAsync();

        Assert.True(PdfText.Holds(string.Join(' ', pages), SampleReports.ChineseName), "The Chinese name is in the PDF's text.");
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Markup_in_a_note_prints_as_literal_text()
    {
        var (_, html, _, pages) = await ArabicAsync();

        Assert.DoesNotContain("<b>x</b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;x&lt;/b&gt;", html, StringComparison.Ordinal);
        // The note wraps in its table cell, and PdfPig reads a table line by line across the cells: check each line.
        var text = string.Join(' ', pages);
        Assert.True(PdfText.Holds(text, "Ink reads <b>x</b> & \"bold\" under UV; see"), "The note's markup is printed as text.");
        Assert.True(PdfText.Holds(text, "<script>alert(1)</script>"), "The note's script element is printed as text.");
    }

    [Fact]
    public async Task A_report_that_cannot_be_right_is_refused_before_printing()
    {
        var good = SampleReports.TwoDocuments();
        var bad = good with
        {
            ReportNumber = "DESC-2026-000999-R1",
            VerificationCode = "not-a-code",
            Images = [good.Images[0] with { Sha256 = "abc", DocumentNumber = 7 }],
        };

        var e = await Assert.ThrowsAsync<ArgumentException>(() => Renderer.RenderHtmlAsync(bad, Ct));

        Assert.Contains("does not match reference DESC-2026-000123", e.Message, StringComparison.Ordinal);
        Assert.Contains("not a verification code", e.Message, StringComparison.Ordinal);
        Assert.Contains("64 lower-case hex digits", e.Message, StringComparison.Ordinal);
        Assert.Contains("shows document 7", e.Message, StringComparison.Ordinal);
        Assert.Empty(ReportRenderer.Check(good));

        // A measurement is printed with the figure it was made on: an image of its own document, a length, a scale.
        var passport = good.Documents[0];
        var misplaced = good with
        {
            Documents = [passport with { Measurements = [passport.Measurements[0] with { Figure = 4, LengthMm = 0 }] }, good.Documents[1]],
        };
        var m = await Assert.ThrowsAsync<ArgumentException>(() => Renderer.RenderHtmlAsync(misplaced, Ct));
        Assert.Contains("measurement M1 is on figure 4, which is not an image of this document", m.Message, StringComparison.Ordinal);
        Assert.Contains("measurement M1 needs a length and a resolution above 0", m.Message, StringComparison.Ordinal);
    }
}
