using System.Net;
using Bunit;
using DescPortal.Core;
using DescPortal.Core.Opinion;
using DescPortal.Testing;
using DescPortal.Web.Features.Examination;
using DescPortal.Web.Features.Opinion;
using DescPortal.Web.Features.Referrals;
using DescPortal.Web.Infrastructure.Identity;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using DescPortal.Web.Features.Cases;

namespace DescPortal.Web.Tests.Features.Opinion;

public sealed class OpinionSectionTests(ComponentHost host) : ComponentTest(host)
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private async Task<CaseRecord> CaseAsync(UserScope examiner)
    {
        using var client = Host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var response = await client.PostAsync("/api/v1/referrals", ReferralRequests.Multipart(ReferralRequests.Example(), TestImages.Jpeg(seed: 3)), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.JsonAsync()).GetProperty("id").GetGuid();
        await Host.Services.GetRequiredService<TakeCase>().HandleAsync(examiner, id, Ct);
        return await LoadAsync(examiner, id);
    }

    private async Task<CaseRecord> LoadAsync(UserScope scope, Guid id) =>
        (await Host.Services.GetRequiredService<CaseQueries>().LoadForAsync(scope, id, Ct))!;

    /// <summary>Waits until the stored case reaches a status (the click's handler runs on the renderer).</summary>
    private async Task StatusAsync(UserScope scope, Guid id, ReferralStatus expected)
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        while ((await LoadAsync(scope, id)).Status != expected && DateTime.UtcNow < until) await Task.Delay(100, Ct);
        Assert.Equal(expected, (await LoadAsync(scope, id)).Status);
    }

    [Fact]
    public async Task The_examiner_is_told_beside_each_field_what_is_missing_and_nothing_typed_is_lost()
    {
        var examiner = SignInAs("examiner@desc.local", "ex-" + Guid.NewGuid().ToString("N")[..8]);
        var record = await CaseAsync(examiner);
        var cut = Render<OpinionSection>(p => p.Add(x => x.Record, record).Add(x => x.Scope, examiner));

        cut.Find("[data-testid=opinion-conclusion]").Input("Counterfeit: <b>dotted</b> guilloche.");
        cut.Find("[data-testid=opinion-submit]").Click();

        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("[data-testid=field-error]"), e => e.GetAttribute("data-path") == "fraudType"));
        Assert.Contains("fraud type of document 1 is required", cut.Find("[data-testid=field-error]").TextContent, StringComparison.Ordinal);
        Assert.Equal("true", cut.Find("[data-testid=opinion-fraud-type]").GetAttribute("aria-invalid"));
        Assert.Equal("Counterfeit: <b>dotted</b> guilloche.", cut.Find("[data-testid=opinion-conclusion]").GetAttribute("value"));
        Assert.Empty((await LoadAsync(examiner, record.Id)).Opinion.Drafts);

        // A forgery asks for its kind; once chosen, the draft is saved and submitted.
        cut.Find("[data-testid=opinion-fraud-type]").Change(nameof(FraudType.Forged));
        cut.Find("[data-testid=opinion-submit]").Click();
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("[data-testid=field-error]"), e => e.GetAttribute("data-path") == "forgerySubTypes"));
        cut.Find($"[data-testid=opinion-subtype-{ForgerySubType.PhotoSubstitution}]").Change(true);
        cut.Find("[data-testid=opinion-submit]").Click();

        await StatusAsync(examiner, record.Id, ReferralStatus.InReview);
        var stored = (await LoadAsync(examiner, record.Id)).Opinion.DraftOf(0)!;
        Assert.Equal((FraudType.Forged, "Counterfeit: <b>dotted</b> guilloche."), (stored.FraudType, stored.Conclusion));
        Assert.Equal([ForgerySubType.PhotoSubstitution], stored.ForgerySubTypes);
    }

    [Fact]
    public async Task The_page_says_the_draft_is_saved_only_once_it_is_stored()
    {
        var examiner = SignInAs("examiner@desc.local", "ex-" + Guid.NewGuid().ToString("N")[..8]);
        var record = await CaseAsync(examiner);
        var cut = Render<OpinionSection>(p => p.Add(x => x.Record, record).Add(x => x.Scope, examiner));
        Assert.Empty(cut.FindAll("[data-testid=opinion-saved]"));

        cut.Find("[data-testid=opinion-fraud-type]").Change(nameof(FraudType.Genuine));
        cut.Find("[data-testid=opinion-conclusion]").Input("No sign of alteration.");
        cut.Find("[data-testid=opinion-save]").Click();
        var until = DateTime.UtcNow.AddSeconds(15);
        while ((await LoadAsync(examiner, record.Id)).Opinion.Drafts.Count == 0 && DateTime.UtcNow < until) await Task.Delay(100, Ct);

        // The case page hands the section the stored case again; the time is the draft's own.
        var saved = await LoadAsync(examiner, record.Id);
        cut.Render(p => p.Add(x => x.Record, saved));
        Assert.Equal($"Draft saved {TimeDisplay.Utc(saved.Opinion.DraftOf(0)!.SavedAt)}", cut.Find("[data-testid=opinion-saved]").TextContent);
    }

    [Fact]
    public async Task A_reviewer_sees_the_opinion_as_text_and_can_approve_or_return_it_the_examiner_cannot()
    {
        var examinerId = "ex-" + Guid.NewGuid().ToString("N")[..8];
        var examiner = new UserScope(examinerId, "Erik Examiner", new HashSet<string> { Roles.Examiner }, null, null, false);
        var record = await CaseAsync(examiner);
        var commands = Host.Services.GetRequiredService<OpinionCommands>();
        var draft = new OpinionDraft(0, FraudType.Counterfeit, [], "Findings <i>here</i>.", "Counterfeit <script>x</script>.", null, null);
        var saved = await commands.AsExaminerAsync(examiner, record.Id, record.Version, (r, o, a, now) => OpinionDecider.SaveDraft(r, o, draft, a, now), Ct);
        var inReview = await commands.AsExaminerAsync(examiner, record.Id, saved.Version, (r, o, a, now) => OpinionDecider.SubmitForReview(r, o, null, a, now), Ct);

        var reviewer = SignInAs("reviewer@desc.local", "rev-" + Guid.NewGuid().ToString("N")[..8]);
        var cut = Render<OpinionSection>(p => p.Add(x => x.Record, inReview).Add(x => x.Scope, reviewer));

        Assert.Empty(cut.FindAll("[data-testid=opinion-form]"));
        var conclusion = cut.Find("[data-testid=opinion-conclusion-view]");
        Assert.Equal("Counterfeit <script>x</script>.", conclusion.TextContent);
        Assert.Empty(conclusion.QuerySelectorAll("script"));
        Assert.Equal("Counterfeit", cut.Find("[data-testid=opinion-view]").GetAttribute("data-fraud-type"));
        // Returning needs comments: refused on the page, then returned with them.
        cut.Find("[data-testid=review-return]").Click();
        cut.WaitForAssertion(() => Assert.Contains("comments are required", cut.Find("[data-testid=opinion-error]").TextContent, StringComparison.Ordinal));
        cut.Find("[data-testid=review-comments-input]").Input("Name the guilloche lines compared.");
        cut.Find("[data-testid=review-return]").Click();
        await StatusAsync(reviewer, record.Id, ReferralStatus.Returned);

        // The examiner's own view of a case in review has no review panel.
        var own = Render<OpinionSection>(p => p.Add(x => x.Record, inReview).Add(x => x.Scope, examiner with { Roles = new HashSet<string> { Roles.Examiner, Roles.Reviewer } }));
        Assert.Empty(own.FindAll("[data-testid=review-panel]"));
    }

    [Fact]
    public async Task A_reported_case_is_reopened_with_a_reason_and_goes_back_into_examination()
    {
        var examiner = SignInAs("examiner@desc.local", "ex-" + Guid.NewGuid().ToString("N")[..8]);
        var record = await CaseAsync(examiner);
        var commands = Host.Services.GetRequiredService<OpinionCommands>();
        var draft = new OpinionDraft(0, FraudType.Counterfeit, [], null, "Counterfeit.", null, null);
        var saved = await commands.AsExaminerAsync(examiner, record.Id, record.Version, (r, o, a, now) => OpinionDecider.SaveDraft(r, o, draft, a, now), Ct);
        var inReview = await commands.AsExaminerAsync(examiner, record.Id, saved.Version, (r, o, a, now) => OpinionDecider.SubmitForReview(r, o, null, a, now), Ct);
        var reviewer = new UserScope("rev-" + Guid.NewGuid().ToString("N")[..8], "Rita Reviewer", new HashSet<string> { Roles.Reviewer }, null, null, false);
        var approval = Guid.NewGuid();
        await commands.AsReviewerAsync(reviewer, record.Id, inReview.Version, (r, o, a, now) => OpinionDecider.Approve(r, o, approval, a, now), Ct);
        await Host.Services.GetRequiredService<ReportJob>().IssueAsync(record.Id, approval, Ct);
        var reported = await LoadAsync(examiner, record.Id);
        Assert.Equal(ReferralStatus.Reported, reported.Status);

        var cut = Render<OpinionSection>(p => p.Add(x => x.Record, reported).Add(x => x.Scope, examiner));
        Assert.Equal("true", cut.Find("[data-testid=report-item]").GetAttribute("data-current"));
        cut.Find("[data-testid=reopen-open]").Click();
        // No reason: refused on the page, the case stays reported.
        cut.Find("[data-testid=reopen]").Click();
        cut.WaitForAssertion(() => Assert.Contains("reason for reopening is required", cut.Find("[data-testid=opinion-error]").TextContent, StringComparison.Ordinal));
        Assert.Equal(ReferralStatus.Reported, (await LoadAsync(examiner, record.Id)).Status);

        cut.Find("[data-testid=reopen-reason]").Input("The officer sent the IR image.");
        cut.Find("[data-testid=reopen]").Click();

        await StatusAsync(examiner, record.Id, ReferralStatus.InExamination);
        Assert.Equal(["The officer sent the IR image."], (await LoadAsync(examiner, record.Id)).Opinion.Reopenings.Select(r => r.Reason));
    }

    [Fact]
    public async Task A_reviewer_approves_again_from_the_same_page_after_the_case_was_reopened_and_resubmitted()
    {
        var examiner = new UserScope("ex-" + Guid.NewGuid().ToString("N")[..8], "Erik Examiner", new HashSet<string> { Roles.Examiner }, null, null, false);
        var record = await CaseAsync(examiner);
        var commands = Host.Services.GetRequiredService<OpinionCommands>();
        var draft = new OpinionDraft(0, FraudType.Counterfeit, [], null, "Counterfeit.", null, null);
        var saved = await commands.AsExaminerAsync(examiner, record.Id, record.Version, (r, o, a, now) => OpinionDecider.SaveDraft(r, o, draft, a, now), Ct);
        var inReview = await commands.AsExaminerAsync(examiner, record.Id, saved.Version, (r, o, a, now) => OpinionDecider.SubmitForReview(r, o, null, a, now), Ct);
        var reviewer = SignInAs("reviewer@desc.local", "rev-" + Guid.NewGuid().ToString("N")[..8]);
        var cut = Render<OpinionSection>(p => p.Add(x => x.Record, inReview).Add(x => x.Scope, reviewer));

        cut.Find("[data-testid=review-approve]").Click();
        await StatusAsync(reviewer, record.Id, ReferralStatus.Approved);
        var first = (await LoadAsync(reviewer, record.Id)).Opinion.LatestApproval!;
        await Host.Services.GetRequiredService<ReportJob>().IssueAsync(record.Id, first.ApprovalId, Ct);
        var reported = await LoadAsync(examiner, record.Id);
        var reopened = await commands.ReopenAsync(examiner, record.Id, reported.Version, "The officer sent the IR image.", Ct);
        var again = await commands.AsExaminerAsync(examiner, record.Id, reopened.Version, (r, o, a, now) => OpinionDecider.SubmitForReview(r, o, null, a, now), Ct);
        cut.Render(p => p.Add(x => x.Record, again));

        cut.Find("[data-testid=review-approve]").Click();

        await StatusAsync(reviewer, record.Id, ReferralStatus.Approved);
        var approvals = (await LoadAsync(reviewer, record.Id)).Opinion.Approvals;
        Assert.Equal(2, approvals.Count);
        Assert.NotEqual(approvals[0].ApprovalId, approvals[1].ApprovalId);
    }
}
