using DescPortal.Core.Referrals;

namespace DescPortal.Core.Tests.Referrals;

// Given events, when a command, then events (or a refusal).
public class ReferralDeciderTests
{
    private static readonly Guid Id = Guid.Parse("6f1c1d3e-0000-4000-8000-000000000001");
    private const string Reference = "DESC-2026-000042";
    private const string Officer = "officer-17";
    private static readonly DateTimeOffset Later = Samples.Now.AddHours(1);

    private static IReadOnlyList<object> Submitted() =>
        ReferralDecider.Submit(Id, Reference, "AGENCY-1", Samples.Validated(), [Samples.Stored(1), Samples.Stored(2)],
            Officer, Samples.Now);

    private static Referral Given(params IEnumerable<object> events) =>
        Referral.Fold(events) ?? throw new InvalidOperationException("No events.");

    [Fact]
    public void SubmitRecordsTheReferralThenEachImageInOrder()
    {
        var v = Samples.Validated();

        var events = Submitted();

        Assert.Collection(events,
            e =>
            {
                var s = Assert.IsType<ReferralSubmitted>(e);
                Assert.Equal(Id, s.ReferralId);
                Assert.Equal(Reference, s.Reference);
                Assert.Equal("AGENCY-1", s.AgencyCode);
                Assert.Equal("NORTH-GATE", s.BorderCrossingPoint);
                Assert.Equal(v.InterceptedAt, s.InterceptedAt);
                Assert.Equal(("UTO", "XXA"), (s.RouteFrom, s.RouteTo));
                Assert.Equal(v.Reason, s.Reason);
                Assert.Equal(Urgency.Urgent, s.Urgency);
                Assert.Equal(v.AnswerBy, s.AnswerBy);
                Assert.Equal(v.Bearer, s.Bearer);
                Assert.Equal(v.Documents, s.Documents);
                Assert.Equal((Officer, Samples.Now), (s.Actor, s.At));
            },
            e =>
            {
                var a = Assert.IsType<EvidenceImageAttached>(e);
                Assert.Equal(Id, a.ReferralId);
                Assert.Equal(Samples.Stored(1).EvidenceId, a.EvidenceId);
                Assert.Equal((0, LightSource.White, DocumentArea.DataPage, 600), (a.Document, a.LightSource, a.Area, a.Dpi));
                Assert.Equal(Samples.Stored(1).Sha256, a.Sha256);
                Assert.Equal("originals/1.jpg", a.BlobName);
                Assert.Equal((1_000_001L, 4000, 3000, "image/jpeg"), (a.SizeBytes, a.Width, a.Height, a.ContentType));
                Assert.Equal((Officer, Samples.Now), (a.Actor, a.At));
            },
            e =>
            {
                var a = Assert.IsType<EvidenceImageAttached>(e);
                Assert.Equal(Samples.Stored(2).EvidenceId, a.EvidenceId);
                Assert.Equal((LightSource.UV365, 365), (a.LightSource, a.WavelengthNm));
            });
    }

    [Fact]
    public void ASubmittedReferralIsSubmittedUnassignedWithItsEvidence()
    {
        var referral = Given(Submitted());

        Assert.Equal(Id, referral.Id);
        Assert.Equal(Reference, referral.Reference);
        Assert.Equal(ReferralStatus.Submitted, referral.Status);
        Assert.Equal(Urgency.Urgent, referral.Urgency);
        Assert.Equal(Samples.Now, referral.SubmittedAt);
        Assert.Null(referral.AssignedExaminerId);
        Assert.Equal([Samples.Stored(1).EvidenceId, Samples.Stored(2).EvidenceId], referral.Evidence.Select(x => x.EvidenceId));
        Assert.All(referral.Evidence, x => Assert.Null(x.ThumbnailBlobName));
    }

    [Fact]
    public void SubmitRefusesImagesAndFilesThatDoNotPair()
    {
        Assert.Throws<ArgumentException>(() =>
            ReferralDecider.Submit(Id, Reference, "AGENCY-1", Samples.Validated(), [Samples.Stored(1)], Officer, Samples.Now));
    }

    [Theory]
    [InlineData("", Reference, "ab")]
    [InlineData(Officer, "DESC-26-1", "ab")]
    [InlineData(Officer, Reference, "AB")]
    public void SubmitRefusesAnEmptyActorABadReferenceOrAnUnevenHash(string actor, string reference, string hashPair)
    {
        var files = new[] { Samples.Stored(1), Samples.Stored(2) with { Sha256 = string.Concat(Enumerable.Repeat(hashPair, 32)) } };

        Assert.ThrowsAny<ArgumentException>(() =>
            ReferralDecider.Submit(Id, reference, "AGENCY-1", Samples.Validated(), files, actor, Samples.Now));
    }

    [Fact]
    public void AssignGivesTheCaseToTheExaminerAndStartsTheExamination()
    {
        var referral = Given(Submitted());

        var events = ReferralDecider.Assign(referral, "examiner-3", "Dr Ada Lind", "lead-1", Later);

        var assigned = Assert.IsType<CaseAssigned>(Assert.Single(events));
        Assert.Equal(new CaseAssigned(Id, "examiner-3", "Dr Ada Lind", "lead-1", Later), assigned);
        var after = referral.Apply(assigned);
        Assert.Equal(ReferralStatus.InExamination, after.Status);
        Assert.Equal(("examiner-3", "Dr Ada Lind"), (after.AssignedExaminerId, after.AssignedExaminerName));
    }

