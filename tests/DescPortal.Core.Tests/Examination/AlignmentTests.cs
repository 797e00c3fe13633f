using DescPortal.Core.Examination;
using DescPortal.Core.ReferenceLibrary;
using static DescPortal.Core.Tests.Examination.ExaminationSamples;

namespace DescPortal.Core.Tests.Examination;

// Registering an evidence image onto a specimen image: the least-squares affine fit, its refusals, and the mapping
// of specimen regions onto the questioned image.
public class AlignmentTests
{
    private static readonly DateTimeOffset Later = Now.AddHours(1);

    // Rotated by 4°, scaled by 0.8 in x and 0.75 in y, slightly sheared, shifted: what a phone picture of a flat page
    // held askew looks like next to a 600 dpi scan.
    private static readonly AffineTransform Known = new(
        0.8 * Math.Cos(0.07), -0.75 * Math.Sin(0.07) + 0.02, 310.5,
        0.8 * Math.Sin(0.07), 0.75 * Math.Cos(0.07), 145.25);

    private static PointPair Pair(double x, double y, double noiseX = 0, double noiseY = 0)
    {
        var mapped = Known.Map(new ImagePoint(x, y));
        return new PointPair(new ImagePoint(x, y), new ImagePoint(mapped.X + noiseX, mapped.Y + noiseY));
    }

    private static IReadOnlyList<object> Align(CaseHistory history, IReadOnlyList<PointPair> pairs) =>
        history.When((c, e) => ExaminationDecider.AlignImages(c, e, PassportWhite, PassportSpecimen(), SpecimenWhiteImage, pairs, Examiner, Later));

    private static void AssertClose(AffineTransform expected, AffineTransform actual, double linear, double shift)
    {
        Assert.Equal(expected.A, actual.A, linear);
        Assert.Equal(expected.B, actual.B, linear);
        Assert.Equal(expected.D, actual.D, linear);
        Assert.Equal(expected.E, actual.E, linear);
        Assert.Equal(expected.C, actual.C, shift);
        Assert.Equal(expected.F, actual.F, shift);
    }

    [Fact]
    public void ThreePairsRecoverTheTransformExactly()
    {
        var pairs = new[] { Pair(500, 400), Pair(3600, 700), Pair(900, 2700) };

        var aligned = Assert.IsType<ImagesAligned>(Assert.Single(Align(CaseHistory.InExamination(), pairs)));

        Assert.Equal((PassportWhite, SpecimenId, SpecimenWhiteImage), (aligned.EvidenceImageId, aligned.SpecimenId, aligned.SpecimenImageId));
        Assert.Equal(pairs, aligned.Pairs);
        AssertClose(Known, aligned.Transform, 1e-12, 1e-8);
        Assert.True(aligned.RmsResidualPixels < 1e-9, $"RMS {aligned.RmsResidualPixels}");
    }

    [Fact]
    public void FiveNoisyPairsRecoverTheTransformWithASmallResidual()
    {
        // Half-pixel clicking errors, fixed so the test is repeatable.
        var pairs = new[]
        {
            Pair(300, 300, 0.4, -0.3), Pair(3700, 350, -0.5, 0.2), Pair(3650, 2700, 0.3, 0.5),
            Pair(350, 2650, -0.2, -0.4), Pair(2000, 1500, 0.1, 0.3),
        };

        var fit = AffineTransform.Fit(pairs);

        AssertClose(Known, fit.Transform, 5e-4, 1.5);
        Assert.InRange(fit.RmsResidualPixels, 0.05, 0.6);
        // The residual is what the fit leaves: recomputed by hand from the pairs.
        var squares = pairs.Sum(p =>
        {
            var m = fit.Transform.Map(p.Specimen);
            return Math.Pow(m.X - p.Evidence.X, 2) + Math.Pow(m.Y - p.Evidence.Y, 2);
        });
        Assert.Equal(Math.Sqrt(squares / 5), fit.RmsResidualPixels, 12);
    }

