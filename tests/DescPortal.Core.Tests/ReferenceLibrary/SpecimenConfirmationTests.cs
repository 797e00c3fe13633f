using DescPortal.Core.ReferenceLibrary;
using static DescPortal.Core.Tests.ReferenceLibrary.SpecimenSamples;

namespace DescPortal.Core.Tests.ReferenceLibrary;

// Given events, when a command, then events (or a refusal): the issuing authority's confirmation and corrections,
// and withdrawal.
public class SpecimenConfirmationTests
{
    private static readonly DateTimeOffset Later = Now.AddDays(3);

    [Fact]
    public void SubmittingAsksForConfirmationWithoutRaisingTheVersion()
    {
        var specimen = SpecimenHistory.WithImages().State;

        var e = Assert.IsType<SpecimenSubmittedForConfirmation>(
            Assert.Single(SpecimenDecider.SubmitForConfirmation(specimen, Editor, Later)));
        var after = specimen.Apply(e);

        Assert.Equal(new SpecimenSubmittedForConfirmation(Id, 3, Editor.Id, Later), e);
        Assert.Equal(SpecimenStatus.AwaitingConfirmation, after.Status);
        Assert.Equal(3, after.Version);
        Assert.Empty(SpecimenDecider.SubmitForConfirmation(after, Editor, Later));
    }

