using DescPortal.Core;
using DescPortal.Core.Examination;
using DescPortal.Core.Mrz;
using DescPortal.Core.Opinion;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Core.Referrals;
using DescPortal.Web.Features.Examination;
using DescPortal.Web.Features.Opinion;
using DescPortal.Web.Features.ReferenceLibrary;
using DescPortal.Web.Features.Referrals;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.Auth;
using DescPortal.Web.Infrastructure.Identity;
using Marten;
using Microsoft.AspNetCore.Identity;
using NetVips;
using DescPortal.Web.Features.Cases;
using Microsoft.Extensions.Logging;

namespace DescPortal.DemoData;

/// <summary>Which demo case was seeded as which referral, so that seeding again adds nothing.</summary>
public sealed class DemoCase
{
    /// <summary>"BCP-NORTH/Reported".</summary>
    public string Id { get; set; } = "";
    public Guid CaseId { get; set; }
}

/// <summary>
/// Demo cases for both demo agencies in every state of the workflow (submitted, in examination, awaiting information,
/// in review, returned, approved, reported, superseded), made through the same commands people use, with the
/// reported ones' PDFs printed before the portal says it is ready. The evidence is the demo UTO passport's data page,
/// scanned slightly turned and enlarged, as a border post would send it.
/// </summary>
public sealed class DemoCases(IDocumentStore store, BlobContainers blobs, UserManager<DescUser> users, SubmitReferral submit,
    ImageIntake intake, TakeCase take, ExaminationCommands examination, OpinionCommands opinion, CaseWrites cases, CaseQueries queries,
    LibraryQueries library, ReportJob reports, TimeProvider clock, ILogger<DemoCases> log)
{
    /// <summary>The target states, in workflow order; "Superseded" is a reported case whose first report was replaced.</summary>
    public static readonly IReadOnlyList<string> States =
        ["Submitted", "InExamination", "AwaitingInformation", "InReview", "Returned", "Approved", "Reported", "Superseded"];

    private static readonly (string Agency, string Key, string Point)[] Agencies =
        [("BCP-NORTH", "dev-north-key", "NORTH-GATE"), ("BCP-SOUTH", "dev-south-key", "SOUTH-PORT")];

    // Bearers in the scripts a report must print; the MRZ is that of the demo passport's specimen image.
    private static readonly (string Surname, string Given, string? National)[] Bearers =
    [
        ("ERIKSSON", "ANNA MARIA", null), ("AL-RASHID", "OMAR", "عمر الراشد"), ("WANG", "XIAOMING", "王小明"),
        ("NOVAK", "PETRA", null), ("HADDAD", "LAYLA", "ليلى حداد"), ("CHEN", "JING", "陈静"), ("DUPONT", "ÉLODIE", null),
        ("IVANOVA", "OLGA", "Ольга Иванова"),
    ];

    // The demo passport's second MRZ line; the first carries each bearer's name (no check digit covers it).
    private const string MrzLine2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

    private static string MrzOf(string surname, string given) =>
        MrzNames.TryNameField(surname, given, MrzFormat.TD3, out var name) ? $"P<UTO{name}\n{MrzLine2}" : throw new InvalidOperationException($"No MRZ name for {surname}.");

    public async Task SeedAsync(CancellationToken ct)
    {
        var examinerScope = await ScopeOfAsync("examiner@desc.local", Roles.Examiner);
        var reviewerScope = await ScopeOfAsync("reviewer@desc.local", Roles.Reviewer);
        var specimen = (await library.LoadAsync(reviewerScope, LibrarySeeding.IdOf("UTO-P-2007"), ct))?.Specimen;
        if (specimen is null)
        {
            log.LogWarning("No demo passport specimen: demo cases are not seeded");
            return;
        }
        var scans = await ScansAsync(specimen, ct);
        var n = 0;
        foreach (var (agency, key, point) in Agencies)
        {
            foreach (var state in States)
            {
                var id = $"{agency}/{state}";
                var bearer = Bearers[n++ % Bearers.Length];
                await using (var session = store.QuerySession())
                    if (await session.LoadAsync<DemoCase>(id, ct) is not null) continue;
                var caseId = await SubmitAsync(agency, point, bearer, state, scans, ct);
                await AdvanceAsync(caseId, state, specimen, examinerScope, reviewerScope, ct);
                // Marked once it is in its state: a start interrupted half-way makes the case again rather than leave
                // one stuck short of its state (the interrupted one stays, as a submitted or examined case).
                await using (var session = store.LightweightSession())
                {
                    session.Store(new DemoCase { Id = id, CaseId = caseId });
                    await session.SaveChangesAsync(ct);
                }
                log.LogInformation("Demo case {Demo} seeded", id);
            }
        }
    }

    private async Task<UserScope> ScopeOfAsync(string email, string role)
    {
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No demo account {email}.");
        return new UserScope(user.Id, user.DisplayName, new HashSet<string> { role }, null, null, false) { UserName = email };
    }

    /// <summary>The specimen's white and UV data page as a "scan": turned 1.5°, 4 % larger, JPEG.</summary>
    private async Task<List<(LightSource Light, byte[] Jpeg)>> ScansAsync(Specimen specimen, CancellationToken ct)
    {
        var scans = new List<(LightSource, byte[])>();
        foreach (var light in new[] { LightSource.White, LightSource.UV365 })
        {
            var image = specimen.Images.FirstOrDefault(i => i.Area == DocumentArea.DataPage && i.LightSource == light);
            if (image is null) continue;
            var original = (await blobs.Library.GetBlobClient(image.BlobName).DownloadContentAsync(ct)).Value.Content.ToArray();
            using var source = Image.NewFromBuffer(original);
            using var turned = source.Similarity(scale: 1.04, angle: 1.5, background: [235, 235, 235]);
            scans.Add((light, turned.JpegsaveBuffer(q: 88)));
        }
        return scans;
    }

    private async Task<Guid> SubmitAsync(string agency, string point, (string Surname, string Given, string? National) bearer, string state,
        List<(LightSource Light, byte[] Jpeg)> scans, CancellationToken ct)
    {
        // As the agency's development key acts through the API (its label and fingerprint in every event's actor).
        var key = Agencies.Single(a => a.Agency == agency).Key;
        var scope = new UserScope(ApiKeyDefaults.UserIdPrefix + ApiKey.FingerprintOf(ApiKey.Hash(key)), agency, new HashSet<string>(), agency, null, true)
        {
            KeyLabel = DemoAccounts.KeyLabel,
        };
        var now = clock.GetUtcNow();
        var submission = new ReferralSubmission
        {
            BorderCrossingPoint = point,
            InterceptedAt = now.AddHours(-3),
            RouteFrom = "UTO",
            RouteTo = "XXA",
            Reason = $"Demo case ({state}): the laminate's edge is lifted near the portrait and the UV response looks weak.",
            Urgency = state is "Submitted" or "InExamination" ? "Urgent" : "Routine",
            AnswerBy = state is "Submitted" or "InExamination" ? now.AddHours(4) : null,
            Bearer = new BearerSubmission { Surname = bearer.Surname, GivenNames = bearer.Given, NationalName = bearer.National, Nationality = "UTO", DateOfBirth = "1974-08-12", Sex = "F" },
            Documents = [new DocumentSubmission { DocumentType = "Passport", IssuingState = "UTO", DocumentNumber = "L898902C3", Mrz = MrzOf(bearer.Surname, bearer.Given) }],
            Images = [.. scans.Select(s => new ImageSubmission { Document = 0, LightSource = s.Light.ToString(), Area = "DataPage", Dpi = 312 })],
        };
        var validation = await submit.ValidateAsync(scope, submission, ct);
        if (!validation.IsValid)
            throw new InvalidOperationException("Demo referral invalid: " + string.Join("; ", validation.Errors.Select(e => $"{e.Path}: {e.Message}")));
        await using var evidence = submit.StartEvidence();
        for (var i = 0; i < scans.Count; i++)
            evidence.Add(await intake.ReceiveAsync(new MemoryStream(scans[i].Jpeg), $"Image {i + 1}", ct), $"Image {i + 1}");
        return (await submit.SubmitAsync(scope, validation.Referral!, evidence, ct)).Id;
    }

    /// <summary>Takes the case as far as the state asks, step by step, as the examiner and the reviewer would.</summary>
    private async Task AdvanceAsync(Guid caseId, string state, Specimen specimen, UserScope examiner, UserScope reviewer, CancellationToken ct)
    {
        var step = States.ToList().IndexOf(state);
        if (step < 1) return;
        await take.HandleAsync(examiner, caseId, ct);
        var record = await ExamineAsync(caseId, specimen, examiner, ct);
        if (state == "AwaitingInformation")
        {
            var request = Guid.NewGuid();
            await opinion.AsExaminerAsync(examiner, caseId, record.Version, (r, o, a, now) =>
                OpinionDecider.RequestInformation(r, o, request, "Please send the data page under IR light (the MRZ and the IR-absorbing ink).", a, now), ct);
            return;
        }
        if (step < 3) return;
        record = await SubmitOpinionAsync(record, examiner, "Counterfeit: the guilloche is printed as dots, the UV fibres are absent.", ct);
        if (state == "Returned")
        {
            await opinion.AsReviewerAsync(reviewer, caseId, record.Version, (r, o, a, now) =>
                OpinionDecider.Return(r, o, "Say which guilloche lines you compared, and add the UV image to the findings.", a, now), ct);
            return;
        }
        if (step < 5) return;
        record = await ApproveAsync(record, reviewer, ct);
        if (state == "Approved") return;
        await reports.IssueAsync(caseId, record.Opinion.LatestApproval!.ApprovalId, ct);
        if (state != "Superseded") return;
        record = await LoadAsync(caseId, examiner, ct);
        record = await opinion.ReopenAsync(examiner, caseId, record.Version, "The officer sent the IR image: the MRZ ink does not absorb IR.", ct);
        record = await SubmitOpinionAsync(record, examiner, "Counterfeit: besides the dotted guilloche and the missing UV fibres, the MRZ is printed with an ink that does not absorb IR.", ct);
        record = await ApproveAsync(record, reviewer, ct);
        await reports.IssueAsync(caseId, record.Opinion.LatestApproval!.ApprovalId, ct);
    }

    /// <summary>The reference specimen, a mark, three observations and the MRZ check: what a report's findings cite.</summary>
    private async Task<CaseRecord> ExamineAsync(Guid caseId, Specimen specimen, UserScope examiner, CancellationToken ct)
    {
        var record = await LoadAsync(caseId, examiner, ct);
        record = await examination.DecideAsync(examiner, caseId, record.Version, (r, e, a, now) => ExaminationDecider.ChooseReferenceSpecimen(r, e, 0, specimen, a, now), ct);
        var white = record.Evidence.First(x => x.LightSource == LightSource.White);
        var checklist = record.Examination.ChecklistOf(0)!;
        var first = checklist.Items[0];
        var mark = new Annotation(Guid.NewGuid(), white.Id, AnnotationShape.Rectangle(white.Width / 10, white.Height / 5, white.Width / 4, white.Height / 6),
            new FeatureReference(checklist.SpecimenId, first.FeatureId), Finding.Inconsistent, "Lines are broken into dots under the loupe.");
        record = await examination.DecideAsync(examiner, caseId, record.Version, (r, e, a, now) => ExaminationDecider.AddAnnotation(r, e, mark, a, now), ct);
        foreach (var (item, finding) in checklist.Items.Take(3).Zip([Finding.Inconsistent, Finding.Consistent, Finding.Absent]))
        {
            Guid[] marks = item.FeatureId == first.FeatureId ? [mark.AnnotationId] : [];
            record = await examination.DecideAsync(examiner, caseId, record.Version, (r, e, a, now) =>
                ExaminationDecider.RecordObservation(r, e, 0, item.FeatureId, finding, null, marks, a, now), ct);
        }
        if (MrzCheck.TryRun(record.Submission.Documents[0].Mrz, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), out var check))
        {
            var entered = VizData.Of(record.Submission, 0);
            record = await examination.DecideAsync(examiner, caseId, record.Version, (r, e, a, now) => ExaminationDecider.RecordMrzCheck(r, e, 0, check, entered, a, now), ct);
        }
        return record;
    }

    private async Task<CaseRecord> SubmitOpinionAsync(CaseRecord record, UserScope examiner, string conclusion, CancellationToken ct)
    {
        var draft = new OpinionDraft(0, FraudType.Counterfeit, [],
            "Guilloche: inconsistent with the genuine (offset dots instead of continuous lines).\nUV fibres: absent.\nMRZ: check digits correct.",
            conclusion, null, null);
        record = await opinion.AsExaminerAsync(examiner, record.Id, record.Version, (r, o, a, now) => OpinionDecider.SaveDraft(r, o, draft, a, now), ct);
        return await opinion.AsExaminerAsync(examiner, record.Id, record.Version, (r, o, a, now) => OpinionDecider.SubmitForReview(r, o, null, a, now), ct);
    }

    /// <summary>Approves without queuing the report: the seeding prints it itself, before the portal is ready.</summary>
    private async Task<CaseRecord> ApproveAsync(CaseRecord record, UserScope reviewer, CancellationToken ct)
    {
        var approval = Guid.NewGuid();
        var actor = new OpinionActor(reviewer.UserId, reviewer.DisplayName, reviewer.Actor);
        return await cases.DecideAsync(reviewer, record.Id, record.Version, (r, now) => OpinionDecider.Approve(r.Case, r.Opinion, approval, actor, now), ct);
    }

    private async Task<CaseRecord> LoadAsync(Guid caseId, UserScope scope, CancellationToken ct) =>
        await queries.LoadForAsync(scope, caseId, ct) ?? throw new InvalidOperationException($"No case {caseId}.");
}
