using System.Text.Json;
using DescPortal.Core.Referrals;

namespace DescPortal.Core.Tests.Referrals;

// The condition of the items on receipt: stated by the officer with the referral (optional), amended by the examiner.
public class ConditionOnReceiptTests
{
    private static readonly Guid Id = Guid.Parse("6f1c1d3e-0000-4000-8000-000000000002");
    private static readonly DateTimeOffset Later = Samples.Now.AddHours(1);
    private const string Examiner = "examiner-3";

    private static IReadOnlyList<object> SubmittedWith(string? condition)
    {
        var s = Samples.Submission();
        s.ConditionOnReceipt = condition;
        var result = Samples.Validate(s);
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        return ReferralDecider.Submit(Id, "DESC-2026-000043", "AGENCY-1", result.Referral, [Samples.Stored(1), Samples.Stored(2)],
            "officer-17", Samples.Now);
    }

    private static Referral InExamination(string? condition) =>
        Referral.Fold([.. SubmittedWith(condition), new CaseAssigned(Id, Examiner, "Dr Ada Lind", "lead-1", Later)])!;

    [Fact]
    public void The_officers_condition_is_trimmed_recorded_with_the_submission_and_stands_as_the_cases()
    {
        var submitted = Assert.IsType<ReferralSubmitted>(SubmittedWith("  Cover torn at the spine.  ")[0]);

        Assert.Equal("Cover torn at the spine.", submitted.ConditionOnReceipt);
        var referral = Referral.Fold(SubmittedWith("Cover torn at the spine."))!;
        Assert.Equal("Cover torn at the spine.", referral.ConditionOnReceipt);
        Assert.Null(referral.ConditionAmendedBy);
    }

    [Fact]
    public void Left_out_or_blank_it_is_none_and_a_stored_submission_without_it_reads_as_none()
    {
        Assert.Null(Assert.IsType<ReferralSubmitted>(SubmittedWith("   ")[0]).ConditionOnReceipt);
        Assert.Null(Samples.Submission().ConditionOnReceipt); // the JSON has no such member

        // An event stored before the member existed: read as written, no condition.
        var json = JsonSerializer.Serialize(Assert.IsType<ReferralSubmitted>(SubmittedWith(null)[0]), JsonSerializerOptions.Web)
            .Replace(",\"conditionOnReceipt\":null", "", StringComparison.Ordinal);
        Assert.DoesNotContain("conditionOnReceipt", json, StringComparison.Ordinal);
        Assert.Null(JsonSerializer.Deserialize<ReferralSubmitted>(json, JsonSerializerOptions.Web)!.ConditionOnReceipt);
    }

    [Fact]
    public void A_condition_longer_than_its_limit_is_a_field_error_naming_the_field()
    {
        var s = Samples.Submission();
        s.ConditionOnReceipt = new string('x', ReferralValidation.MaxConditionLength + 1);

        var error = Assert.Single(Samples.Validate(s).Errors);

        RefusalAssert.Equal("conditionOnReceipt", Refusals.Referral.TextTooLong,
            "Condition of the items on receipt must be at most 2000 characters; it has 2001.", error);
    }

    [Fact]
    public void The_examiner_amends_it_and_the_case_says_by_whom()
    {
        var referral = InExamination("Cover torn at the spine.");

        var amended = Assert.IsType<ConditionOnReceiptAmended>(Assert.Single(
            ReferralDecider.AmendConditionOnReceipt(referral, Examiner, " Cover torn at the spine; data page stained by water. ", "Dr Ada Lind <ada@desc.test>", Later)));
        var after = Referral.Evolve(referral, amended)!;

        Assert.Equal("Cover torn at the spine; data page stained by water.", after.ConditionOnReceipt);
        Assert.Equal(("Dr Ada Lind <ada@desc.test>", (DateTimeOffset?)Later), (after.ConditionAmendedBy, after.ConditionAmendedAt));
        // The same words again change nothing.
        Assert.Empty(ReferralDecider.AmendConditionOnReceipt(after, Examiner, "Cover torn at the spine; data page stained by water.", "x", Later));
    }

    [Fact]
    public void The_examiner_may_state_a_condition_the_officer_left_out_but_not_an_empty_one()
    {
        var referral = InExamination(null);

        Assert.Single(ReferralDecider.AmendConditionOnReceipt(referral, Examiner, "Intact.", "ada", Later));
        RefusalAssert.Equal(Refusals.Cases.ConditionRequired,
            "Condition of the items on receipt: write how the items were received (for example \"intact, no damage\").",
            Assert.Throws<DomainException>(() => ReferralDecider.AmendConditionOnReceipt(referral, Examiner, "  ", "ada", Later)));
        Assert.Equal(Refusals.Cases.ConditionControlCharacters,
            Assert.Throws<DomainException>(() => ReferralDecider.AmendConditionOnReceipt(referral, Examiner, "Intact\u0007", "ada", Later)).Code);
    }

    [Fact]
    public void Only_the_assigned_examiner_amends_it_while_the_case_is_worked_on()
    {
        var referral = InExamination("Intact.");
        var unassigned = Referral.Fold(SubmittedWith("Intact."))!;

        var other = Assert.Throws<DomainException>(() => ReferralDecider.AmendConditionOnReceipt(referral, "examiner-9", "Torn.", "bo", Later));
        var notYet = Assert.Throws<DomainException>(() => ReferralDecider.AmendConditionOnReceipt(unassigned, Examiner, "Torn.", "ada", Later));

        Assert.Equal(Refusals.Cases.OtherExaminer, other.Code);
        Assert.Contains("amend the condition of its items on receipt", other.Message, StringComparison.Ordinal);
        Assert.Equal(Refusals.Cases.NotAssigned, notYet.Code);
    }
}
