using DescPortal.Core.Examination;
using DescPortal.Core.Referrals;
using static DescPortal.Core.Tests.Examination.ExaminationSamples;
using ExaminationState = DescPortal.Core.Examination.CaseExamination;

namespace DescPortal.Core.Tests.Examination;

// Who may work on the examination, and when.
public class ExaminationAccessTests
{
    private static readonly Annotation Mark =
        new(AnnotationId(1), PassportWhite, AnnotationShape.Rectangle(10, 20, 300, 400), null, Finding.Consistent, null);

    /// <summary>One of each command, decided for an actor on a case.</summary>
    public static TheoryData<string> Commands => ["annotate", "remove", "choose", "observe", "calibrate", "pitch", "align", "mrz"];

    private static IReadOnlyList<object> Decide(string command, Referral referral, ExaminationState examination, ExaminationActor actor)
    {
        var later = Now.AddHours(1);
        return command switch
        {
            "annotate" => ExaminationDecider.AddAnnotation(referral, examination, Mark, actor, later),
            "remove" => ExaminationDecider.RemoveAnnotation(referral, examination, AnnotationId(1), actor, later),
            "choose" => ExaminationDecider.ChooseReferenceSpecimen(referral, examination, 0, PassportSpecimen(), actor, later),
            "observe" => ExaminationDecider.RecordObservation(referral, examination, 0, Guilloche, Finding.Consistent, null, [], actor, later),
            "calibrate" => ExaminationDecider.CalibrateScale(referral, examination, PassportUv, new(0, 0), new(1000, 0), 50, actor, later),
            "pitch" => ExaminationDecider.CalibrateFromMrzPitch(referral, examination, PassportUv, new(0, 0), new(1000, 0), 43, actor, later),
            "align" => ExaminationDecider.AlignImages(referral, examination, PassportWhite, PassportSpecimen(), SpecimenWhiteImage,
                [new(new(0, 0), new(0, 0)), new(new(1000, 0), new(1000, 0)), new(new(0, 1000), new(0, 1000))], actor, later),
            "mrz" => ExaminationDecider.RecordMrzCheck(referral, examination, 0, Mrz.MrzSamples.Check(Mrz.MrzSamples.Td3),
                VizData.Of(Submitted(), 0), actor, later),
            _ => throw new ArgumentOutOfRangeException(nameof(command)),
        };
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void AnotherExaminerIsRefusedEveryCommand(string command)
    {
        var history = CaseHistory.InExamination();

        var refusal = Assert.Throws<DomainException>(() => Decide(command, history.Case, history.Examination, OtherExaminer));

        Assert.Equal(Refusals.Cases.OtherExaminer, refusal.Code);
        Assert.StartsWith("Only the examiner assigned to this case, Dr Ada Lind, can ", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void NobodyWorksOnACaseThatIsNotAssigned(string command)
    {
        var history = CaseHistory.NotAssigned();

        var refusal = Assert.Throws<DomainException>(() => Decide(command, history.Case, history.Examination, Examiner));

        Assert.Equal(Refusals.Cases.NotAssigned, refusal.Code);
        Assert.EndsWith($"; referral {Reference} is not assigned yet.", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRefusalSaysWhatTheOtherExaminerWantedToDo()
    {
        var history = CaseHistory.InExamination();

        var refusal = Assert.Throws<DomainException>(() => Decide("annotate", history.Case, history.Examination, OtherExaminer));

        RefusalAssert.Equal(Refusals.Cases.OtherExaminer, "Only the examiner assigned to this case, Dr Ada Lind, can annotate its evidence.", refusal);
    }

    [Theory]
    [InlineData(ReferralStatus.AwaitingInformation, "awaiting information from the officer")]
    [InlineData(ReferralStatus.InReview, "in review")]
    [InlineData(ReferralStatus.Approved, "approved")]
    [InlineData(ReferralStatus.Reported, "reported")]
    [InlineData(ReferralStatus.Closed, "closed")]
    [InlineData(ReferralStatus.Withdrawn, "withdrawn")]
    public void TheAssignedExaminerIsRefusedOutsideExamination(ReferralStatus status, string described)
    {
        var history = CaseHistory.InExamination();
        var referral = history.Case with { Status = status };

        var refusal = Assert.Throws<DomainException>(() => Decide("annotate", referral, history.Examination, Examiner));

        RefusalAssert.Equal(Refusals.Cases.NotOpenForWork,
            $"Referral {Reference} is {described}; its examination can be worked on only while it is in examination or returned by the reviewer.",
            refusal);
    }

    [Theory]
    [InlineData(ReferralStatus.InExamination)]
    [InlineData(ReferralStatus.Returned)]
    public void TheAssignedExaminerWorksWhileInExaminationOrReturned(ReferralStatus status)
    {
        var history = CaseHistory.InExamination();
        var referral = history.Case with { Status = status };

        var added = Assert.IsType<AnnotationAdded>(Assert.Single(Decide("annotate", referral, history.Examination, Examiner)));

        Assert.Equal((CaseId, Examiner.Actor, Now.AddHours(1)), (added.ReferralId, added.Actor, added.At));
    }

    [Fact]
    public void EveryEventIsARecordedEventOfTheCase()
    {
        var history = CaseHistory.InExamination();

        foreach (var command in new[] { "annotate", "choose", "calibrate", "pitch", "align", "mrz" })
        {
            var events = Decide(command, history.Case, history.Examination, Examiner);
            Assert.NotEmpty(events);
            foreach (var e in events)
            {
                var recorded = Assert.IsAssignableFrom<IExaminationEvent>(e);
                Assert.IsAssignableFrom<IRecordedEvent>(e);
                Assert.Equal((CaseId, Examiner.Actor, Now.AddHours(1)), (recorded.ReferralId, recorded.Actor, recorded.At));
            }
        }
    }

    [Fact]
    public void ABlankActorIsAProgrammingError()
    {
        var history = CaseHistory.InExamination();

        Assert.Throws<ArgumentException>(() => Decide("annotate", history.Case, history.Examination, new ExaminationActor("examiner-3", " ")));
        Assert.Throws<ArgumentException>(() =>
            ExaminationDecider.AddAnnotation(history.Case, history.Examination, Mark, Examiner, default));
    }
}
