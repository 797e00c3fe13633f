using DescPortal.Core.Opinion;
using DescPortal.Core.Referrals;
using DescPortal.Core.Tests.Examination;

namespace DescPortal.Core.Tests.Opinion;

/// <summary>
/// The examination samples' case (a passport and an identity card, assigned to Dr Ada Lind), the people who act on
/// its opinion, and opinions for both documents.
/// </summary>
internal static class OpinionSamples
{
    public static DateTimeOffset Now => ExaminationSamples.Now;
    public static Guid CaseId => ExaminationSamples.CaseId;
    public const string Reference = ExaminationSamples.Reference;

    public static readonly OpinionActor Examiner = new("examiner-3", "Dr Ada Lind", "Dr Ada Lind <ada@desc.test>");
    public static readonly OpinionActor OtherExaminer = new("examiner-9", "Bo Berg", "Bo Berg <bo@desc.test>");
    public static readonly OpinionActor Reviewer = new("reviewer-5", "Dr Cy Holm", "Dr Cy Holm <cy@desc.test>");
    public static readonly OpinionActor OtherReviewer = new("reviewer-6", "Eva Sund", "Eva Sund <eva@desc.test>");
    public static readonly OpinionActor Officer = new("officer-17", "Officer Kim Noor", "Kim Noor <kim@border.test>");

    /// <summary>The examiner holding the Reviewer role too: same user id, acting as a reviewer.</summary>
    public static readonly OpinionActor ExaminerAsReviewer = new("examiner-3", "Dr Ada Lind", "Dr Ada Lind <ada@desc.test>");

    public const string Job = "report job";

    public static Guid RequestId(int n) => Guid.Parse($"00000000-0000-4000-c000-{n:D12}");

    public static Guid ApprovalId(int n) => Guid.Parse($"00000000-0000-4000-a000-{n:D12}");

    /// <summary>An image the officer adds in answer to a request: passport data page under IR.</summary>
    public static readonly Guid PassportIr = Guid.Parse("00000000-0000-4000-e000-000000000004");

    public static EvidenceImageAttached IrAttached() =>
        ExaminationSamples.Attached(PassportIr, 0, LightSource.IR, 600, 4000, 3000);

    public static OpinionDraft Passport() => new(0, FraudType.Forged, [ForgerySubType.PhotoSubstitution],
        "Laminate lifted at the portrait's edge; UV shows a cut line around the portrait.",
        "A genuine passport whose portrait was substituted.", null, null);

    public static OpinionDraft Card() => new(1, FraudType.Genuine, [],
        "All security features consistent with the specimen.", "No indication of fraud found.", null, null);

    /// <summary>A distinct, well-formed verification code per n.</summary>
    public static string Code(int n) => VerificationCode.Format(Enumerable.Repeat((byte)n, VerificationCode.RandomBytes).ToArray());

    public static string Sha(char c) => new(c, 64);

    public static Referral CaseOf(IEnumerable<object> events) =>
        Referral.Fold(events) ?? throw new InvalidOperationException("No referral events.");
}

/// <summary>A case's stream, grown one decided command at a time: the "given" of the opinion tests.</summary>
internal sealed class OpinionHistory
{
    private readonly List<object> events;

    private OpinionHistory(IEnumerable<object> events) => this.events = [.. events];

    public IReadOnlyList<object> Events => events;

    public Referral Case => OpinionSamples.CaseOf(events);

    public OpinionState Opinion => OpinionState.Fold(events);

    public ReferralStatus Status => Case.Status;

    /// <summary>Submitted with three images, assigned to the examiner: in examination, nothing drafted.</summary>
    public static OpinionHistory InExamination() =>
        new([.. ExaminationSamples.SubmittedEvents(), ExaminationSamples.Assigned()]);

    public static OpinionHistory NotAssigned() => new(ExaminationSamples.SubmittedEvents());

    /// <summary>Both documents drafted with a conclusion, ready for review.</summary>
    public static OpinionHistory Drafted() => InExamination()
        .Then((c, o) => OpinionDecider.SaveDraft(c, o, OpinionSamples.Passport(), OpinionSamples.Examiner, OpinionSamples.Now))
        .Then((c, o) => OpinionDecider.SaveDraft(c, o, OpinionSamples.Card(), OpinionSamples.Examiner, OpinionSamples.Now));

    public static OpinionHistory InReview() => Drafted()
        .Then((c, o) => OpinionDecider.SubmitForReview(c, o, null, OpinionSamples.Examiner, OpinionSamples.Now.AddHours(1)));

    public static OpinionHistory Approved() => InReview()
        .Then((c, o) => OpinionDecider.Approve(c, o, OpinionSamples.ApprovalId(1), OpinionSamples.Reviewer, OpinionSamples.Now.AddHours(2)));

    /// <summary>Report R1 issued for approval 1.</summary>
    public static OpinionHistory Reported() => Approved()
        .Then((c, o) => OpinionDecider.IssueReport(c, o, OpinionDecider.PlanReport(c, o, OpinionSamples.ApprovalId(1))!,
            OpinionSamples.Code(1), "reports/r1.pdf", OpinionSamples.Sha('1'), OpinionSamples.Job, OpinionSamples.Now.AddHours(3)));

    /// <summary>Decides a command on the current state and appends what it returns; fails when it returns nothing.</summary>
    public OpinionHistory Then(Func<Referral, OpinionState, IReadOnlyList<object>> command)
    {
        var decided = command(Case, Opinion);
        Assert.NotEmpty(decided);
        events.AddRange(decided);
        return this;
    }

    /// <summary>Appends an event as it stands (one this decider does not decide, such as an attached image).</summary>
    public OpinionHistory With(object @event)
    {
        events.Add(@event);
        return this;
    }

    public IReadOnlyList<object> When(Func<Referral, OpinionState, IReadOnlyList<object>> command) => command(Case, Opinion);
}
