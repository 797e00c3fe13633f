using System.Net;
using System.Text.Json;
using DescPortal.Core;
using DescPortal.Core.Examination;
using DescPortal.Testing;
using DescPortal.Web.Features.Examination;
using DescPortal.Web.Features.Referrals;
using DescPortal.Web.Infrastructure.Identity;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using DescPortal.Web.Features.Cases;
using DescPortal.DemoData;

namespace DescPortal.IntegrationTests.Examination;

/// <summary>Annotations as events on the case stream: who may record them, the concurrency rule, the W3C export.</summary>
[Collection(nameof(CaseWriteCollection))]
public sealed class ExaminationCommandsTests(IntegrationHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static UserScope Examiner(string id) =>
        new(id, "Erik Examiner", new HashSet<string> { Roles.Examiner }, null, null, false) { UserName = id + "@desc.local" };

    private ExaminationCommands Commands => host.Services.GetRequiredService<ExaminationCommands>();

    private async Task<CaseRecord> AssignedCaseAsync(UserScope examiner)
    {
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var response = await client.PostAsync("/api/v1/referrals",
            ReferralRequests.Multipart(ReferralRequests.Example(["White"]), TestImages.Jpeg(640, 400, seed: Random.Shared.Next())), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.JsonAsync()).GetProperty("id").GetGuid();
        await host.Services.GetRequiredService<TakeCase>().HandleAsync(examiner, id, Ct);
        return (await host.Services.GetRequiredService<CaseQueries>().LoadForAsync(examiner, id, Ct))!;
    }

    private static Annotation Rectangle(CaseRecord record, string note) =>
        new(Guid.NewGuid(), record.Evidence[0].Id, AnnotationShape.Rectangle(40, 30, 200, 120), null, Finding.Inconsistent, note);

    [Fact]
    public async Task The_assigned_examiner_annotates_and_the_annotation_is_in_the_stream_and_the_history()
    {
        var examiner = Examiner("ex-" + Guid.NewGuid().ToString("N")[..8]);
        var record = await AssignedCaseAsync(examiner);
        var annotation = Rectangle(record, "Laminate lifted at the portrait's corner.");

        var after = await Commands.DecideAsync(examiner, record.Id, record.Version,
            (r, e, a, now) => ExaminationDecider.AddAnnotation(r, e, annotation, a, now), Ct);

        var stored = Assert.Single(after.Examination.Annotations);
        Assert.Equal(annotation.AnnotationId, stored.Annotation.AnnotationId);
        Assert.Equal(annotation.Shape.Bounds, stored.Annotation.Shape.Bounds);
        Assert.Equal("Laminate lifted at the portrait's corner.", stored.Annotation.Note);
        Assert.Contains(after.History, h => h.Type == nameof(AnnotationAdded) && h.Actor.Contains(examiner.UserId, StringComparison.Ordinal));
        Assert.True(after.Version > record.Version);

        // The same command again (a retry) records nothing.
        var again = await Commands.DecideAsync(examiner, record.Id, after.Version,
            (r, e, a, now) => ExaminationDecider.AddAnnotation(r, e, annotation, a, now), Ct);
        // (The thumbnail job may append meanwhile, so the version is no measure; the annotation events are.)
        Assert.Single(again.History, h => h.Type == nameof(AnnotationAdded));
        Assert.Single(again.Examination.Annotations);
    }

    [Fact]
    public async Task The_history_API_says_where_the_mark_is_and_gives_the_agency_neither_the_unreviewed_finding_nor_the_note()
    {
        var examiner = Examiner("ex-" + Guid.NewGuid().ToString("N")[..8]);
        var record = await AssignedCaseAsync(examiner);
        await Commands.DecideAsync(examiner, record.Id, record.Version,
            (r, e, a, now) => ExaminationDecider.AddAnnotation(r, e, Rectangle(record, "Laminate lifted at the portrait's corner."), a, now), Ct);

        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var history = (await (await client.GetAsync($"/api/v1/referrals/{record.Id}/history", Ct)).JsonAsync()).EnumerateArray().ToList();

        var mark = Assert.Single(history, h => h.GetProperty("type").GetString() == nameof(AnnotationAdded));
        Assert.Equal("Mark 1 added on image 1 (document 1, Data page, White light, reflected)", mark.GetProperty("summary").GetString());
        Assert.Equal(JsonValueKind.Null, mark.GetProperty("text").ValueKind);
        Assert.StartsWith("Urgent referral DESC-", history[0].GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.All(history, h => Assert.DoesNotContain("ERIKSSON", h.GetProperty("summary").GetString()!, StringComparison.OrdinalIgnoreCase));
        Assert.All(history, h => Assert.DoesNotContain("Inconsistent", h.GetProperty("summary").GetString()!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_examiner_and_a_reviewer_cannot_annotate_the_case()
    {
        var examiner = Examiner("ex-" + Guid.NewGuid().ToString("N")[..8]);
        var record = await AssignedCaseAsync(examiner);
        var other = Examiner("other-" + Guid.NewGuid().ToString("N")[..8]);
        var reviewer = new UserScope("rev-1", "Rita Reviewer", new HashSet<string> { Roles.Reviewer }, null, null, false);

        var byOther = await Assert.ThrowsAsync<DomainException>(() => Commands.DecideAsync(other, record.Id, record.Version,
            (r, e, a, now) => ExaminationDecider.AddAnnotation(r, e, Rectangle(record, "x"), a, now), Ct));
        var byReviewer = await Assert.ThrowsAsync<DomainException>(() => Commands.DecideAsync(reviewer, record.Id, record.Version,
            (r, e, a, now) => ExaminationDecider.AddAnnotation(r, e, Rectangle(record, "x"), a, now), Ct));

        Assert.Contains("assigned", byOther.Message, StringComparison.Ordinal);
        Assert.Contains("assigned", byReviewer.Message, StringComparison.Ordinal);
        var now = await host.Services.GetRequiredService<CaseQueries>().LoadForAsync(examiner, record.Id, Ct);
        Assert.Empty(now!.Examination.Annotations);
    }

    [Fact]
    public async Task A_save_on_a_version_another_save_changed_is_refused_with_the_latest_state_and_stores_nothing()
    {
        var examiner = Examiner("ex-" + Guid.NewGuid().ToString("N")[..8]);
        var record = await AssignedCaseAsync(examiner);
        var first = Rectangle(record, "First window: the portrait.");
        var second = Rectangle(record, "Second window: the MRZ.");

        // Both decided on the same version (two browser windows): the first wins, the second is told.
        await Commands.DecideAsync(examiner, record.Id, record.Version, (r, e, a, now) => ExaminationDecider.AddAnnotation(r, e, first, a, now), Ct);
        var conflict = await Assert.ThrowsAsync<CaseChangedException>(() => Commands.DecideAsync(examiner, record.Id, record.Version,
            (r, e, a, now) => ExaminationDecider.AddAnnotation(r, e, second, a, now), Ct));

        Assert.Equal(first.AnnotationId, Assert.Single(conflict.Latest.Examination.Annotations).Annotation.AnnotationId);
        Assert.Contains("Someone else changed", conflict.Message, StringComparison.Ordinal);
        var stored = await host.Services.GetRequiredService<CaseQueries>().LoadForAsync(examiner, record.Id, Ct);
        Assert.DoesNotContain(stored!.Examination.Annotations, a => a.Annotation.AnnotationId == second.AnnotationId);
    }

    [Fact]
    public async Task A_thumbnail_recorded_meanwhile_is_no_conflict()
    {
        var examiner = Examiner("ex-" + Guid.NewGuid().ToString("N")[..8]);
        var record = await AssignedCaseAsync(examiner);
        // The thumbnail job runs now if it has not yet: an append the examiner did not see.
        await host.Services.GetRequiredService<EvidenceThumbnailJob>().RunAsync(record.Id, Ct);
        var seen = record with { };

        var after = await Commands.DecideAsync(examiner, record.Id, seen.Version,
            (r, e, a, now) => ExaminationDecider.AddAnnotation(r, e, Rectangle(record, "Fine."), a, now), Ct);

        Assert.Single(after.Examination.Annotations);
    }

    [Fact]
    public async Task The_annotations_export_as_a_w3c_collection_to_examiners_and_to_nobody_outside()
    {
        var examiner = Examiner("ex-" + Guid.NewGuid().ToString("N")[..8]);
        var record = await AssignedCaseAsync(examiner);
        var annotation = Rectangle(record, "Note with <b>markup</b> and \"quotes\".");
        await Commands.DecideAsync(examiner, record.Id, record.Version, (r, e, a, now) => ExaminationDecider.AddAnnotation(r, e, annotation, a, now), Ct);

        using var reader = await host.SignedInClientAsync("examiner2@desc.local");
        var response = await reader.GetAsync($"/cases/{record.Id}/annotations", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("http://www.w3.org/ns/anno.jsonld", doc.RootElement.GetProperty("@context").GetString());
        var values = Strings(doc.RootElement).ToList();
        // The note is data: it comes back exactly as typed, markup and quotes included.
        Assert.Contains("Note with <b>markup</b> and \"quotes\".", values);
        Assert.Contains("xywh=pixel:40,30,200,120", values);
        Assert.Contains(values, v => v.EndsWith($"/evidence/{record.Id}/{record.Evidence[0].Id}", StringComparison.Ordinal));

        foreach (var outsider in new[] { "officer.north@desc.local", "trainer@desc.local", "authority@desc.local", "admin@desc.local" })
        {
            using var client = await host.SignedInClientAsync(outsider);
            var refused = await client.GetAsync($"/cases/{record.Id}/annotations", Ct);
            Assert.True(refused.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.Redirect,
                $"{outsider}: {refused.StatusCode}");
        }
    }

    [Fact]
    public async Task The_queue_row_follows_the_checklist_progress()
    {
        var examiner = Examiner("ex-" + Guid.NewGuid().ToString("N")[..8]);
        var record = await AssignedCaseAsync(examiner);
        var library = host.Services.GetRequiredService<DescPortal.Web.Features.ReferenceLibrary.LibraryQueries>();
        var passport = (await library.LoadAsync(examiner, DescPortal.DemoData.LibrarySeeding.IdOf("UTO-P-2007"), Ct))!.Specimen;

        var chosen = await Commands.DecideAsync(examiner, record.Id, record.Version,
            (r, e, a, now) => ExaminationDecider.ChooseReferenceSpecimen(r, e, 0, passport, a, now), Ct);
        var first = chosen.Examination.ChecklistOf(0)!.Items[0];
        await Commands.DecideAsync(examiner, record.Id, chosen.Version,
            (r, e, a, now) => ExaminationDecider.RecordObservation(r, e, 0, first.FeatureId, Finding.Consistent, null, [], a, now), Ct);

        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var row = await session.LoadAsync<ReferralSummary>(record.Id, Ct);
        Assert.Equal(passport.Features.Count, row!.ChecklistItems);
        Assert.Equal(1, row.ChecklistObserved);
    }

    private static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
