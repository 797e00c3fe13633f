using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;

namespace DescPortal.IntegrationTests.Reports;

/// <summary>
/// The text of a PDF as PdfPig reads it back, one string per page, whitespace collapsed to single spaces (wrapped lines
/// and table cells come back as separate words).
/// </summary>
public static partial class PdfText
{
    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => Collapse(string.Join(' ', p.GetWords().Select(w => w.Text))))];
    }

    /// <summary>
    /// The text blocks of every page (PdfPig's Docstrum layout analysis): a table cell or a paragraph each, so that what
    /// belongs together (a name and the function under it) can be checked together.
    /// </summary>
    public static IReadOnlyList<string> Blocks(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return
        [
            .. document.GetPages().SelectMany(p => DocstrumBoundingBoxes.Instance
                .GetBlocks(p.GetWords(NearestNeighbourWordExtractor.Instance))
                .Select(b => Collapse(b.Text))),
        ];
    }

    /// <summary>
    /// The words that stick out sideways past the page's left or right margin (in points; A4 is 595 pt wide): text
    /// that overflowed its box. Running headers and footers sit within the margins too.
    /// </summary>
    public static IReadOnlyList<string> OutsideMargins(byte[] pdf, double margin)
    {
        using var document = PdfDocument.Open(pdf);
        return
        [
            .. document.GetPages().SelectMany(p => p.GetWords()
                .Where(w => w.BoundingBox.Left < margin - 1 || w.BoundingBox.Right > p.Width - margin + 1)
                .Select(w => $"page {p.Number}: '{w.Text}' at {w.BoundingBox.Left:F0}..{w.BoundingBox.Right:F0} of {p.Width:F0}")),
        ];
    }

    public static string Collapse(string text) => Spaces().Replace(text, " ").Trim();

    /// <summary>
    /// The pages' text in one string without each page's running header and footer (the page margin boxes, which
    /// PdfPig reads first and last on every page), so that a paragraph broken across two pages reads as one.
    /// </summary>
    public static string Body(IReadOnlyList<string> pages, string header, Func<int, string> footer)
    {
        var body = new List<string>();
        for (var i = 0; i < pages.Count; i++)
        {
            var text = pages[i].Normalize(NormalizationForm.FormKC);
            var top = Collapse(header);
            var bottom = Collapse(footer(i + 1));
            if (text.StartsWith(top, StringComparison.Ordinal)) text = text[top.Length..];
            if (text.EndsWith(bottom, StringComparison.Ordinal)) text = text[..^bottom.Length];
            body.Add(text.Trim());
        }
        return string.Join(' ', body);
    }

    /// <summary>
    /// Whether <paramref name="text"/> holds <paramref name="expected"/>, compared after NFKC with all whitespace
    /// ignored: Chromium breaks lines after hyphens ("UTO-P-" / "2007"), and the fonts' ToUnicode maps give some glyphs
    /// as compatibility characters (the ligature "ﬁ", the Kangxi radical "⼩" for 小), which NFKC folds back.
    /// </summary>
    public static bool Holds(string text, string expected) =>
        NoSpaces(text.Normalize(NormalizationForm.FormKC))
            .Contains(NoSpaces(expected.Normalize(NormalizationForm.FormKC)), StringComparison.Ordinal);

    /// <summary>
    /// Whether <paramref name="text"/> holds <paramref name="expected"/> (e.g. an Arabic name) whichever direction the
    /// PDF stored it in. PdfPig returns right-to-left text in visual order, as presentation forms (and ligatures such
    /// as ﷲ): compare after NFKC, reading the text both ways, spaces ignored.
    /// </summary>
    public static bool ContainsInAnyDirection(string text, string expected)
    {
        var want = NoSpaces(expected.Normalize(NormalizationForm.FormKC));
        var forwards = NoSpaces(text.Normalize(NormalizationForm.FormKC));
        var backwards = NoSpaces(Reverse(text).Normalize(NormalizationForm.FormKC));
        return forwards.Contains(want, StringComparison.Ordinal) || backwards.Contains(want, StringComparison.Ordinal);
    }

    private static string Reverse(string text)
    {
        var elements = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext()) elements.Add(e.GetTextElement());
        elements.Reverse();
        return string.Concat(elements);
    }

    private static string NoSpaces(string text) => Spaces().Replace(text, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
