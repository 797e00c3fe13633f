using DescPortal.Core.Opinion;
using static DescPortal.Core.Tests.Opinion.OpinionSamples;

namespace DescPortal.Core.Tests.Opinion;

// The examiner's draft: what it must hold, and who may save it when.
public class OpinionDraftTests
{
    private static DomainException Refused(OpinionDraft draft) =>
        Assert.Throws<DomainException>(() => OpinionHistory.InExamination().When((c, o) => OpinionDecider.SaveDraft(c, o, draft, Examiner, Now)));

    private static string[] Paths(OpinionDraft draft, bool forReview) =>
        [.. OpinionValidation.Check(draft, forReview).Select(e => e.Path)];

    [Fact]
    public void TheFraudTypeIsRequired()
    {
        var refusal = Refused(Passport() with { FraudType = null, ForgerySubTypes = [] });

        RefusalAssert.Equal(Refusals.Opinion.FraudTypeRequired,
            "The fraud type of document 1 is required; use Genuine, Counterfeit, Forged, FraudulentlyObtained, Impostor, Pseudo, StolenBlank or Inconclusive.",
            refusal);
        Assert.Equal(["fraudType"], Paths(Passport() with { FraudType = null, ForgerySubTypes = [] }, forReview: false));
    }

    [Fact]
    public void AnUndefinedFraudTypeIsRefused()
    {
        var refusal = Refused(Card() with { FraudType = (FraudType)42 });

        Assert.Equal(Refusals.Opinion.FraudTypeUnknown, refusal.Code);
        Assert.StartsWith("The fraud type of document 2 must be one of Genuine,", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForgerySubTypesBelongOnlyToAForgedDocument()
    {
        var refusal = Refused(Card() with { FraudType = FraudType.Counterfeit, ForgerySubTypes = [ForgerySubType.MrzAlteration] });

        RefusalAssert.Equal(Refusals.Opinion.ForgerySubTypesNotForged,
            "Forgery sub-types of document 2 apply only to a Forged document; it is recorded as Counterfeit.", refusal);
        Assert.Equal(["forgerySubTypes"], Paths(Card() with { ForgerySubTypes = [ForgerySubType.Assembled] }, forReview: false));
    }

    [Fact]
    public void TheConclusionIsNeededForReviewButNotForADraft()
    {
        var draft = Passport() with { Conclusion = "   " };

        Assert.Empty(Paths(draft, forReview: false));
        Assert.Equal(["conclusion"], Paths(draft, forReview: true));
        var saved = Assert.IsType<OpinionDrafted>(Assert.Single(OpinionHistory.InExamination().When((c, o) =>
            OpinionDecider.SaveDraft(c, o, draft, Examiner, Now))));
        Assert.Null(saved.Conclusion);
    }

    [Fact]
    public void AForgeryNeedsItsSubTypeAndAnInconclusiveOpinionItsLimitationsForReview()
    {
        var forged = Passport() with { ForgerySubTypes = [] };
        var inconclusive = Card() with { FraudType = FraudType.Inconclusive };

        Assert.Empty(Paths(forged, forReview: false));
        Assert.Equal(["forgerySubTypes"], Paths(forged, forReview: true));
        Assert.Empty(Paths(inconclusive, forReview: false));
        Assert.Equal(["limitations"], Paths(inconclusive, forReview: true));
        RefusalAssert.Equal("limitations", Refusals.Opinion.LimitationsRequired,
            "The limitations of document 2 are required for an Inconclusive opinion: say what further material or reference is needed.",
            OpinionValidation.Check(inconclusive, forReview: true)[0]);
        Assert.Empty(Paths(inconclusive with { Limitations = "A specimen of the 2019 series is needed." }, forReview: true));
    }

    [Fact]
    public void AnEvaluativeOpinionNeedsTwoDifferentPropositions()
    {
        var draft = Card() with { Evaluative = new EvaluativeOpinion(" ", "same source", (EvaluativeSupport)99) };
        var same = Card() with { Evaluative = new EvaluativeOpinion("Same source", "same source", EvaluativeSupport.Strong) };

        Assert.Equal(["evaluative.proposition", "evaluative.support"], Paths(draft, forReview: false));
        Assert.Equal(["evaluative.alternativeProposition"], Paths(same, forReview: false));
        var refusal = Refused(draft);
        Assert.Equal(Refusals.Several, refusal.Code);
        Assert.Equal(
            [Refusals.Opinion.PropositionRequired, Refusals.Opinion.SupportUnknown],
            Assert.IsAssignableFrom<IEnumerable<Phrase>>(Assert.Single(refusal.Arguments)).Select(p => p.Code));
        Assert.Contains("The proposition of the evaluative opinion of document 2 is required.", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryProblemIsToldAtOnceEachNamingItsField()
    {
        var refusal = Refused(new OpinionDraft(0, null, [], new string('x', OpinionValidation.MaxFindingsLength + 1), "Ok\u0007", null, null));

        RefusalAssert.Equal(Refusals.Several,
            "The fraud type of document 1 is required; use Genuine, Counterfeit, Forged, FraudulentlyObtained, Impostor, Pseudo, StolenBlank or Inconclusive. " +
            "The findings of document 1 must be at most 20000 characters; it has 20001. " +
            "The conclusion of document 1 must not hold control characters other than line breaks and tabs.",
            refusal);
    }

    [Fact]
    public void AnUnknownDocumentIsRefused()
    {
        var refusal = Refused(Card() with { Document = 2 });

        RefusalAssert.Equal(Refusals.Cases.NoSuchDocument, $"Referral {Reference} has no document 3; it has 2 documents.", refusal);
    }

    [Fact]
    public void TheDraftIsStoredTrimmedWithSubTypesInVocabularyOrder()
    {
        var draft = Passport() with
        {
            ForgerySubTypes = [ForgerySubType.MrzAlteration, ForgerySubType.PhotoSubstitution, ForgerySubType.MrzAlteration],
            Findings = "  Cut line.  ",
            Limitations = "",
            Evaluative = new EvaluativeOpinion(" printed by the same press ", " printed by different presses ", EvaluativeSupport.ModeratelyStrong),
        };

        var saved = Assert.IsType<OpinionDrafted>(Assert.Single(OpinionHistory.InExamination().When((c, o) =>
            OpinionDecider.SaveDraft(c, o, draft, Examiner, Now))));

        Assert.Equal([ForgerySubType.PhotoSubstitution, ForgerySubType.MrzAlteration], saved.ForgerySubTypes);
        Assert.Equal(("Cut line.", (string?)null), (saved.Findings, saved.Limitations));
        Assert.Equal(new EvaluativeOpinion("printed by the same press", "printed by different presses", EvaluativeSupport.ModeratelyStrong),
            saved.Evaluative);
        Assert.Equal((CaseId, 0, Examiner.Actor, Now), (saved.ReferralId, saved.Document, saved.Actor, saved.At));
    }

    [Fact]
    public void SeveralDraftsAreSavedAtOnceAndAnUnchangedOneAddsNothing()
    {
        var history = OpinionHistory.InExamination().Then((c, o) => OpinionDecider.SaveDraft(c, o, Passport(), Examiner, Now));

        var events = history.When((c, o) => OpinionDecider.SaveDrafts(c, o, [Passport(), Card()], Examiner, Now));

        // The passport's draft is stored already: only the card's is new.
        Assert.Equal(1, Assert.IsType<OpinionDrafted>(Assert.Single(events)).Document);
    }

    [Fact]
    public void SavingTheSameDraftAgainChangesNothingAndAnotherReplacesIt()
    {
        var history = OpinionHistory.Drafted();

        Assert.Empty(history.When((c, o) => OpinionDecider.SaveDraft(c, o,
            Passport() with { Findings = Passport().Findings + "  " }, Examiner, Now.AddHours(1))));

        history.Then((c, o) => OpinionDecider.SaveDraft(c, o, Passport() with { FraudType = FraudType.Pseudo, ForgerySubTypes = [] },
            Examiner, Now.AddHours(1)));

        Assert.Equal(2, history.Opinion.Drafts.Count);
        Assert.Equal((FraudType.Pseudo, Now.AddHours(1)), (history.Opinion.DraftOf(0)!.FraudType, history.Opinion.DraftOf(0)!.SavedAt));
        Assert.Equal(FraudType.Genuine, history.Opinion.DraftOf(1)!.FraudType);
    }

    [Fact]
    public void OnlyTheAssignedExaminerDraftsAndOnlyWhileExaminingOrReturned()
    {
        var other = Assert.Throws<DomainException>(() => OpinionHistory.InExamination().When((c, o) =>
            OpinionDecider.SaveDraft(c, o, Card(), OtherExaminer, Now)));
        RefusalAssert.Equal(Refusals.Cases.OtherExaminer, "Only the examiner assigned to this case, Dr Ada Lind, can draft its opinion.", other);

        var unassigned = Assert.Throws<DomainException>(() => OpinionHistory.NotAssigned().When((c, o) =>
            OpinionDecider.SaveDraft(c, o, Card(), Examiner, Now)));
        RefusalAssert.Equal(Refusals.Cases.NotAssigned,
            $"Only the examiner assigned to this case can draft its opinion; referral {Reference} is not assigned yet.", unassigned);

        var inReview = Assert.Throws<DomainException>(() => OpinionHistory.InReview().When((c, o) =>
            OpinionDecider.SaveDraft(c, o, Card() with { Conclusion = "Changed" }, Examiner, Now)));
        RefusalAssert.Equal(Refusals.Cases.NotOpenForWork,
            $"Referral {Reference} is in review; its opinion can be worked on only while it is in examination or returned by the reviewer.",
            inReview);
    }

    [Fact]
    public void ABlankActorOrNoTimeIsAProgrammingError()
    {
        var history = OpinionHistory.InExamination();

        Assert.Throws<ArgumentException>(() => history.When((c, o) => OpinionDecider.SaveDraft(c, o, Card(), Examiner with { Actor = " " }, Now)));
        Assert.Throws<ArgumentException>(() => history.When((c, o) => OpinionDecider.SaveDraft(c, o, Card(), Examiner, default)));
    }
}