    [Fact]
    public void ASpecimenWithoutImagesCannotBeSubmitted()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            SpecimenDecider.SubmitForConfirmation(SpecimenHistory.Created().State, Editor, Later));

        RefusalAssert.Equal(Refusals.Specimen.ConfirmationWithoutImages, "Add at least one image before submitting the specimen for confirmation.", refusal);
    }

    [Fact]
    public void AConfirmationNamesTheVersionItConfirms()
    {
        var specimen = SpecimenHistory.Submitted().State;

        var e = Assert.IsType<SpecimenConfirmed>(Assert.Single(SpecimenDecider.Confirm(specimen, 4, Utopia, Later)));
        var after = specimen.Apply(e);

        Assert.Equal(new SpecimenConfirmed(Id, 4, "Mira Holt", "uto-officer-1", "UTO", "uto-officer-1", Later), e);
        Assert.Equal(SpecimenStatus.Confirmed, after.Status);
        Assert.True(after.ConfirmedByIssuer);
        Assert.False(after.ChangedSinceConfirmation);
        Assert.False(after.IsAwaitingConfirmation);
        Assert.Equal(new SpecimenConfirmation(4, "Mira Holt", "uto-officer-1", "UTO", Later), after.LastConfirmation);
        Assert.Equal(4, after.Version);
    }

    [Fact]
    public void AConfirmedSpecimenThatChangesIsNoLongerConfirmedUntilConfirmedAgain()
    {
        var history = SpecimenHistory.Confirmed();

        history.Then(s => SpecimenDecider.AddFeature(s, Guilloche(), Editor, Later));
        var changed = history.State;
        Assert.Equal(5, changed.Version);
        Assert.Equal(4, changed.LastConfirmedVersion);
        Assert.True(changed.ChangedSinceConfirmation);
        Assert.False(changed.ConfirmedByIssuer);
        Assert.Equal(SpecimenStatus.ChangedSinceConfirmation, changed.Status);

        history.Then(s => SpecimenDecider.Confirm(s, 5, Utopia, Later.AddDays(1)));
        var reconfirmed = history.State;
        Assert.True(reconfirmed.ConfirmedByIssuer);
        Assert.False(reconfirmed.ChangedSinceConfirmation);
        Assert.Equal(SpecimenStatus.Confirmed, reconfirmed.Status);
        Assert.Equal([4, 5], reconfirmed.Confirmations.Select(c => c.Version));
    }

    [Fact]
    public void AChangedSpecimenSubmittedAgainAwaitsConfirmationAndSaysItChanged()
    {
        var history = SpecimenHistory.Confirmed()
            .Then(s => SpecimenDecider.AddFeature(s, Guilloche(), Editor, Later))
            .Then(s => SpecimenDecider.SubmitForConfirmation(s, Editor, Later));

        Assert.Equal(SpecimenStatus.AwaitingConfirmation, history.State.Status);
        Assert.True(history.State.ChangedSinceConfirmation);
    }

    [Fact]
    public void ConfirmingAStaleVersionIsRefused()
    {
        var history = SpecimenHistory.Submitted() // version 4
            .Then(s => SpecimenDecider.AddFeature(s, Guilloche(), Editor, Later))
            .Then(s => SpecimenDecider.ChangeFeature(s, Guilloche() with { InspectionLevel = 2 }, Editor, Later));

        var refusal = Assert.Throws<DomainException>(() => SpecimenDecider.Confirm(history.State, 4, Utopia, Later));

        Assert.Equal(6, history.State.Version);
        RefusalAssert.Equal(Refusals.Specimen.ConfirmationOfChangedVersion, "Version 4 was changed; version 6 is current. Review the changes and confirm version 6.", refusal);
    }

    [Fact]
    public void ConfirmingAVersionThatDoesNotExistIsRefused()
    {
        var refusal = Assert.Throws<DomainException>(() => SpecimenDecider.Confirm(SpecimenHistory.Submitted().State, 9, Utopia, Later));

        Assert.Equal(Refusals.Specimen.ConfirmationOfUnknownVersion, refusal.Code);
        Assert.StartsWith("Version 9 does not exist; version 4 is current.", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfirmingAVersionAlreadyConfirmedChangesNothing()
    {
        var confirmed = SpecimenHistory.Confirmed().State;
        var changedSince = SpecimenHistory.Confirmed().Then(s => SpecimenDecider.AddFeature(s, Guilloche(), Editor, Later)).State;

        Assert.Empty(SpecimenDecider.Confirm(confirmed, 4, Utopia, Later));
        Assert.Empty(SpecimenDecider.Confirm(confirmed, 4, Utopia with { Id = "uto-officer-2", Name = "Ivo Stam" }, Later));
        Assert.Empty(SpecimenDecider.Confirm(changedSince, 4, Utopia, Later)); // a retry of what was done
    }

    [Fact]
    public void ADraftCannotBeConfirmed()
    {
        var draft = SpecimenHistory.WithImages().State;

        var refusal = Assert.Throws<DomainException>(() => SpecimenDecider.Confirm(draft, 3, Utopia, Later));

        RefusalAssert.Equal(Refusals.Specimen.ConfirmationOfDraft, "UTO Passport 2020 series is a draft; it has not been submitted for confirmation.", refusal);
    }

    [Fact]
    public void SubmittingAConfirmedVersionIsRefused()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            SpecimenDecider.SubmitForConfirmation(SpecimenHistory.Confirmed().State, Editor, Later));

        RefusalAssert.Equal(Refusals.Specimen.AlreadyConfirmed, "Version 4 of UTO Passport 2020 series is already confirmed by the issuing authority.", refusal);
    }

    [Fact]
    public void TheAuthorityOfAnotherCountryCannotConfirm()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            SpecimenDecider.Confirm(SpecimenHistory.Submitted().State, 4, Netherlands, Later));

        RefusalAssert.Equal(Refusals.Specimen.AuthorityOfOtherCountry, 
            "The issuing authority of NLD can only confirm specimens issued by NLD; UTO Passport 2020 series was issued by UTO.",
            refusal);
    }

    [Fact]
    public void TheAuthorityOfAnotherCountryCannotProposeCorrections()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            SpecimenDecider.ProposeCorrection(SpecimenHistory.Submitted().State, CorrectionId(1), null, "Wrong series", Netherlands, Later));

        RefusalAssert.Equal(Refusals.Specimen.AuthorityOfOtherCountry, 
            "The issuing authority of NLD can only propose corrections to specimens issued by NLD; "
            + "UTO Passport 2020 series was issued by UTO.",
            refusal);
    }

    [Fact]
    public void ALibraryEditorCannotConfirmOrProposeCorrections()
    {
        var specimen = SpecimenHistory.Submitted().State;

        RefusalAssert.Equal(Refusals.Specimen.AuthorityOnly, "Only the issuing authority of UTO can confirm this specimen.",
            Assert.Throws<DomainException>(() => SpecimenDecider.Confirm(specimen, 4, Editor, Later)));
        RefusalAssert.Equal(Refusals.Specimen.AuthorityOnly, "Only the issuing authority of UTO can propose corrections to this specimen.",
            Assert.Throws<DomainException>(() =>
                SpecimenDecider.ProposeCorrection(specimen, CorrectionId(1), null, "Wrong", Editor, Later)));
    }

    [Fact]
    public void AnAuthorityWithoutAKnownCountryIsAProgrammingError()
    {
        Assert.ThrowsAny<ArgumentException>(() =>
            SpecimenDecider.Confirm(SpecimenHistory.Submitted().State, 4, LibraryActor.Authority("x", "X", "ZZZ"), Later));
    }

    [Fact]
    public void AProposedCorrectionIsOpenAndChangesNoContent()
    {
        var specimen = SpecimenHistory.Confirmed().State;

        var e = Assert.IsType<SpecimenCorrectionProposed>(Assert.Single(SpecimenDecider.ProposeCorrection(
            specimen, CorrectionId(1), FeatureId(1), " The rosette is level 1: visible without a lamp. ", Utopia, Later)));
        var after = specimen.Apply(e);

        Assert.Equal(new SpecimenCorrectionProposed(Id, CorrectionId(1), 4, FeatureId(1),
            "The rosette is level 1: visible without a lamp.", "Mira Holt", "uto-officer-1", "UTO", "uto-officer-1", Later), e);
        var open = Assert.Single(after.OpenCorrections);
        Assert.Equal((CorrectionStatus.Open, 4, FeatureId(1)), (open.Status, open.ProposedOnVersion, open.FeatureId));
        Assert.Equal(4, after.Version);
        Assert.True(after.ConfirmedByIssuer);
        Assert.Empty(SpecimenDecider.ProposeCorrection(after, CorrectionId(1), FeatureId(1),
            "The rosette is level 1: visible without a lamp.", Utopia, Later));
    }

    [Fact]
    public void ADifferentProposalUnderAnIdAlreadyUsedIsRefused()
    {
        var specimen = SpecimenHistory.Submitted()
            .Then(s => SpecimenDecider.ProposeCorrection(s, CorrectionId(1), null, "Wrong series", Utopia, Later)).State;

        var refusal = Assert.Throws<DomainException>(() =>
            SpecimenDecider.ProposeCorrection(specimen, CorrectionId(1), null, "Wrong format", Utopia, Later));

        RefusalAssert.Equal(Refusals.Specimen.CorrectionExistsOtherwise, "A different correction was already proposed under this id.", refusal);
    }

    [Fact]
    public void ACorrectionOfAFeatureTheSpecimenDoesNotHaveIsRefused()
    {
        Assert.Throws<DomainException>(() => SpecimenDecider.ProposeCorrection(
            SpecimenHistory.Submitted().State, CorrectionId(1), FeatureId(7), "Wrong", Utopia, Later));
    }

    [Fact]
    public void AnAppliedCorrectionIsAppliedOnceAndCannotThenBeRejected()
    {
        var history = SpecimenHistory.Confirmed()
            .Then(s => SpecimenDecider.ProposeCorrection(s, CorrectionId(1), FeatureId(1), "Level 1", Utopia, Later));

        var e = Assert.IsType<SpecimenCorrectionApplied>(Assert.Single(
            SpecimenDecider.ApplyCorrection(history.State, CorrectionId(1), "Level changed", Editor, Later)));
        history.Then(_ => [e]);
        var applied = Assert.Single(history.State.Corrections);

        Assert.Equal((CorrectionStatus.Applied, "Level changed", Editor.Id), (applied.Status, applied.Resolution, applied.ResolvedBy));
        Assert.Empty(history.State.OpenCorrections);
        Assert.Equal(4, history.State.Version); // the editor's own change that follows raises it
        Assert.Empty(SpecimenDecider.ApplyCorrection(history.State, CorrectionId(1), "Level changed", Editor, Later));
        RefusalAssert.Equal(Refusals.Specimen.CorrectionResolved, "This correction was already applied; it cannot be rejected now.",
            Assert.Throws<DomainException>(() =>
                SpecimenDecider.RejectCorrection(history.State, CorrectionId(1), "No", Editor, Later)));
    }

    [Fact]
    public void ARejectedCorrectionIsRejectedOnceWithAReasonAndCannotThenBeApplied()
    {
        var history = SpecimenHistory.Confirmed()
            .Then(s => SpecimenDecider.ProposeCorrection(s, CorrectionId(1), null, "Series is 2021", Utopia, Later));
        RefusalAssert.Equal(Refusals.Specimen.RejectionReasonRequired, "Say why the correction is rejected; the issuing authority will read it.",
            Assert.Throws<DomainException>(() =>
                SpecimenDecider.RejectCorrection(history.State, CorrectionId(1), " ", Editor, Later)));

        history.Then(s => SpecimenDecider.RejectCorrection(s, CorrectionId(1), "Your own circular of 2020 says 2020.", Editor, Later));
        var rejected = Assert.Single(history.State.Corrections);

        Assert.Equal((CorrectionStatus.Rejected, "Your own circular of 2020 says 2020."), (rejected.Status, rejected.Resolution));
        Assert.Empty(history.State.OpenCorrections);
        Assert.Empty(SpecimenDecider.RejectCorrection(history.State, CorrectionId(1), "Again", Editor, Later));
        RefusalAssert.Equal(Refusals.Specimen.CorrectionResolved, "This correction was already rejected; it cannot be applied now.",
            Assert.Throws<DomainException>(() =>
                SpecimenDecider.ApplyCorrection(history.State, CorrectionId(1), null, Editor, Later)));
    }

    [Fact]
    public void AnAuthorityCannotApplyOrRejectCorrectionsItself()
    {
        var specimen = SpecimenHistory.Confirmed()
            .Then(s => SpecimenDecider.ProposeCorrection(s, CorrectionId(1), null, "Series is 2021", Utopia, Later)).State;

        Assert.Throws<DomainException>(() => SpecimenDecider.ApplyCorrection(specimen, CorrectionId(1), null, Utopia, Later));
        Assert.Throws<DomainException>(() => SpecimenDecider.RejectCorrection(specimen, CorrectionId(1), "No", Utopia, Later));
    }

    [Fact]
    public void AnUnknownCorrectionCannotBeAppliedOrRejected()
    {
        var specimen = SpecimenHistory.Confirmed().State;

        RefusalAssert.Equal(Refusals.Specimen.CorrectionNotFound, "The specimen has no such correction.",
            Assert.Throws<DomainException>(() => SpecimenDecider.ApplyCorrection(specimen, CorrectionId(3), null, Editor, Later)));
        Assert.Throws<DomainException>(() => SpecimenDecider.RejectCorrection(specimen, CorrectionId(3), "No", Editor, Later));
    }

    [Fact]
    public void AWithdrawnSpecimenIsWithdrawnOnceWithItsReason()
    {
        var specimen = SpecimenHistory.Confirmed().State;

        var e = Assert.IsType<SpecimenWithdrawn>(Assert.Single(
            SpecimenDecider.Withdraw(specimen, "Superseded by the 2025 series", Editor, Later)));
        var after = specimen.Apply(e);

        Assert.Equal(SpecimenStatus.Withdrawn, after.Status);
        Assert.Equal(new SpecimenWithdrawal("Superseded by the 2025 series", Editor.Id, Later), after.Withdrawal);
        Assert.Equal(4, after.Version);
        Assert.Empty(SpecimenDecider.Withdraw(after, "Again", Editor, Later));
    }

    public static TheoryData<string> Commands =>
    [
        "change details", "add image", "add feature", "change feature", "remove feature", "submit", "confirm",
        "propose correction", "apply correction", "reject correction",
    ];

    [Theory]
    [MemberData(nameof(Commands))]
    public void AWithdrawnSpecimenAcceptsNoChange(string command)
    {
        var specimen = SpecimenHistory.Submitted()
            .Then(s => SpecimenDecider.ProposeCorrection(s, CorrectionId(1), null, "Series is 2021", Utopia, Later))
            .Then(s => SpecimenDecider.Withdraw(s, "Superseded", Editor, Now.AddDays(4)))
            .State;
        Func<IReadOnlyList<object>> when = command switch
        {
            "change details" => () => SpecimenDecider.ChangeDetails(specimen, Details() with { Series = "2021" }, Editor, Later),
            "add image" => () => SpecimenDecider.AddImage(specimen, Image(3, LightSource.IR), Editor, Later),
            "add feature" => () => SpecimenDecider.AddFeature(specimen, Guilloche(), Editor, Later),
            "change feature" => () => SpecimenDecider.ChangeFeature(specimen, UvInk() with { InspectionLevel = 3 }, Editor, Later),
            "remove feature" => () => SpecimenDecider.RemoveFeature(specimen, FeatureId(1), Editor, Later),
            "submit" => () => SpecimenDecider.SubmitForConfirmation(specimen, Editor, Later),
            "confirm" => () => SpecimenDecider.Confirm(specimen, 4, Utopia, Later),
            "propose correction" => () => SpecimenDecider.ProposeCorrection(specimen, CorrectionId(2), null, "X", Utopia, Later),
            "apply correction" => () => SpecimenDecider.ApplyCorrection(specimen, CorrectionId(1), null, Editor, Later),
            "reject correction" => () => SpecimenDecider.RejectCorrection(specimen, CorrectionId(1), "No", Editor, Later),
            _ => throw new ArgumentOutOfRangeException(nameof(command)),
        };

        var refusal = Assert.Throws<DomainException>(when);

        RefusalAssert.Equal(Refusals.Specimen.Withdrawn, "UTO Passport 2020 series was withdrawn from the library on 2026-12-01; it accepts no changes.", refusal);
    }
}
