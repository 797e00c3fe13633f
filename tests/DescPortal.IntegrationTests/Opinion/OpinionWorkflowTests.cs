using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DescPortal.Core;
using DescPortal.Core.Examination;
using DescPortal.Core.Mrz;
using DescPortal.Core.Opinion;
using DescPortal.Testing;
using DescPortal.Web.Features.Examination;
using DescPortal.Web.Features.Opinion;
using DescPortal.Web.Features.Referrals;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Infrastructure.Localization;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Xunit;
using DescPortal.Web.Features.Cases;

namespace DescPortal.IntegrationTests.Opinion;

/// <summary>
/// The opinion's workflow on real storage: draft, review by another person, the report job (real Chromium), its
/// idempotency, the API's report and fraud type, verification by code and by file, supersession after reopening.
/// </summary>
[Collection(nameof(CaseWriteCollection))]
public sealed class OpinionWorkflowTests(IntegrationHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static UserScope Person(string id, params string[] roles) =>
        new(id, id.Split('-')[0] switch { "rev" => "Rita Reviewer", _ => "Erik Examiner" }, roles.ToHashSet(), null, null, false) { UserName = id + "@desc.local" };

    private OpinionCommands Commands => host.Services.GetRequiredService<OpinionCommands>();
    private IDocumentStore Store => host.Services.GetRequiredService<IDocumentStore>();
    private ReportJob Job => host.Services.GetRequiredService<ReportJob>();

    private async Task<(CaseRecord Record, UserScope Examiner)> CaseInExaminationAsync()
    {
        var examiner = Person("ex-" + Guid.NewGuid().ToString("N")[..8], Roles.Examiner);
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var response = await client.PostAsync("/api/v1/referrals",
            ReferralRequests.Multipart(ReferralRequests.Example(["White", "UV365"]), TestImages.Jpeg(900, 640, seed: 5), TestImages.Jpeg(900, 640, seed: 6)), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.JsonAsync()).GetProperty("id").GetGuid();
        await host.Services.GetRequiredService<TakeCase>().HandleAsync(examiner, id, Ct);
        return ((await host.Services.GetRequiredService<CaseQueries>().LoadForAsync(examiner, id, Ct))!, examiner);
    }

    private static OpinionDraft Counterfeit(string conclusion = "The passport is a counterfeit: the guilloche is printed in dots, not lines.") =>
        new(0, FraudType.Counterfeit, [], "Guilloche: inconsistent with the genuine (offset dots).", conclusion, null, null);

    private async Task<CaseRecord> SubmittedAsync(CaseRecord record, UserScope examiner, OpinionDraft draft, string? answer = null)
    {
        var saved = await Commands.AsExaminerAsync(examiner, record.Id, record.Version, (r, o, a, now) => OpinionDecider.SaveDraft(r, o, draft, a, now), Ct);
        return await Commands.AsExaminerAsync(examiner, record.Id, saved.Version, (r, o, a, now) => OpinionDecider.SubmitForReview(r, o, answer, a, now), Ct);
    }

    private async Task<CaseRecord> ApprovedAsync(CaseRecord inReview, UserScope reviewer)
    {
        var id = Guid.NewGuid();
        return await Commands.AsReviewerAsync(reviewer, inReview.Id, inReview.Version, (r, o, a, now) => OpinionDecider.Approve(r, o, id, a, now), Ct);
    }

    private async Task<CaseRecord> LoadAsync(Guid id) =>
        (await host.Services.GetRequiredService<CaseQueries>().LoadForAsync(Person("rev-reader", Roles.Reviewer), id, Ct))!;

    [Fact]
    public async Task From_draft_to_approval_the_report_is_issued_once_downloadable_and_verifiable()
    {
        var (record, examiner) = await CaseInExaminationAsync();
        var reviewer = Person("rev-" + Guid.NewGuid().ToString("N")[..8], Roles.Reviewer);

        // A draft without a conclusion can be saved but not submitted; the refusal names the field.
        var partial = await Commands.AsExaminerAsync(examiner, record.Id, record.Version,
            (r, o, a, now) => OpinionDecider.SaveDraft(r, o, Counterfeit(conclusion: ""), a, now), Ct);
        var refused = await Assert.ThrowsAsync<DomainException>(() => Commands.AsExaminerAsync(examiner, record.Id, partial.Version,
            (r, o, a, now) => OpinionDecider.SubmitForReview(r, o, null, a, now), Ct));
        Assert.Contains("conclusion", refused.Message, StringComparison.OrdinalIgnoreCase);

        var inReview = await SubmittedAsync(partial, examiner, Counterfeit());
        Assert.Equal(ReferralStatus.InReview, inReview.Status);
        var approved = await ApprovedAsync(inReview, reviewer);
        Assert.Equal(ReferralStatus.Approved, approved.Status);
        var approval = approved.Opinion.LatestApproval!;

        // The job (queued by the approval, and run here too: twice, and twice at once) issues one report.
        await Job.IssueAsync(record.Id, approval.ApprovalId, Ct);
        await Task.WhenAll(Job.IssueAsync(record.Id, approval.ApprovalId, Ct), Job.IssueAsync(record.Id, approval.ApprovalId, Ct));
        var reported = await LoadAsync(record.Id);
        Assert.Equal(ReferralStatus.Reported, reported.Status);
        var report = Assert.Single(reported.Opinion.Reports);
        Assert.Equal(ReportNumber.Format(reported.Reference, 1), report.ReportNumber);
        Assert.Single(reported.History, h => h.Type == nameof(ReportIssued));
        // Nothing half-written lies about: the case's report blobs are the issued one only.
        var blobs = host.Services.GetRequiredService<BlobContainers>().Reports;
        var names = new List<string>();
        await foreach (var b in blobs.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{record.Id:N}/", Ct)) names.Add(b.Name);
        Assert.Equal([report.PdfBlobName], names);
        // A PDF an attempt left behind (its process died before the commit) goes; the issued one stays.
        var leftover = $"{record.Id:N}/{report.ReportNumber}-{Guid.NewGuid():N}.pdf";
        await blobs.GetBlobClient(leftover).UploadAsync(new BinaryData("%PDF-1.7 left by a crash"), new Azure.Storage.Blobs.Models.BlobUploadOptions
        {
            Metadata = new Dictionary<string, string> { ["reportNumber"] = report.ReportNumber, ["sha256"] = new string('0', 64) },
        }, Ct);
        Assert.Equal(0, await Job.DeleteOrphanPdfsAsync(TimeSpan.FromHours(1), record.Id, Ct)); // too young: maybe still committing
        Assert.Equal(1, await Job.DeleteOrphanPdfsAsync(TimeSpan.Zero, record.Id, Ct));
        Assert.False((await blobs.GetBlobClient(leftover).ExistsAsync(Ct)).Value);
        Assert.True((await blobs.GetBlobClient(report.PdfBlobName).ExistsAsync(Ct)).Value);

        // The agency downloads it through the API; its bytes are the recorded SHA-256; the referral says the fraud type.
        using var api = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        using var download = await api.GetAsync($"/api/v1/referrals/{record.Id}/report", Ct);
        Assert.True(download.Headers.CacheControl?.NoStore, "a report is kept in no cache");
        var pdf = await download.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(report.Sha256, Convert.ToHexStringLower(SHA256.HashData(pdf)));
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(pdf, 0, 4), StringComparison.Ordinal);
        // What the job printed is this case's report: its number on every page, the reference, the opinion, the statement.
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            var pages = document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
            Assert.All(pages, (text, i) =>
            {
                Assert.Contains(report.ReportNumber, text, StringComparison.Ordinal);
                Assert.Contains($"Page {i + 1} of {pages.Count}", text, StringComparison.Ordinal);
            });
            var all = string.Join(" ", pages);
            Assert.Contains(reported.Reference, all, StringComparison.Ordinal);
            Assert.Contains("guilloche is printed in dots", all, StringComparison.Ordinal);
            Assert.Contains(report.VerificationCode, all, StringComparison.Ordinal);
            Assert.Contains("The results relate only to the items examined.", all, StringComparison.Ordinal);
            foreach (var e in reported.Evidence) Assert.Contains(e.Sha256, all, StringComparison.Ordinal);
            // Nothing said of the items' condition, no departure from the method: the headings say so.
            Assert.True(Reports.PdfText.Holds(all, "Condition of the items on receipt Not stated with the referral."), "No condition stated.");
            Assert.True(Reports.PdfText.Holds(all, "Deviations from the method None."), "None printed when there are no deviations.");
        }
        var referral = await (await api.GetAsync($"/api/v1/referrals/{record.Id}", Ct)).JsonAsync();
        Assert.Equal("Reported", referral.GetProperty("status").GetString());
        Assert.Equal("Counterfeit", referral.GetProperty("documents")[0].GetProperty("fraudType").GetString());
        // Another agency cannot see it.
        using var south = host.CreateClient().WithKey(ReferralRequests.SouthKey);
        Assert.Equal(HttpStatusCode.NotFound, (await south.GetAsync($"/api/v1/referrals/{record.Id}/report", Ct)).StatusCode);

        // Anyone verifies it without a key: by code, by the PDF; a changed PDF and a made-up code are Unknown.
        using var anyone = host.CreateClient();
        var byCode = await VerifyAsync(anyone, JsonContent(new { code = report.VerificationCode.ToLowerInvariant() }));
        Assert.Equal(("Genuine", report.ReportNumber), (byCode.GetProperty("result").GetString(), byCode.GetProperty("reportNumber").GetString()));
        var byFile = await VerifyAsync(anyone, PdfContent(pdf));
        Assert.Equal("Genuine", byFile.GetProperty("result").GetString());
        var changed = pdf.ToArray();
        changed[changed.Length / 2] ^= 0x20;
        var byChanged = await VerifyAsync(anyone, PdfContent(changed));
        Assert.Equal("Unknown", byChanged.GetProperty("result").GetString());
        Assert.Equal(JsonValueKind.Null, byChanged.GetProperty("reportNumber").ValueKind);
        Assert.Equal("Unknown", (await VerifyAsync(anyone, JsonContent(new { code = "AAAA-BBBB-CCCC-DDDD" }))).GetProperty("result").GetString());
        // The public page, as the report's QR code opens it: the verdict and the report number, nothing of the case.
        var page = await anyone.GetStringAsync($"/verify?code={report.VerificationCode}", Ct);
        Assert.Contains("data-result=\"Genuine\"", page, StringComparison.Ordinal);
        Assert.Contains(report.ReportNumber, page, StringComparison.Ordinal);
        Assert.DoesNotContain("ERIKSSON", page, StringComparison.Ordinal);
        // And its form: the PDF uploaded, then a changed copy.
        Assert.Contains("data-result=\"Genuine\"", await PostVerifyFormAsync(anyone, pdf), StringComparison.Ordinal);
        Assert.Contains("data-result=\"Unknown\"", await PostVerifyFormAsync(anyone, changed), StringComparison.Ordinal);
        Assert.Equal("Unknown", (await VerifyAsync(anyone, JsonContent(new { code = "not a code" }))).GetProperty("result").GetString());
        Assert.Equal("Unknown", (await VerifyAsync(anyone, new StringContent("{", Encoding.UTF8, "application/json"))).GetProperty("result").GetString());
    }

    [Fact]
    public async Task The_report_states_the_condition_on_receipt_the_method_its_deviations_and_the_measurements_in_millimetres()
    {
        // The officer states the condition with the submission; the examiner finds otherwise and amends it.
        var referral = ReferralRequests.Example(["White"]);
        referral["conditionOnReceipt"] = "Intact.";
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var response = await client.PostAsync("/api/v1/referrals", ReferralRequests.Multipart(referral, TestImages.Jpeg(900, 640, seed: 7)), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.JsonAsync()).GetProperty("id").GetGuid();
        var examiner = Person("ex-" + Guid.NewGuid().ToString("N")[..8], Roles.Examiner);
        await host.Services.GetRequiredService<TakeCase>().HandleAsync(examiner, id, Ct);
        var examination = host.Services.GetRequiredService<ExaminationCommands>();
        var record = (await host.Services.GetRequiredService<CaseQueries>().LoadForAsync(examiner, id, Ct))!;
        Assert.Equal("Intact.", record.Case.ConditionOnReceipt);
        const string condition = "Data page laminate lifted at the lower edge; cover intact.";
        record = await examination.DecideAsync(examiner, id, record.Version,
            (r, _, a, now) => DescPortal.Core.Referrals.ReferralDecider.AmendConditionOnReceipt(r, a.UserId, condition, a.Actor, now), Ct);
        // 600 dpi as captured: 472.44 pixels are 20 mm.
        var white = record.Evidence.Single().Id;
        record = await examination.DecideAsync(examiner, id, record.Version, (r, e, a, now) => ExaminationDecider.RecordMeasurement(
            r, e, Guid.NewGuid(), white, new ImagePoint(50, 100), new ImagePoint(522.44, 100), "Width of the portrait", a, now), Ct);
        const string deviation = "UV 254 nm was not used: the short-wave lamp was out of order.";

        var approved = await ApprovedAsync(await SubmittedAsync(record, examiner, Counterfeit() with { Deviations = deviation }),
            Person("rev-" + Guid.NewGuid().ToString("N")[..8], Roles.Reviewer));
        await Job.IssueAsync(id, approved.Opinion.LatestApproval!.ApprovalId, Ct);

        using var download = await client.GetAsync($"/api/v1/referrals/{id}/report", Ct);
        var pdf = await download.Content.ReadAsByteArrayAsync(Ct);
        await File.WriteAllBytesAsync(Path.Combine(TestServices.ArtifactsDirectory, "expert-report-17025.pdf"), pdf, Ct);
        var text = string.Join(' ', Reports.PdfText.Pages(pdf));
        void Holds(string expected) => Assert.True(Reports.PdfText.Holds(text, expected), $"The PDF's text holds: {expected}");
        Holds($"Condition of the items on receipt {condition} Amended by the examiner on");
        Assert.DoesNotContain("Intact.", text, StringComparison.Ordinal);
        Holds("Method: DESC-PM-01, version 3");
        Holds($"Deviations from the method Document 1 {deviation}");
        Holds("MEASUREMENTS No. Figure Length Scale What was measured"); // h4: capitals (report.css)
        Holds("M1 1 20.00 mm 600 dpi, the resolution recorded at capture Width of the portrait");
        Holds("M1 Measurement: 20.00 mm"); // drawn on figure 1 and listed under it
        // The officer's words stay in the API's referral as submitted; the report states the examiner's.
        var details = await (await client.GetAsync($"/api/v1/referrals/{id}", Ct)).JsonAsync();
        Assert.Equal("Intact.", details.GetProperty("conditionOnReceipt").GetString());
    }

    [Fact]
    public async Task The_sweep_goes_past_a_case_whose_report_cannot_be_made()
    {
        var (record, examiner) = await CaseInExaminationAsync();
        // Its evidence is gone from storage: the report cannot be built, now or on any retry. The job refuses to print
        // it (the originals fail their integrity check, and the alarm is on the case) rather than fail again and again.
        var evidence = host.Services.GetRequiredService<BlobContainers>().Evidence;
        foreach (var e in record.Evidence) await evidence.DeleteBlobIfExistsAsync(e.BlobName, cancellationToken: Ct);
        var reviewer = Person("rev-" + Guid.NewGuid().ToString("N")[..8], Roles.Reviewer);
        var approved = await ApprovedAsync(await SubmittedAsync(record, examiner, Counterfeit()), reviewer);
        await Job.IssueAsync(record.Id, approved.Opinion.LatestApproval!.ApprovalId, Ct);
        Assert.Contains((await LoadAsync(record.Id)).Evidence, e => e.IntegrityFailure is not null);

        await Job.SweepAsync(Ct);

        var after = await LoadAsync(record.Id);
        Assert.Equal(ReferralStatus.Approved, after.Status);
        Assert.Empty(after.Opinion.Reports);
    }

    [Fact]
    public async Task The_examiner_cannot_review_their_own_opinion_even_with_the_reviewer_role()
    {
        var (record, examiner) = await CaseInExaminationAsync();
        var inReview = await SubmittedAsync(record, examiner, Counterfeit());
        var both = Person(examiner.UserId, Roles.Examiner, Roles.Reviewer);

        var refused = await Assert.ThrowsAsync<DomainException>(() => ApprovedAsync(inReview, both));

        Assert.Contains("four-eyes", refused.Message, StringComparison.Ordinal);
        Assert.Equal(ReferralStatus.InReview, (await LoadAsync(record.Id)).Status);
        // And an examiner without the reviewer role is turned away before the case is even read.
        await Assert.ThrowsAsync<DomainException>(() => ApprovedAsync(inReview, Person("ex-other", Roles.Examiner)));
    }

    [Fact]
    public async Task No_report_without_an_approval_and_a_returned_opinion_goes_back_with_the_comments()
    {
        var (record, examiner) = await CaseInExaminationAsync();
        var reviewer = Person("rev-" + Guid.NewGuid().ToString("N")[..8], Roles.Reviewer);
        var inReview = await SubmittedAsync(record, examiner, Counterfeit());

        // A job for an approval that does not exist issues nothing.
        await Job.IssueAsync(record.Id, Guid.NewGuid(), Ct);
        Assert.Empty((await LoadAsync(record.Id)).Opinion.Reports);

        var returned = await Commands.AsReviewerAsync(reviewer, record.Id, inReview.Version,
            (r, o, a, now) => OpinionDecider.Return(r, o, "Say which guilloche lines you compared.", a, now), Ct);
        Assert.Equal(ReferralStatus.Returned, returned.Status);
        Assert.Equal("Say which guilloche lines you compared.", returned.Opinion.CurrentRound!.Comments);
        // Resubmitted with an answer, it is in review again.
        var again = await SubmittedAsync(returned, examiner, Counterfeit("Counterfeit: the rosette's lines are dotted."), answer: "Compared the rosette and the border.");
        Assert.Equal(ReferralStatus.InReview, again.Status);
        Assert.Equal("Compared the rosette and the border.", again.Opinion.ReviewRounds[0].Answer);
    }

    [Fact]
    public async Task Reopened_and_approved_again_the_new_report_supersedes_the_first_which_verifies_as_superseded()
    {
        var (record, examiner) = await CaseInExaminationAsync();
        var reviewer = Person("rev-" + Guid.NewGuid().ToString("N")[..8], Roles.Reviewer);
        var first = await ApprovedAsync(await SubmittedAsync(record, examiner, Counterfeit()), reviewer);
        await Job.IssueAsync(record.Id, first.Opinion.LatestApproval!.ApprovalId, Ct);
        var v1 = (await LoadAsync(record.Id)).Opinion.CurrentReport!;

        var reopened = await Commands.ReopenAsync(examiner, record.Id, (await LoadAsync(record.Id)).Version, "The officer sent the IR image of the data page.", Ct);
        Assert.Equal(ReferralStatus.InExamination, reopened.Status);
        var second = await ApprovedAsync(await SubmittedAsync(reopened, examiner, Counterfeit("Counterfeit, confirmed under IR.")), reviewer);
        await Job.IssueAsync(record.Id, second.Opinion.LatestApproval!.ApprovalId, Ct);

        var reported = await LoadAsync(record.Id);
        var v2 = reported.Opinion.CurrentReport!;
        Assert.Equal(2, v2.Version);
        Assert.Equal(v1.ReportNumber, v2.Supersedes);
        Assert.Equal(v2.ReportNumber, reported.Opinion.FindReport(v1.ReportNumber)!.SupersededBy);
        Assert.NotEqual(v1.Sha256, v2.Sha256);

        using var anyone = host.CreateClient();
        var old = await VerifyAsync(anyone, JsonContent(new { code = v1.VerificationCode }));
        Assert.Equal(("Superseded", v1.ReportNumber, v2.ReportNumber),
            (old.GetProperty("result").GetString(), old.GetProperty("reportNumber").GetString(), old.GetProperty("supersededBy").GetString()));
        Assert.Equal("Genuine", (await VerifyAsync(anyone, JsonContent(new { code = v2.VerificationCode }))).GetProperty("result").GetString());
        // The API serves the current one.
        using var api = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var pdf = await api.GetByteArrayAsync($"/api/v1/referrals/{record.Id}/report", Ct);
        Assert.Equal(v2.Sha256, Convert.ToHexStringLower(SHA256.HashData(pdf)));
    }

    [Fact]
    public async Task Two_saves_on_the_same_version_the_second_is_told_and_nothing_of_it_is_stored()
    {
        var (record, examiner) = await CaseInExaminationAsync();
        await Commands.AsExaminerAsync(examiner, record.Id, record.Version, (r, o, a, now) => OpinionDecider.SaveDraft(r, o, Counterfeit("First."), a, now), Ct);

        var clash = await Assert.ThrowsAsync<CaseChangedException>(() => Commands.AsExaminerAsync(examiner, record.Id, record.Version,
            (r, o, a, now) => OpinionDecider.SaveDraft(r, o, Counterfeit("Second."), a, now), Ct));

        Assert.Equal("First.", clash.Latest.Opinion.DraftOf(0)!.Conclusion);
        Assert.Equal("First.", (await LoadAsync(record.Id)).Opinion.DraftOf(0)!.Conclusion);
    }

    [Fact]
    public async Task The_officer_answers_a_request_for_more_material_through_the_api_and_the_case_returns_to_the_examiner()
    {
        var (record, examiner) = await CaseInExaminationAsync();
        var requestId = Guid.NewGuid();
        var waiting = await Commands.AsExaminerAsync(examiner, record.Id, record.Version,
            (r, o, a, now) => OpinionDecider.RequestInformation(r, o, requestId, "Please send the data page under IR light.", a, now), Ct);
        Assert.Equal(ReferralStatus.AwaitingInformation, waiting.Status);
        using var north = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        using var south = host.CreateClient().WithKey(ReferralRequests.SouthKey);

        // Another agency sees nothing; a file that is not an image is refused by its content, and nothing is recorded.
        Assert.Equal(HttpStatusCode.NotFound, (await south.PostAsync($"/api/v1/referrals/{record.Id}/information", Answer(TestImages.Jpeg(300, 200, seed: 9)), Ct)).StatusCode);
        var notAnImage = await north.PostAsync($"/api/v1/referrals/{record.Id}/information", Answer("%PDF-1.4 not an image"u8.ToArray()), Ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notAnImage.StatusCode);
        var imageProblem = await notAnImage.JsonAsync();
        Assert.True(imageProblem.GetProperty("errors").TryGetProperty("images[0]", out _), "the refusal names the image");
        Assert.Equal("image.not-an-image", imageProblem.GetProperty("code").GetString());
        // "images": null is a message-only answer missing its message, said as such (not a server error).
        using var nullImages = new MultipartFormDataContent { { new StringContent("""{ "images": null }""", Encoding.UTF8, "application/json"), "answer" } };
        var refused = await north.PostAsync($"/api/v1/referrals/{record.Id}/information", nullImages, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var messageProblem = await refused.JsonAsync();
        Assert.True(messageProblem.GetProperty("errors").TryGetProperty("message", out _), "the refusal names the message");
        Assert.Equal("opinion.answer.empty", messageProblem.GetProperty("codes").GetProperty("message")[0].GetString());
        Assert.Equal(ReferralStatus.AwaitingInformation, (await LoadAsync(record.Id)).Status);

        var response = await north.PostAsync($"/api/v1/referrals/{record.Id}/information", Answer(TestImages.Jpeg(800, 560, seed: 10)), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("InExamination", (await response.JsonAsync()).GetProperty("status").GetString());

        var after = await LoadAsync(record.Id);
        Assert.Equal(record.Evidence.Count + 1, after.Evidence.Count);
        var added = after.Evidence[^1];
        Assert.Equal((DescPortal.Core.LightSource.IR, 600), (added.LightSource, added.Dpi));
        var request = Assert.Single(after.Opinion.InformationRequests);
        Assert.Equal("Here is the IR image.", request.Answer);
        Assert.Equal([added.Id], request.EvidenceIds);
        // No request is open any more: a second answer is a conflict, said in English with its code.
        var second = await north.PostAsync($"/api/v1/referrals/{record.Id}/information", Answer(TestImages.Jpeg(300, 200, seed: 11)), Ct);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var conflict = await second.JsonAsync();
        Assert.Equal("opinion.request.none-open", conflict.GetProperty("code").GetString());
        Assert.Equal($"Referral {record.Reference} has no open request for more material.", conflict.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_suggested_findings_the_workspace_and_the_report_give_each_mark_the_same_number()
    {
        var (record, examiner) = await CaseInExaminationAsync();
        var white = record.Evidence.Single(e => e.LightSource == LightSource.White).Id;
        var uv = record.Evidence.Single(e => e.LightSource == LightSource.UV365).Id;
        var examination = host.Services.GetRequiredService<ExaminationCommands>();
        // Drawn white, UV, white: the report prints the white image first, so numbering "as printed" would differ.
        foreach (var (image, note) in new[] { (white, "first"), (uv, "second"), (white, "third") })
        {
            var mark = new Annotation(Guid.NewGuid(), image, AnnotationShape.Rectangle(40, 30, 200, 120), null, Finding.Inconsistent, note);
            record = await examination.DecideAsync(examiner, record.Id, record.Version,
                (r, e, a, now) => ExaminationDecider.AddAnnotation(r, e, mark, a, now), Ct);
        }
        var findings = OpinionFindings.Assemble(record, 0, host.Services.GetRequiredService<IStringLocalizer<Strings>>());
        Assert.Contains("- Mark 1 — Data page, White light, reflected: Inconsistent with the genuine. first", findings, StringComparison.Ordinal);
        Assert.Contains("- Mark 2 — Data page, UV 365 nm (long-wave): Inconsistent with the genuine. second", findings, StringComparison.Ordinal);
        Assert.Contains("- Mark 3 — Data page, White light, reflected: Inconsistent with the genuine. third", findings, StringComparison.Ordinal);

        var approved = await ApprovedAsync(await SubmittedAsync(record, examiner, Counterfeit() with { Findings = findings }),
            Person("rev-" + Guid.NewGuid().ToString("N")[..8], Roles.Reviewer));
        var approval = approved.Opinion.LatestApproval!;
        var report = await host.Services.GetRequiredService<ExpertReportBuilder>().BuildAsync(approved, approval.ApprovalId,
            new PlannedReport(approval.ApprovalId, approved.Reference + "-R1", 1, null), "ABCD-EFGH-JKLM-NPQR", DateTimeOffset.UtcNow, Ct);
        Assert.Equal([(LightSource.White, "1 3"), (LightSource.UV365, "2")],
            report.Images.Select(i => (i.Light, string.Join(' ', i.Annotations.Select(a => a.Number)))));
        Assert.Equal(["first", "second", "third"], report.Images.SelectMany(i => i.Annotations).OrderBy(a => a.Number).Select(a => a.Note));
    }

    [Fact]
    public async Task The_suggested_findings_say_an_mrz_with_right_check_digits_and_a_wrong_character_has_errors()
    {
        var (record, examiner) = await CaseInExaminationAsync();
        var examination = host.Services.GetRequiredService<ExaminationCommands>();
        // ERIKSSON with a zero for its O: no check digit covers line 1, so every one is right.
        Assert.True(MrzCheck.TryRun("P<UTOERIKSS0N<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10",
            DateOnly.FromDateTime(DateTime.UtcNow), out var result));
        MrzCheckResult check = result;
        var entered = VizData.Of(record.Submission, 0);
        record = await examination.DecideAsync(examiner, record.Id, record.Version,
            (r, e, a, now) => ExaminationDecider.RecordMrzCheck(r, e, 0, check, entered, a, now), Ct);

        var findings = OpinionFindings.Assemble(record, 0, host.Services.GetRequiredService<IStringLocalizer<Strings>>());

        Assert.StartsWith("MRZ (TD3): the MRZ has errors; ", findings, StringComparison.Ordinal);
        Assert.DoesNotContain("check digits fail", findings, StringComparison.Ordinal);
    }

    private static MultipartFormDataContent Answer(byte[] image)
    {
        var form = new MultipartFormDataContent();
        form.Add(new StringContent("""{ "message": "Here is the IR image.", "images": [ { "lightSource": "IR", "area": "DataPage", "dpi": 600 } ] }""",
            Encoding.UTF8, "application/json"), "answer");
        var file = new ByteArrayContent(image);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "images", "../ir.jpg");
        return form;
    }

    [Fact]
    public void Verification_is_rate_limited_per_client_address()
    {
        using var verification = new ReportVerification(Store, new VerificationOptions { PerMinute = 2 });

        Assert.True(verification.TryAcquire("203.0.113.7"));
        Assert.True(verification.TryAcquire("203.0.113.7"));
        Assert.False(verification.TryAcquire("203.0.113.7"));
        Assert.True(verification.TryAcquire("198.51.100.1"));
    }

    private static async Task<JsonElement> VerifyAsync(HttpClient client, HttpContent body)
    {
        var response = await client.PostAsync("/api/v1/reports/verify", body, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    /// <summary>The public page's form as a browser sends it: antiforgery token and cookie from the page, the file.</summary>
    private static async Task<string> PostVerifyFormAsync(HttpClient client, byte[] pdf)
    {
        var form = await client.GetStringAsync("/verify", Ct);
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        using var body = new MultipartFormDataContent
        {
            { new StringContent("verify"), "_handler" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(""), "Code" },
            { PdfContent(pdf), "pdf", "report.pdf" },
        };
        var response = await client.PostAsync("/verify", body, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    private static StringContent JsonContent(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    private static ByteArrayContent PdfContent(byte[] pdf)
    {
        var content = new ByteArrayContent(pdf);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return content;
    }
}
