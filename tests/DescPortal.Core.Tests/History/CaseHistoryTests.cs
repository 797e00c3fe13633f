using System.Globalization;
using DescPortal.Core.Examination;
using DescPortal.Core.History;
using DescPortal.Core.Mrz;
using DescPortal.Core.Opinion;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Core.Referrals;
using DescPortal.Core.Tests.Examination;
using Describer = DescPortal.Core.History.CaseHistory;
using Opinions = DescPortal.Core.Tests.Opinion.OpinionSamples;

namespace DescPortal.Core.Tests.History;

// The case history in words: every case event has a line of its own, lines say what changed in the pages' labels, the
// agency reads no unreviewed finding or internal text, and no line names the bearer.
public class CaseHistoryTests
{
    // A whole stream in words, each event read against the case folded up to it, as the Web's CaseRecord folds it.
    private static List<EventSummary> Of(IEnumerable<object> events)
    {
        var lines = new List<EventSummary>();
        Referral? referral = null;
        var examination = CaseExamination.Empty;
        foreach (var e in events)
        {
            lines.Add(Describer.Describe(e, referral, examination));
            referral = Referral.Evolve(referral, e);
            examination = CaseExamination.Evolve(examination, e);
        }
        return lines;
    }

    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    private const string Note = "Fluorescence brighter than the specimen's at the rosette";
    private const string Comments = "Say why the UV finding rules out a reprint.";