    [Fact]
    public void AssigningACaseAlreadyAssignedToSomeoneElseIsRefused()
    {
        var referral = Given([.. Submitted(), new CaseAssigned(Id, "examiner-3", "Dr Ada Lind", "lead-1", Later)]);

        var refusal = Assert.Throws<DomainException>(() =>
            ReferralDecider.Assign(referral, "examiner-9", "Bo Ek", "lead-1", Later));

        RefusalAssert.Equal(Refusals.Cases.AssignedToOther, "Referral DESC-2026-000042 is already assigned to Dr Ada Lind.", refusal);
    }

    [Fact]
    public void AssigningAgainToTheSameExaminerChangesNothing()
    {
        var referral = Given([.. Submitted(), new CaseAssigned(Id, "examiner-3", "Dr Ada Lind", "lead-1", Later)]);

        Assert.Empty(ReferralDecider.Assign(referral, "examiner-3", "Dr Ada Lind", "lead-1", Later));
    }

    [Theory]
    [InlineData(ReferralStatus.Withdrawn)]
    [InlineData(ReferralStatus.Closed)]
    public void AWithdrawnOrClosedCaseCannotBeAssigned(ReferralStatus status)
    {
        var referral = Given(Submitted()) with { Status = status };

        var refusal = Assert.Throws<DomainException>(() =>
            ReferralDecider.Assign(referral, "examiner-3", "Dr Ada Lind", "lead-1", Later));

        RefusalAssert.Equal(Refusals.Cases.NotAssignable,
            $"Referral DESC-2026-000042 is {status.ToString().ToLowerInvariant()}; it cannot be assigned.", refusal);
    }

    [Fact]
    public void AThumbnailRecordsTheHashOfItsOriginalOnce()
    {
        var evidenceId = Samples.Stored(2).EvidenceId;
        var referral = Given(Submitted());

        var first = ReferralDecider.RecordThumbnail(referral, evidenceId, "thumbs/2.jpg", 512, 384, "system:thumbnails", Later);

        var created = Assert.IsType<EvidenceThumbnailCreated>(Assert.Single(first));
        Assert.Equal(
            new EvidenceThumbnailCreated(Id, evidenceId, "thumbs/2.jpg", 512, 384, Samples.Stored(2).Sha256, "system:thumbnails", Later),
            created);

        var after = referral.Apply(created);
        Assert.Equal("thumbs/2.jpg", after.FindEvidence(evidenceId)!.ThumbnailBlobName);
        Assert.Null(after.FindEvidence(Samples.Stored(1).EvidenceId)!.ThumbnailBlobName);
        Assert.Empty(ReferralDecider.RecordThumbnail(after, evidenceId, "thumbs/2.jpg", 512, 384, "system:thumbnails", Later));
    }

    [Fact]
    public void AnIntegrityFailureIsRecordedOnceWithBothHashesAndWhatFoundIt()
    {
        var evidenceId = Samples.Stored(2).EvidenceId;
        var referral = Given(Submitted());
        var actual = new string('f', 64);

        var first = ReferralDecider.RecordIntegrityFailure(referral, evidenceId, actual, EvidenceUse.Tiles, "system (tiles job)", Later);

        Assert.Equal(new EvidenceIntegrityFailed(Id, evidenceId, Samples.Stored(2).Sha256, actual, EvidenceUse.Tiles, "system (tiles job)", Later),
            Assert.Single(first));
        var after = referral.Apply((EvidenceIntegrityFailed)first[0]);
        Assert.True(after.FindEvidence(evidenceId)!.IntegrityFailed);
        Assert.False(after.FindEvidence(Samples.Stored(1).EvidenceId)!.IntegrityFailed);
        // Found again (another read, another job): the alarm stands, nothing new is recorded.
        Assert.Empty(ReferralDecider.RecordIntegrityFailure(after, evidenceId, null, EvidenceUse.Shown, Officer, Later));
        // Bytes that match are no failure at all.
        Assert.Throws<ArgumentException>(() =>
            ReferralDecider.RecordIntegrityFailure(referral, evidenceId, Samples.Stored(2).Sha256, EvidenceUse.Shown, Officer, Later));
    }

    [Fact]
    public void AThumbnailOfUnknownEvidenceIsRefused()
    {
        var referral = Given(Submitted());
        var unknown = Guid.Parse("6f1c1d3e-0000-4000-8000-0000000000ff");

        var refusal = Assert.Throws<DomainException>(() =>
            ReferralDecider.RecordThumbnail(referral, unknown, "thumbs/x.jpg", 10, 10, "system:thumbnails", Later));

        RefusalAssert.Equal(Refusals.Cases.NoSuchEvidence, $"Referral {Reference} has no evidence {unknown}.", refusal);
    }

    [Fact]
    public void ImagesAreAddedOnlyWhileTheCaseAwaitsMaterialAndOnlyForItsDocuments()
    {
        var image = Samples.Validated().Images[0];
        var submitted = Given(Submitted());
        var awaiting = submitted with { Status = ReferralStatus.AwaitingInformation };

        var notAwaiting = Assert.Throws<DomainException>(() =>
            ReferralDecider.AttachEvidence(submitted, [image], [Samples.Stored(3)], Officer, Later));
        var noSuchDocument = Assert.Throws<DomainException>(() =>
            ReferralDecider.AttachEvidence(awaiting, [image with { Document = 4 }], [Samples.Stored(3)], Officer, Later));

        RefusalAssert.Equal(Refusals.Cases.NotAwaitingMaterial,
            $"Referral {Reference} is not waiting for more material; images can be added only in answer to the examiner's request.", notAwaiting);
        RefusalAssert.Equal(Refusals.Cases.ImageNoSuchDocument, "Image 1 refers to document 5, which the referral does not have.", noSuchDocument);
    }
}
