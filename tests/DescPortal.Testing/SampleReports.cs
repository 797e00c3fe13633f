using System.Security.Cryptography;
using DescPortal.Core;
using DescPortal.Core.Examination;
using DescPortal.Core.Opinion;
using DescPortal.Web.Features.ReferenceLibrary;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.Reports;
using NetVips;
using DescPortal.Web.Features.Cases;
using DescPortal.DemoData.Specimens;

namespace DescPortal.Testing;

/// <summary>
/// A realistic expert report for the report tests and the report benchmark: two documents (the demo Utopia passport
/// and identity card), six evidence images (each under white, UV and IR light, rendered from the demo specimens and
/// downscaled to JPEG as the report job does), numbered marks on the specimens' security features, and a bearer whose
/// national name is in Arabic or Chinese. Images are rendered once per process (about 2 s).
/// </summary>
public static class SampleReports
{
    // Point marks on dirt: drawn and listed under their figure, but no checklist item of the specimen.
    private const string SurfaceCondition = "Surface condition";

    public const string ArabicName = "محمد عبد الله";
    public const string ChineseName = "王小明";

    /// <summary>An observation note that is markup: the report must print it as text.</summary>
    public const string MarkupNote = "Ink reads <b>x</b> & \"bold\" under UV; see <script>alert(1)</script>";

    public const string PassportConclusion =
        "Document 1 is a genuine Utopia passport of the 2007 series whose portrait was replaced: it is forged by photo substitution.";

    public const string CardConclusion =
        "Document 2 is not a genuine Utopia identity card: it is a counterfeit, printed by inkjet on ordinary paper.";

    /// <summary>The condition of the items on receipt, as the examiner amended it.</summary>
    public const string Condition = "Passport: cover bent at the top right corner, laminate of the data page lifted at its lower edge. Identity card: intact.";

    /// <summary>The passport's departure from the method; the card's examination followed it ("None").</summary>
    public const string PassportDeviation =
        "The transmitted-light examination of the data page was left out: the lifted laminate would have torn further on the light table.";

    private static readonly Lazy<IReadOnlyList<(ReportImage Image, IReadOnlyList<(string Feature, Finding Finding)> Marks)>> Images =
        new(MakeImages);

    public static IReadOnlyList<ReportImage> EvidenceImages => [.. Images.Value.Select(i => i.Image)];