    [Fact]
    public void TheFitIsLeastSquares()
    {
        // Nudging any coefficient of the fitted transform makes the residual larger.
        var pairs = new[] { Pair(300, 300, 2, -1), Pair(3700, 350, -1, 1), Pair(3650, 2700, 1, 2), Pair(350, 2650, -2, -2) };
        var fit = AffineTransform.Fit(pairs);
        double Rms(AffineTransform t) => Math.Sqrt(pairs.Average(p =>
            Math.Pow(t.Map(p.Specimen).X - p.Evidence.X, 2) + Math.Pow(t.Map(p.Specimen).Y - p.Evidence.Y, 2)));

        Assert.Equal(fit.RmsResidualPixels, Rms(fit.Transform), 12);
        foreach (var nudged in new[]
                 {
                     fit.Transform with { A = fit.Transform.A + 1e-4 }, fit.Transform with { B = fit.Transform.B - 1e-4 },
                     fit.Transform with { C = fit.Transform.C + 0.5 }, fit.Transform with { D = fit.Transform.D + 1e-4 },
                     fit.Transform with { E = fit.Transform.E - 1e-4 }, fit.Transform with { F = fit.Transform.F - 0.5 },
                 })
        {
            Assert.True(Rms(nudged) > fit.RmsResidualPixels);
        }
    }

    [Theory]
    [InlineData("specimen line", Refusals.Examination.AlignmentPointsInLine, "The specimen points lie on one line; an alignment needs at least three points that are not in a line, spread across the document (three corners, say).")]
    [InlineData("evidence line", Refusals.Examination.AlignmentPointsInLine, "The evidence points lie on one line; an alignment needs at least three points that are not in a line, spread across the document (three corners, say).")]
    [InlineData("same spot", Refusals.Examination.AlignmentPointsCoincide, "The specimen points all fall on the same spot; an alignment needs at least three points spread across the document.")]
    public void DegeneratePointsAreRefused(string which, string code, string expected)
    {
        PointPair[] pairs = which switch
        {
            // The third point 5 pixels off a 3000-pixel line is still a line for the fit.
            "specimen line" => [Pair(0, 0), Pair(1500, 1500), Pair(3005, 3000)],
            "evidence line" => [new(new(100, 100), new(100, 100)), new(new(3000, 200), new(1000, 1000)), new(new(500, 2800), new(2000, 2000))],
            _ => [new(new(700, 700), new(100, 100)), new(new(700, 700), new(1000, 100)), new(new(700.5, 700), new(100, 1000))],
        };

        var refusal = Assert.Throws<DomainException>(() => Align(CaseHistory.InExamination(), pairs));

        RefusalAssert.Equal(code, expected, refusal);
    }

    [Fact]
    public void TooFewPairsOrPointsOffAnImageAreRefused()
    {
        var history = CaseHistory.InExamination();

        var two = Assert.Throws<DomainException>(() => Align(history, [Pair(0, 0), Pair(1000, 1000)]));
        var offSpecimen = Assert.Throws<DomainException>(() => Align(history, [Pair(0, 0), new(new(4100, 10), new(10, 10)), Pair(0, 1000)]));
        var offEvidence = Assert.Throws<DomainException>(() => Align(history, [Pair(0, 0), Pair(1000, 0), new(new(0, 1000), new(10, 3000.5))]));
        var noImage = Assert.Throws<DomainException>(() => history.When((c, e) =>
            ExaminationDecider.AlignImages(c, e, PassportWhite, PassportSpecimen(), Guid.NewGuid(), [Pair(0, 0), Pair(1000, 0), Pair(0, 1000)], Examiner, Later)));

        RefusalAssert.Equal(Refusals.Examination.AlignmentTooFewPairs, "An alignment needs at least 3 pairs of points; 2 were given.", two);
        RefusalAssert.Equal(Refusals.Examination.AlignmentPairRefused,
            "Pair 2: the point (x 4100, y 10) does not lie within the specimen image, which is 4000 × 3000 pixels.", offSpecimen);
        RefusalAssert.Equal(Refusals.Examination.AlignmentPairRefused,
            "Pair 3: the point (x 10, y 3000.5) does not lie within the evidence image, which is 4000 × 3000 pixels.", offEvidence);
        Assert.Equal(Refusals.Examination.PointOutsideImage, Assert.IsType<Phrase>(offEvidence.Arguments[1]).Code);
        RefusalAssert.Equal(Refusals.Examination.AlignmentNoSuchSpecimenImage, "UTO Passport 2020 series has no such image.", noImage);
    }

