using System.Security.Cryptography;
using DescPortal.ApiClient;
using DescPortal.Core.Opinion;
using DescPortal.Testing;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Features.Examination;
using DescPortal.Web.Features.Opinion;
using DescPortal.Web.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using ApiSex = DescPortal.ApiClient.BearerSubmissionSex;
using VerificationResult = DescPortal.ApiClient.VerificationResult;

namespace DescPortal.IntegrationTests.Platform;

/// <summary>
/// A border system's integrator generates a client from docs/openapi/v1.json (NSwag, as tests/DescPortal.ApiClient
/// does at build time) and drives the portal with it: submit with images, list, read, history, evidence, MRZ check,
/// report, verification, and the problems a client must act on. Where the contract and the portal disagree (a field
/// renamed, a status or content type not described, an answer of another shape), the generated client fails here.
/// </summary>
[Collection(nameof(CaseWriteCollection))]
public sealed class GeneratedClientTests(IntegrationHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Mrz = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";

    private DescApiClient Client(string? key = ReferralRequests.NorthKey)
    {
        var http = host.CreateClient();
        if (key is not null) http.WithKey(key);
        return new DescApiClient(http);
    }

    private static ReferralSubmission Submission(params ImageSubmissionLightSource[] lights)
    {
        var now = DateTimeOffset.UtcNow;
        return new ReferralSubmission
        {
            BorderCrossingPoint = "NORTH-GATE",
            InterceptedAt = now.AddMinutes(-20),
            RouteFrom = "UTO",
            Reason = "Laminate edge lifted near the portrait",
            Urgency = ReferralSubmissionUrgency.Urgent,
            AnswerBy = now.AddHours(3),
            Bearer = new BearerSubmission { Surname = "ERIKSSON", GivenNames = "ANNA MARIA", Nationality = "UTO", DateOfBirth = "1974-08-12", Sex = ApiSex.F },
            Documents = [new DocumentSubmission { DocumentType = DocumentSubmissionDocumentType.Passport, IssuingState = "UTO", DocumentNumber = "L898902C3", Mrz = Mrz }],
            Images = [.. lights.Select(l => new ImageSubmission { Document = 0, LightSource = l, Area = ImageSubmissionArea.DataPage, Dpi = 600 })],
        };
    }

    [Fact]
    public async Task The_generated_client_submits_lists_reads_and_fetches_the_evidence_of_a_referral()
    {
        var api = Client();
        byte[][] files = [TestImages.Jpeg(seed: 71), TestImages.Png(seed: 72)];
        var key = Guid.NewGuid().ToString("N");

        var submission = Submission(ImageSubmissionLightSource.White, ImageSubmissionLightSource.UV365);
        FileParameter[] Files() => [new(new MemoryStream(files[0]), "white.jpg", "image/jpeg"), new(new MemoryStream(files[1]), "uv.png", "image/png")];

        var created = await api.SubmitReferralAsync(key, submission, Files(), Ct);
        Assert.Equal(ReferralStatus.Submitted, created.Status);
        Assert.Matches(@"^DESC-\d{4}-\d{6}$", created.Reference);
        // A border link that drops and sends again with the same key gets the same referral.
        var again = await api.SubmitReferralAsync(key, submission, Files(), Ct);
        Assert.Equal(created.Id, again.Id);
        // The same key for another submission is refused with its code.
        submission.Reason = "Another referral";
        var reused = await Assert.ThrowsAsync<DescApiException<ProblemDetails>>(() => api.SubmitReferralAsync(key, submission, Files(), Ct));
        Assert.Equal((422, "idempotency-key.reused"), (reused.StatusCode, reused.Result.Code));

        var list = await api.ListReferralsAsync(ReferralStatus.Submitted, 1, 100, Ct);
        Assert.Contains(list.Items, i => i.Id == created.Id && i.Reference == created.Reference);
        Assert.True(list.Total >= list.Items.Count);

        var referral = await api.GetReferralAsync(created.Id, Ct);
        Assert.Equal((created.Reference, "ERIKSSON", "1974-08-12"), (referral.Reference, referral.Bearer.Surname, referral.Bearer.DateOfBirth));
        Assert.Equal("L898902C3", Assert.Single(referral.Documents).DocumentNumber);
        Assert.Equal([LightSource.White, LightSource.UV365], referral.Evidence.Select(e => e.LightSource));

        foreach (var (evidence, bytes) in referral.Evidence.Zip(files))
        {
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), evidence.Sha256);
            using var original = await api.GetReferralEvidenceAsync(created.Id, evidence.Id, Ct);
            using var copy = new MemoryStream();
            await original.Stream.CopyToAsync(copy, Ct);
            Assert.Equal(bytes, copy.ToArray());
            Assert.Equal(evidence.ContentType, original.Headers["Content-Type"].Single());
        }

        var history = await api.GetReferralHistoryAsync(created.Id, Ct);
        Assert.Equal(["ReferralSubmitted", "EvidenceImageAttached", "EvidenceImageAttached"], history.Take(3).Select(h => h.Type));
        Assert.All(history, h => Assert.False(string.IsNullOrWhiteSpace(h.Summary)));

        var custody = await api.GetReferralCustodyAsync(created.Id, Ct);
        Assert.True(custody.ChainIntact);
        // The same stream, read a moment later: the thumbnail job may have added events since the history was read.
        Assert.Equal(history.Select(h => h.Type), custody.Events.Take(history.Count).Select(e => e.Type));
        Assert.Equal(referral.Evidence.Select(e => (e.Id, e.Sha256, true)), custody.Evidence.Select(e => (e.Id, e.Sha256, e.Intact)));
        // The reads above are recorded (the referral, its history).
        Assert.Contains(custody.Accesses, a => a.Action == AccessAction.CaseRead && a.Target == created.Id.ToString());
    }

    [Fact]
    public async Task The_generated_client_checks_an_mrz_and_reads_the_specimens()
    {
        var api = Client();

        var valid = await api.CheckMrzAsync(new MrzCheckRequest { Mrz = Mrz }, Ct);
        Assert.True(valid.Valid);
        Assert.Equal(MrzFormat.TD3, valid.Format);
        var wrong = await api.CheckMrzAsync(new MrzCheckRequest { Mrz = Mrz.Replace("ERIKSSON", "ERIKSS0N", StringComparison.Ordinal) }, Ct);
        Assert.False(wrong.Valid);
        var error = Assert.Single(wrong.Errors);
        Assert.Equal(("surname", 1, 12), (error.Field, error.Line, error.Position));

        var specimens = await api.ListSpecimensAsync("UTO", DocumentType.Passport, 1, 10, Ct);
        // Other tests add specimens of their own: the filter holds, and the demo's specimen has images to read.
        Assert.All(specimens.Items, s => Assert.Equal(("UTO", DocumentType.Passport), (s.IssuingState, s.DocumentType)));
        var specimen = specimens.Items.First(s => s.Images.Count > 0);
        var image = specimen.Images.First();
        using var bytes = await api.GetSpecimenImageAsync(specimen.Id, image.Id, Ct);
        Assert.Equal(image.Sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(bytes.Stream, Ct)));
    }

    [Fact]
    public async Task The_generated_client_fetches_the_report_and_anyone_verifies_it()
    {
        var api = Client();
        var created = await api.SubmitReferralAsync(null, Submission(ImageSubmissionLightSource.White),
            [new FileParameter(new MemoryStream(TestImages.Jpeg(900, 640, seed: 73)), "white.jpg", "image/jpeg")], Ct);
        var report = await ReportedAsync(created.Id);

        Assert.Equal(ReferralStatus.Reported, (await api.GetReferralAsync(created.Id, Ct)).Status);
        using var pdf = await api.GetReferralReportAsync(created.Id, Ct);
        using var copy = new MemoryStream();
        await pdf.Stream.CopyToAsync(copy, Ct);
        Assert.Equal(report.Sha256, Convert.ToHexStringLower(SHA256.HashData(copy.ToArray())));

        // Verification needs no key.
        var verified = await Client(key: null).VerifyReportAsync(new VerificationRequest { Code = report.VerificationCode }, Ct);
        Assert.Equal((VerificationResult.Genuine, report.ReportNumber), (verified.Result, verified.ReportNumber));
        var unknown = await Client(key: null).VerifyReportAsync(new VerificationRequest { Code = "AAAA-BBBB-CCCC-DDDD" }, Ct);
        Assert.Equal(VerificationResult.Unknown, unknown.Result);
    }

    [Fact]
    public async Task Problems_reach_the_generated_client_as_typed_exceptions_with_their_codes()
    {
        // 404: another agency's or no referral.
        var missing = await Assert.ThrowsAsync<DescApiException<ProblemDetails>>(() => Client().GetReferralAsync(Guid.NewGuid(), Ct));
        Assert.Equal(404, missing.StatusCode);

        // 401: no key.
        var anonymous = await Assert.ThrowsAsync<DescApiException<ProblemDetails>>(() => Client(key: null).ListReferralsAsync(cancellationToken: Ct));
        Assert.Equal(401, anonymous.StatusCode);

        // 400: a validation problem names the field and its code; nothing is stored.
        var invalid = Submission(ImageSubmissionLightSource.White);
        invalid.Reason = "";
        var refused = await Assert.ThrowsAsync<DescApiException<HttpValidationProblemDetails>>(() => Client().SubmitReferralAsync(null, invalid,
            [new FileParameter(new MemoryStream(TestImages.Jpeg(seed: 74)), "white.jpg", "image/jpeg")], Ct));
        Assert.Equal(400, refused.StatusCode);
        Assert.Contains("reason", refused.Result.Codes!.Keys, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Takes, decides, approves and reports the case as the portal's people would (the report job run here).</summary>
    private async Task<IssuedReportView> ReportedAsync(Guid id)
    {
        var examiner = new UserScope("ex-client", "Erik Examiner", new HashSet<string> { Roles.Examiner }, null, null, false) { UserName = "ex-client@desc.local" };
        var reviewer = new UserScope("rev-client", "Rita Reviewer", new HashSet<string> { Roles.Reviewer }, null, null, false) { UserName = "rev-client@desc.local" };
        await host.Services.GetRequiredService<TakeCase>().HandleAsync(examiner, id, Ct);
        var record = (await host.Services.GetRequiredService<CaseQueries>().LoadForAsync(examiner, id, Ct))!;
        var commands = host.Services.GetRequiredService<OpinionCommands>();
        var draft = new OpinionDraft(0, Core.FraudType.Counterfeit, [], "Guilloche: printed in dots.", "The passport is a counterfeit.", null, null);
        record = await commands.AsExaminerAsync(examiner, id, record.Version, (r, o, a, now) => OpinionDecider.SaveDraft(r, o, draft, a, now), Ct);
        record = await commands.AsExaminerAsync(examiner, id, record.Version, (r, o, a, now) => OpinionDecider.SubmitForReview(r, o, null, a, now), Ct);
        var approval = Guid.NewGuid();
        await commands.AsReviewerAsync(reviewer, id, record.Version, (r, o, a, now) => OpinionDecider.Approve(r, o, approval, a, now), Ct);
        await host.Services.GetRequiredService<ReportJob>().IssueAsync(id, approval, Ct);
        var reported = (await host.Services.GetRequiredService<CaseQueries>().LoadForAsync(reviewer, id, Ct))!;
        var issued = Assert.Single(reported.Opinion.Reports);
        return new IssuedReportView(issued.ReportNumber, issued.Sha256, issued.VerificationCode);
    }

    private sealed record IssuedReportView(string ReportNumber, string Sha256, string VerificationCode);
}