    [Fact]
    public void Every_case_event_has_a_line_of_its_own()
    {
        var caseEvents = typeof(IRecordedEvent).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IRecordedEvent).IsAssignableFrom(t)
                        && !typeof(ISpecimenEvent).IsAssignableFrom(t))
            .ToList();
        var stream = Stream();
        var lines = Of(stream);

        Assert.Contains(typeof(AnnotationAdded), caseEvents);
        Assert.Empty(caseEvents.Where(t => !stream.Any(e => e.GetType() == t))
            .Select(t => $"{t.Name} is not in this test's stream: add it, and give it a line in CaseHistory"));
        Assert.Empty(stream.Zip(lines).Where(x => x.Second.Centre.IsFallback || x.Second.SubmittingAgency.IsFallback)
            .Select(x => $"{x.First.GetType().Name} has no line of its own"));
        Assert.All(lines, l => Assert.DoesNotContain("{", l.Centre.In(English) + l.SubmittingAgency.In(English), StringComparison.Ordinal));
    }

    [Fact]
    public void An_event_without_a_line_reads_as_its_name()
    {
        var summary = Describer.Describe(new SomethingRecorded("someone", ExaminationSamples.Now), null, CaseExamination.Empty);

        Assert.True(summary.IsFallback);
        Assert.Equal("Something recorded", summary.Centre.In(English));
    }

    [Fact]
    public void Lines_name_the_mark_image_light_feature_and_finding_in_the_pages_labels()
    {
        var stream = Stream();
        var lines = Of(stream);
        HistoryLine Line<T>(HistoryAudience audience, int nth = 0) =>
            stream.Zip(lines).Where(x => x.First is T).Select(x => x.Second.For(audience)).ElementAt(nth);

        var submitted = Line<ReferralSubmitted>(HistoryAudience.SubmittingAgency);
        Assert.Equal("Urgent referral DESC-2026-000042 submitted at NORTH-GATE: Passport and Identity card", submitted.In(English));
        Assert.Equal("Evidence attached: image 2 (document 1, Data page, UV 365 nm (long-wave))",
            Line<EvidenceImageAttached>(HistoryAudience.Centre, 1).In(English));

        // An integrity alarm names the image and what found it, for both sides: the agency is refused the image too.
        Assert.Equal("Integrity check failed: image 3 (document 2, Data page, White light, reflected) no longer matches the SHA-256 taken at "
            + "acquisition (found when downloaded through the API); it is no longer shown or used",
            Line<EvidenceIntegrityFailed>(HistoryAudience.SubmittingAgency).In(English));

        var mark = Line<AnnotationAdded>(HistoryAudience.Centre);
        Assert.Equal("Mark 1 added on image 2 (document 1, Data page, UV 365 nm (long-wave)): UV-fluorescent ink — Inconsistent with the genuine",
            mark.In(English));
        Assert.Equal(Note, mark.Text);
        Assert.Equal("Mark 2 on image 1 (document 1, Data page, White light, reflected) changed: Consistent with the genuine",
            Line<AnnotationChanged>(HistoryAudience.Centre).In(English));
        Assert.Equal("Mark 2 removed from image 1 (document 1, Data page, White light, reflected)",
            Line<AnnotationRemoved>(HistoryAudience.Centre).In(English));
        Assert.Equal("Checklist of document 1: feature 3, UV-fluorescent ink — Inconsistent with the genuine, mark 1",
            Line<ChecklistObservationRecorded>(HistoryAudience.Centre).In(English));
        Assert.Equal("MRZ of document 1 checked: 1 error; it differs from the entered data in Surname",
            Line<MrzChecked>(HistoryAudience.Centre).In(English));
        Assert.Equal("Scale of image 3 (document 2, Data page, White light, reflected) calibrated on 10 MRZ character pitches: 635 dpi",
            Line<ScaleCalibrated>(HistoryAudience.Centre, 1).In(English));
        Assert.Equal("Opinion on document 1 drafted: Forged (falsified): Photo substitution", Line<OpinionDrafted>(HistoryAudience.Centre).In(English));
        Assert.Equal("Measurement M1 on image 2 (document 1, Data page, UV 365 nm (long-wave)): 12.70 mm",
            Line<MeasurementRecorded>(HistoryAudience.Centre).In(English));
        Assert.Equal("Portrait width", Line<MeasurementRecorded>(HistoryAudience.Centre).Text);
        Assert.Equal("Measurement M2 removed from image 1 (document 1, Data page, White light, reflected)",
            Line<MeasurementRemoved>(HistoryAudience.SubmittingAgency).In(English));
        var amended = Line<ConditionOnReceiptAmended>(HistoryAudience.Centre);
        Assert.Equal("Condition of the items on receipt amended by the examiner", amended.In(English));
        Assert.Equal("Cover bent at the top corner; the data page laminate is intact.", amended.Text);

        var returned = Line<ReviewReturned>(HistoryAudience.Centre);
        Assert.Equal("Opinion of round 1 returned to the examiner by Dr Cy Holm", returned.In(English));
        Assert.Equal(Comments, returned.Text);
        Assert.Equal("Request for more material answered with image 4 (document 1, Data page, Infrared (IR))",
            Line<InformationProvided>(HistoryAudience.SubmittingAgency).In(English));
        Assert.Equal("Report DESC-2026-000042-R1 issued", Line<ReportIssued>(HistoryAudience.SubmittingAgency).In(English));
    }

    [Fact]
    public void The_agency_reads_what_was_done_without_unreviewed_findings_or_the_centres_notes_and_comments()
    {
        var stream = Stream();
        var lines = Of(stream);
        HistoryLine Agency<T>() => stream.Zip(lines).First(x => x.First is T).Second.SubmittingAgency;

        var mark = Agency<AnnotationAdded>();
        Assert.Equal("Mark 1 added on image 2 (document 1, Data page, UV 365 nm (long-wave))", mark.In(English));
        Assert.Null(mark.Text);
        Assert.Equal("Checklist of document 1: feature 3, UV-fluorescent ink observed", Agency<ChecklistObservationRecorded>().In(English));
        Assert.Equal("Opinion on document 1 drafted", Agency<OpinionDrafted>().In(English));
        Assert.Equal("MRZ of document 1 checked", Agency<MrzChecked>().In(English));
        Assert.Equal("Measurement M1 recorded on image 2 (document 1, Data page, UV 365 nm (long-wave))", Agency<MeasurementRecorded>().In(English));
        Assert.Null(Agency<MeasurementRecorded>().Text);
        Assert.Null(Agency<ConditionOnReceiptAmended>().Text);
        Assert.Equal("Reference specimen chosen for document 1", Agency<ReferenceSpecimenChosen>().In(English));
        Assert.Null(Agency<ReviewReturned>().Text);
        Assert.Null(Agency<CaseReopened>().Text);
        // What both sides exchange, both read.
        Assert.Equal("Send the data page under IR light.", Agency<InformationRequested>().Text);

        var everything = string.Join("\n", lines.Select(l => $"{l.SubmittingAgency.In(English)} {l.SubmittingAgency.Text}"));
        foreach (var label in Enum.GetValues<Finding>().Select(f => Labels.Of(f, English)).Concat([Labels.Of(FraudType.Forged, English)]))
        {
            Assert.DoesNotContain(label, everything, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(Note, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(Comments, everything, StringComparison.Ordinal);
    }

    [Fact]
    public void No_line_names_the_bearer_whoever_reads_it()
    {
        var submitted = (ReferralSubmitted)Stream()[0];
        var bearer = submitted.Bearer;
        var personal = new[] { bearer.Surname, bearer.GivenNames, "ANNA", "1974-08-12", "740812", "12.08.1974" }
            .Concat(submitted.Documents.Select(d => d.DocumentNumber!))
            .Concat(submitted.Documents.SelectMany(d => d.Mrz?.Split('\n') ?? []))
            .ToList();

        var lines = Of(Stream());

        foreach (var audience in Enum.GetValues<HistoryAudience>())
        {
            var words = string.Join("\n", lines.Select(l => $"{l.For(audience).In(English)} {l.For(audience).Text}"));
            Assert.All(personal, p => Assert.DoesNotContain(p, words, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void A_line_is_worded_when_shown_in_the_readers_culture_with_numbers_written_invariantly()
    {
        var lines = Of(Stream());
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            // No German resources: the English, and "635 dpi", not a German-formatted number.
            var calibrated = lines.Select(l => l.Centre.ToString()).Single(l => l.Contains("MRZ character", StringComparison.Ordinal));
            Assert.EndsWith("635 dpi", calibrated, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private sealed record SomethingRecorded(string Actor, DateTimeOffset At) : IRecordedEvent;

    /// <summary>
    /// A case through every kind of event: the examination samples' case (passport and identity card, three images),
    /// whose reason for suspicion and image note name the bearer, examined, returned, answered, approved, reported
    /// and reopened.
    /// </summary>
    private static List<object> Stream()
    {
        var s = ExaminationSamples.Submitted() with { Reason = "ERIKSSON ANNA MARIA, passport L898902C3: portrait looks replaced" };
        var at = ExaminationSamples.Now;
        var id = ExaminationSamples.CaseId;
        var actor = ExaminationSamples.Examiner.Actor;
        var events = new List<object>
        {
            s,
            ExaminationSamples.Attached(ExaminationSamples.PassportWhite, 0, LightSource.White, 600, 4000, 3000)
                with { Note = "Data page of ERIKSSON, L898902C3" },
            ExaminationSamples.Attached(ExaminationSamples.PassportUv, 0, LightSource.UV365, null, 4000, 3000),
            ExaminationSamples.Attached(ExaminationSamples.CardWhite, 1, LightSource.White, null, 2000, 1400),
            new EvidenceThumbnailCreated(id, ExaminationSamples.PassportWhite, "thumbs/1.jpg", 512, 384, new string('a', 64), "thumbnail job", at),
            new EvidenceIntegrityFailed(id, ExaminationSamples.CardWhite, new string('a', 64), new string('b', 64), EvidenceUse.Downloaded,
                "BCP-NORTH (API key)", at),
            ExaminationSamples.Assigned(),
            new ConditionOnReceiptAmended(id, "Cover bent at the top corner; the data page laminate is intact.", actor, at),
        };
        var referral = Referral.Fold(events)!;
        events.AddRange(ExaminationDecider.ChooseReferenceSpecimen(referral, CaseExamination.Fold(events), 0,
            ExaminationSamples.PassportSpecimen(), ExaminationSamples.Examiner, at));
        var uvMark = new Annotation(ExaminationSamples.AnnotationId(1), ExaminationSamples.PassportUv, AnnotationShape.Rectangle(100, 200, 300, 150),
            new FeatureReference(ExaminationSamples.SpecimenId, ExaminationSamples.UvInk), Finding.Inconsistent, Note);
        var whiteMark = new Annotation(ExaminationSamples.AnnotationId(2), ExaminationSamples.PassportWhite, AnnotationShape.Point(40, 40),
            null, Finding.NotAssessable, null);
        events.AddRange(
        [
            new AnnotationAdded(id, uvMark, actor, at),
            new AnnotationAdded(id, whiteMark, actor, at),
            new AnnotationChanged(id, whiteMark with { Finding = Finding.Consistent }, actor, at),
            new ChecklistObservationRecorded(id, 0, ExaminationSamples.UvInk, Finding.Inconsistent, "See mark 1.", [uvMark.AnnotationId], actor, at),
            new AnnotationRemoved(id, whiteMark.AnnotationId, actor, at),
            new ScaleCalibrated(id, ExaminationSamples.PassportUv, ScaleCalibrationMethod.KnownDistance, new ImagePoint(0, 0),
                new ImagePoint(2362.2, 0), 100, null, 23.622, actor, at),
            new ScaleCalibrated(id, ExaminationSamples.CardWhite, ScaleCalibrationMethod.MrzCharacterPitch, new ImagePoint(0, 0),
                new ImagePoint(625, 0), 25.4, 10, 25, actor, at),
            new MeasurementRecorded(id, new Measurement(ExaminationSamples.AnnotationId(7), ExaminationSamples.PassportUv,
                new ImagePoint(0, 0), new ImagePoint(300, 0), 12.7, new MeasurementScale(23.622, ScaleCalibrationMethod.KnownDistance, 100, null),
                "Portrait width"), actor, at),
            new MeasurementRecorded(id, new Measurement(ExaminationSamples.AnnotationId(8), ExaminationSamples.PassportWhite,
                new ImagePoint(0, 0), new ImagePoint(100, 0), 4.23, new MeasurementScale(23.622, null, null, null), null), actor, at),
            new MeasurementRemoved(id, ExaminationSamples.AnnotationId(8), actor, at),
            new ImagesAligned(id, ExaminationSamples.PassportWhite, ExaminationSamples.SpecimenId, ExaminationSamples.SpecimenWhiteImage,
                [], new AffineTransform(1, 0, 0, 0, 1, 0), 1.25, actor, at),
            new MrzChecked(id, 0, MrzFormat.TD3, false, [new MrzDigitCheck(MrzCheckedField.DocumentNumber, "6", "7", false)], 1,
                [new MrzFieldOutcome(MrzComparedField.Surname, MrzComparisonResult.Discrepancy, "The MRZ and the entered surname differ."),
                 new MrzFieldOutcome(MrzComparedField.DateOfBirth, MrzComparisonResult.Consistent, null)], actor, at),
            new OpinionDrafted(id, 0, FraudType.Forged, [ForgerySubType.PhotoSubstitution], "Cut line around the portrait.",
                "A genuine passport whose portrait was substituted.", null, null, actor, at),
            new InformationRequested(id, Opinions.RequestId(1), "Send the data page under IR light.", actor, at),
            Opinions.IrAttached() with { Actor = "Kim Noor <kim@border.test>" },
            new InformationProvided(id, Opinions.RequestId(1), "IR image attached.", [Opinions.PassportIr], "Kim Noor <kim@border.test>", at),
            new SubmittedForReview(id, 1, null, actor, at),
            new ReviewReturned(id, 1, "reviewer-5", "Dr Cy Holm", Comments, "Dr Cy Holm <cy@desc.test>", at),
            new SubmittedForReview(id, 2, "Added the UV comparison with the specimen.", actor, at),
            new OpinionApproved(id, Opinions.ApprovalId(1), 2, "reviewer-5", "Dr Cy Holm", "Dr Cy Holm <cy@desc.test>", at),
            new ReportIssued(id, Opinions.ApprovalId(1), "DESC-2026-000042-R1", 1, Opinions.Code(1), "reports/r1.pdf", Opinions.Sha('1'), null, "report job", at),
            new CaseReopened(id, "DESC-2026-000042-R1", "The officer sent the cover page; the stitching needs a look.", actor, at),
            new ReportIssued(id, Opinions.ApprovalId(2), "DESC-2026-000042-R2", 2, Opinions.Code(2), "reports/r2.pdf", Opinions.Sha('2'),
                "DESC-2026-000042-R1", "report job", at),
        ]);
        return events;
    }
}