    [Fact]
    public void TheSamePairsAgainChangeNothingAndOthersReplaceTheAlignment()
    {
        PointPair[] first = [Pair(500, 400), Pair(3600, 700), Pair(900, 2700)];
        var history = CaseHistory.InExamination()
            .Then((c, e) => ExaminationDecider.AlignImages(c, e, PassportWhite, PassportSpecimen(), SpecimenWhiteImage, first, Examiner, Now));

        var again = Align(history, [Pair(500, 400), Pair(3600, 700), Pair(900, 2700)]);
        history.Then((c, e) => ExaminationDecider.AlignImages(c, e, PassportWhite, PassportSpecimen(), SpecimenWhiteImage,
            [.. first, Pair(2000, 1500, 0.5, 0.5)], Examiner, Later));

        Assert.Empty(again);
        var alignment = Assert.Single(history.Examination.AlignmentsOf(PassportWhite));
        Assert.Equal(4, alignment.Pairs.Count);
        Assert.Equal(alignment, history.Examination.AlignmentOf(PassportWhite, SpecimenWhiteImage));
        Assert.True(alignment.RmsResidualPixels > 0);
    }

    [Fact]
    public void ARectangleMapsToTheCornersOfItsImage()
    {
        var scaleAndShift = new AffineTransform(2, 0, 10, 0, 2, 20);
        // A quarter turn clockwise in image coordinates (y down): x' = 3000 - y, y' = x.
        var quarterTurn = new AffineTransform(0, -1, 3000, 1, 0, 0);
        var location = new FeatureLocation(SpecimenWhiteImage, 100, 200, 50, 30);

        Assert.Equal([new ImagePoint(210, 420), new ImagePoint(310, 420), new ImagePoint(310, 480), new ImagePoint(210, 480)], scaleAndShift.Map(location));
        Assert.Equal([new ImagePoint(2800, 100), new ImagePoint(2800, 150), new ImagePoint(2770, 150), new ImagePoint(2770, 100)], quarterTurn.Map(location));
    }

    [Fact]
    public void TheOverlayDrawsTheSpecimensRegionsOfTheAlignedImageOnTheEvidence()
    {
        var shift = new AffineTransform(1, 0, 5, 0, 1, 3);
        var pairs = new[] { new ImagePoint(0, 0), new ImagePoint(1000, 0), new ImagePoint(0, 1000) }
            .Select(p => new PointPair(p, shift.Map(p))).ToArray();
        var history = CaseHistory.InExamination()
            .Then((c, e) => ExaminationDecider.AlignImages(c, e, PassportWhite, PassportSpecimen(), SpecimenWhiteImage, pairs, Examiner, Now));
        var alignment = history.Examination.AlignmentOf(PassportWhite, SpecimenWhiteImage)!;
        var specimen = PassportSpecimen();

        var overlay = alignment.Overlay(specimen);

        // The white-light image carries the guilloche, the laser engraving and the microprinting; the UV ink is on the UV image.
        Assert.Equal([Guilloche, LaserEngraving, Microprinting], overlay.Select(o => o.FeatureId));
        var micro = specimen.FindFeature(Microprinting)!.Locations[0];
        Assert.Equal(alignment.Transform.Map(micro), overlay[2].Polygon);
        Assert.Equal(alignment.Map(micro), overlay[2].Polygon);
        Assert.Equal(205, overlay[2].Polygon[0].X, 9);
        Assert.Equal(1753, overlay[2].Polygon[0].Y, 9);
        Assert.Throws<ArgumentException>(() => alignment.Map(specimen.FindFeature(UvInk)!.Locations[0]));
    }
}
