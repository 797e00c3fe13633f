using DescPortal.Core.ReferenceLibrary;
using DescPortal.Core.Referrals;

namespace DescPortal.Core.Examination;

// Alignment: an evidence image registered onto a specimen's image from pairs of points, as an affine transform.
public static partial class ExaminationDecider
{
    public const int MinAlignmentPairs = 3;
    public const int MaxAlignmentPairs = 50;

    /// <summary>
    /// Registers an evidence image onto an image of a specimen from at least three pairs of points marking the same
    /// spots on both, as the least-squares affine transform from specimen pixels to evidence pixels. The same pairs
    /// again change nothing; other pairs replace the alignment of these two images.
    /// </summary>
    public static IReadOnlyList<object> AlignImages(
        Referral current,
        CaseExamination examination,
        Guid evidenceImageId,
        Specimen specimen,
        Guid specimenImageId,
        IReadOnlyList<PointPair> pairs,
        ExaminationActor actor,
        DateTimeOffset now)
    {
        RequireAssignedExaminer(current, examination, actor, now, Refusals.Cases.Doing.AlignImages);
        ArgumentNullException.ThrowIfNull(specimen);
        ArgumentNullException.ThrowIfNull(pairs);
        var image = EvidenceImage(current, evidenceImageId);
        var specimenImage = specimen.FindImage(specimenImageId)
            ?? throw new DomainException(Refusals.Examination.AlignmentNoSuchSpecimenImage, specimen.Name);
        if (pairs.Count < MinAlignmentPairs)
        {
            throw new DomainException(Refusals.Examination.AlignmentTooFewPairs, MinAlignmentPairs, pairs.Count);
        }
        if (pairs.Count > MaxAlignmentPairs)
        {
            throw new DomainException(Refusals.Examination.AlignmentTooManyPairs, MaxAlignmentPairs);
        }
        for (var i = 0; i < pairs.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(pairs[i], nameof(pairs));
            var onSpecimen = PointProblem(pairs[i].Specimen, specimenImage.Width, specimenImage.Height, Refusals.Examination.Images.SpecimenImage);
            var onEvidence = PointProblem(pairs[i].Evidence, image.Width, image.Height, Refusals.Examination.Images.EvidenceImage);
            if ((onSpecimen ?? onEvidence) is { } problem)
            {
                throw new DomainException(Refusals.Examination.AlignmentPairRefused, i + 1, problem);
            }
        }
        var fit = AffineTransform.Fit(pairs);
        if (examination.AlignmentOf(evidenceImageId, specimenImageId) is { } aligned
            && aligned.SpecimenId == specimen.Id && aligned.Pairs.SequenceEqual(pairs))
        {
            return [];
        }
        return
        [
            new ImagesAligned(current.Id, evidenceImageId, specimen.Id, specimenImageId, [.. pairs], fit.Transform,
                fit.RmsResidualPixels, actor.Actor, now),
        ];
    }
}