    public static ExpertReport TwoDocuments(string nationalName = ArabicName)
    {
        var images = Images.Value;
        var marksOf = images.SelectMany(i => i.Image.Annotations.Zip(i.Marks, (a, m) => (i.Image.DocumentNumber, a.Number, m.Feature, m.Finding)))
            .ToList();

        IReadOnlyList<ReportObservation> Observations(int document, string?[] notes) =>
        [
            .. marksOf.Where(m => m.DocumentNumber == document && m.Feature != SurfaceCondition)
                .GroupBy(m => m.Feature)
                .Select((g, i) => new ReportObservation(
                    g.Key, g.First().Finding, notes[i % notes.Length], [.. g.Select(m => m.Number)])),
        ];

        return new ExpertReport
        {
            ReportNumber = "DESC-2026-000123-R2",
            Version = 2,
            Supersedes = "DESC-2026-000123-R1",
            SupersessionReason = "The reviewer asked for the UV examination of the identity card's laminate to be added to the results.",
            VerificationCode = VerificationCode.Format([0x3A, 0x91, 0x07, 0xC4, 0x5E, 0x22, 0xB8, 0x6D, 0xF0, 0x19]),
            VerificationUrl = new Uri("https://desc.example/verify"),
            IssuedAt = new DateTimeOffset(2026, 11, 27, 15, 40, 0, TimeSpan.Zero),
            Agency = new ReportAgency("Border Crossing Point North", "BCP-NORTH"),
            CrossingPoint = "NORTH-AIRPORT (Utopia City International Airport, terminal 2)",
            Reference = "DESC-2026-000123",
            ReceivedAt = new DateTimeOffset(2026, 11, 20, 9, 14, 0, TimeSpan.Zero),
            ConditionOnReceipt = Condition,
            ConditionAmendedAt = new DateTimeOffset(2026, 11, 23, 9, 2, 0, TimeSpan.Zero),
            ExaminationStarted = new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero),
            ExaminationCompleted = new DateTimeOffset(2026, 11, 26, 16, 5, 0, TimeSpan.Zero),
            Bearer = new ReportBearer("AL-RASHID", "MOHAMMED ABDULLAH", nationalName, "UTO", "1984-03-17"),
            Documents =
            [
                new ReportDocument(1, DocumentType.Passport, "UTO", "L898902C3", FraudType.Forged, [ForgerySubType.PhotoSubstitution],
                    "The data page was examined under white, UV 365 nm and infrared light and compared with the reference specimen " +
                    "UTO-P-2007.\nThe substrate, the guilloche, the rainbow printing and the UV-fluorescent fibres are consistent with " +
                    "the specimen. Around the portrait the laminate has been lifted and re-sealed: its edge shows a step under oblique " +
                    "light, and the UV image shows a dull rectangle where the fluorescent pattern should continue over the portrait.\n" +
                    "The portrait itself is printed in colour toner, where the specimen's portrait is laser-engraved; the diffractive " +
                    "foil over its lower corner is missing. The MRZ check digits are all valid and the MRZ agrees with the data page.",
                    PassportConclusion,
                    "The chip was not read: no reader was available at the border post and the document was received without its " +
                    "certificate. Reading it would show whether the portrait stored in the chip matches the bearer.",
                    null,
                    Observations(1, [
                        "Pattern continuous and sharp across the page.",
                        "Dull rectangle around the portrait; the fluorescent pattern stops at its edge.",
                        MarkupNote,
                        "Portrait printed with toner: dots visible at 10×, no engraving relief.",
                        null,
                    ]),
                    new ReportMethod([LightSource.White, LightSource.WhiteOblique, LightSource.UV365, LightSource.IR],
                        "UTO passport, 2007 series (UTO-P-2007)", 3, MrzChecked: true))
                {
                    Deviations = PassportDeviation,
                    Measurements =
                    [
                        // M2 was removed in the workspace: numbers are the case's, never reused.
                        new ReportMeasurement(1, 1, 35.0, images[0].Image.Dpi ?? 300, null, null, null, "Width of the portrait")
                        {
                            Line = Across(images[0].Image, 0.08, 0.45, 0.40, 0.45),
                        },
                        new ReportMeasurement(3, 2, 2.35, images[1].Image.Dpi ?? 300, null, null, null, "Height of the MRZ characters")
                        {
                            Line = Across(images[1].Image, 0.10, 0.80, 0.10, 0.86),
                        },
                    ],
                },
                new ReportDocument(2, DocumentType.IdentityCard, "UTO", "D23145890", FraudType.Counterfeit, [],
                    "The card was examined under white, UV 365 nm and infrared light and compared with the reference specimen " +
                    "UTO-I-2007.\nThe card is printed by inkjet on a white plastic core without the specimen's guilloche structure: " +
                    "the fine lines break into droplets under magnification. It shows no UV-fluorescent features, and the multiple " +
                    "laser image is imitated by a printed picture that does not change with the viewing angle. Under infrared light the " +
                    "MRZ disappears, whereas the specimen's MRZ is printed in IR-absorbing ink.",
                    CardConclusion,
                    null,
                    new EvaluativeOpinion(
                        "Document 2 and the counterfeit card of referral DESC-2026-000087 were printed by the same printer.",
                        "Document 2 and the counterfeit card of referral DESC-2026-000087 were printed by different printers.",
                        EvaluativeSupport.Moderate),
                    Observations(2, [
                        "Fine lines broken into inkjet droplets.",
                        "No fluorescence anywhere on the card.",
                        "Printed imitation; nothing changes when the card is tilted.",
                        "MRZ invisible under IR: not printed in IR-absorbing ink.",
                    ]),
                    new ReportMethod([LightSource.White, LightSource.UV365, LightSource.IR], "UTO identity card, 2007 series (UTO-I-2007)", 2,
                        MrzChecked: true)),
            ],
            Images = EvidenceImages,
            Examiner = new ReportSignatory("Dr Ada Lind", "Forensic document examiner"),
            Reviewer = new ReportSignatory("Jonas Berg", "Technical reviewer, senior forensic document examiner"),
        };
    }

    /// <summary>A word longer than any line: it must wrap inside its table cell, not run off the page.</summary>
    public static readonly string UnbrokenNote = "Unbroken:" + string.Concat(Enumerable.Repeat("ABCDEFGHIJ", 14));

    /// <summary>
    /// The awkward cases in one report: a first version (nothing superseded), no crossing point, a bearer known only by
    /// a Cyrillic name, an inconclusive opinion with a neutral evaluative one, a portrait-format image with marks on
    /// its corners and edges and a dozen crowded marks, and a note that is one long word.
    /// </summary>
    public static ExpertReport Awkward()
    {
        var sample = TwoDocuments();
        var tall = sample.Images[0];
        using (var image = Image.NewFromBuffer(tall.Jpeg.ToArray()))
        using (var rotated = image.Rot90())
        {
            var (w, h) = (rotated.Width, rotated.Height);
            var crowded = Enumerable.Range(0, 12).Select(i => new ReportAnnotation(100 + i,
                AnnotationShape.Rectangle(w / 3 + (i % 4 * 14), h / 2 + (i / 4 * 14), 30, 30),
                (Finding)(i % 5), i == 0 ? UnbrokenNote : null));
            tall = tall with
            {
                Dpi = null,
                Jpeg = rotated.JpegsaveBuffer(q: 82),
                Width = w,
                Height = h,
                Annotations =
                [
                    new ReportAnnotation(90, AnnotationShape.Rectangle(0, 0, w, 40), Finding.Altered, "Top edge, whole width."),
                    new ReportAnnotation(91, AnnotationShape.Point(w - 1, h - 1), Finding.Absent, "Bottom right corner."),
                    new ReportAnnotation(92, AnnotationShape.Point(0, h - 1), Finding.Consistent, "Bottom left corner."),
                    new ReportAnnotation(93, AnnotationShape.Polygon(new Vertex(w - 1, 0), new Vertex(w - 1, 60), new Vertex(w - 60, 0)),
                        Finding.Inconsistent, "Top right corner."),
                    .. crowded,
                ],
            };
        }
        var first = sample.Documents[0];
        return sample with
        {
            ReportNumber = "DESC-2026-000123-R1",
            Version = 1,
            Supersedes = null,
            SupersessionReason = null,
            CrossingPoint = null,
            ConditionOnReceipt = null,
            ConditionAmendedAt = null,
            Bearer = new ReportBearer(null, null, "Пётр Иванович Сидоров", null, null),
            Documents =
            [
                first with
                {
                    FraudType = FraudType.Inconclusive,
                    ForgerySubTypes = [],
                    Findings = null,
                    Limitations = string.Join("\n", Enumerable.Repeat(
                        "The laminate could not be examined under transmitted light; a genuine document of the same series is needed.", 4)),
                    Evaluative = new EvaluativeOpinion("The two documents come from the same source.",
                        "The two documents come from different sources.", EvaluativeSupport.Neutral),
                    Observations = [new ReportObservation("Guilloche", Finding.NotAssessable, UnbrokenNote, [90, 100])],
                    Method = new ReportMethod([LightSource.White], null, null, MrzChecked: false),
                    Deviations = null,
                    // On an image captured without a resolution: the examiner calibrated it on the MRZ's character pitch.
                    Measurements =
                    [
                        new ReportMeasurement(1, 1, 12.7, 347.6, ScaleCalibrationMethod.MrzCharacterPitch, 25.4, 10, null)
                        {
                            Line = Across(tall, 0.2, 0.3, 0.2, 0.7),
                        },
                    ],
                },
            ],
            Images = [tall],
        };
    }

    // A measured line between two points given in fractions of the printed image's width and height.
    private static ReportLine Across(ReportImage image, double x1, double y1, double x2, double y2) =>
        new(x1 * image.Width, y1 * image.Height, x2 * image.Width, y2 * image.Height);

    private static List<(ReportImage Image, IReadOnlyList<(string Feature, Finding Finding)> Marks)> MakeImages()
    {
        var passport = DemoSpecimens.All.Single(s => s.Key == "UTO-P-2007");
        var card = DemoSpecimens.All.Single(s => s.Key == "UTO-I-2007");
        var result = new List<(ReportImage Image, IReadOnlyList<(string Feature, Finding Finding)> Marks)>();
        var number = 0;
        foreach (var (document, specimen, findings) in new[]
                 {
                     (1, passport, new[] { Finding.Consistent, Finding.Altered, Finding.Inconsistent }),
                     (2, card, new[] { Finding.Inconsistent, Finding.Absent, Finding.Inconsistent }),
                 })
        {
            foreach (var demo in specimen.Images.Where(i => i.Area == "DataPage").Take(3))
            {
                var original = demo.Render();
                var thumb = ImageDerivatives.MakeJpeg(original, ExpertReport.RecommendedImageWidth, ExpertReport.RecommendedImageWidth);
                var scale = (double)thumb.Width / demo.Width;
                var located = specimen.Features
                    .SelectMany(f => f.Locations.Where(l => l.ImageKey == demo.Key).Select(l => (Feature: f, Location: l)))
                    .Where(x => x.Location.Width * scale >= 12 && x.Location.Height * scale >= 12)
                    .DistinctBy(x => x.Feature.Type)
                    .Take(2)
                    .ToList();
                var annotations = new List<ReportAnnotation>();
                var marks = new List<(string, Finding)>();
                for (var i = 0; i < located.Count; i++)
                {
                    var (feature, l) = located[i];
                    var x = (int)(l.X * scale);
                    var y = (int)(l.Y * scale);
                    var w = Math.Max(1, Math.Min((int)(l.Width * scale), thumb.Width - x));
                    var h = Math.Max(1, Math.Min((int)(l.Height * scale), thumb.Height - y));
                    var finding = findings[i % findings.Length];
                    var shape = i == 1 && w > 40 && h > 40
                        ? AnnotationShape.Polygon(new Vertex(x, y + (h / 2)), new Vertex(x + (w / 2), y), new Vertex(x + w, y + (h / 2)), new Vertex(x + (w / 2), y + h))
                        : AnnotationShape.Rectangle(x, y, w, h);
                    annotations.Add(new ReportAnnotation(++number, shape, finding,
                        i == 0 ? $"{Words(feature.Type)}: {feature.Description}" : Words(feature.Type)));
                    marks.Add((Words(feature.Type), finding));
                }
                // A point mark on every image: a spot the examiner noted.
                annotations.Add(new ReportAnnotation(++number, AnnotationShape.Point(thumb.Width * 3 / 4, thumb.Height / 5),
                    Finding.NotAssessable, "Spot of dirt; not assessable."));
                marks.Add((SurfaceCondition, Finding.NotAssessable));

                result.Add((new ReportImage(
                    document,
                    Enum.Parse<DocumentArea>(demo.Area),
                    Enum.Parse<LightSource>(demo.LightSource),
                    demo.Dpi,
                    Convert.ToHexStringLower(SHA256.HashData(original)),
                    thumb.Bytes,
                    thumb.Width,
                    thumb.Height,
                    annotations), marks));
            }
        }
        return result;
    }

    // "UvFluorescent" → "UV fluorescent", as an examiner writes it.
    private static string Words(string code) => string.Join(' ', Web.Infrastructure.Localization.CodeLabels.Words(code)
        .Split(' ').Select(w => w is "Uv" or "uv" or "Ir" or "ir" or "Mrz" or "mrz" ? w.ToUpperInvariant() : w));
}
