using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using DescPortal.Testing;
using DescPortal.Web.Features.Referrals;
using DescPortal.Web.Features.Referrals.Drafts;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.Identity;
using Marten;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Xunit;
using DescPortal.Web.Features.Cases;

namespace DescPortal.Web.Tests.Features.Referrals;

/// <summary>The officer's new-referral form against the real portal services (PostgreSQL, Azurite, intake).</summary>
public sealed class NewReferralFormTests(ComponentHost host) : ComponentTest(host)
{
    private const string Officer = "officer.north@desc.local";
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private ReferralDrafts Drafts => Host.Services.GetRequiredService<ReferralDrafts>();

    [Fact]
    public void Offers_the_crossing_points_of_the_officers_agency_only()
    {
        var (popovers, form) = Open(NewUserId());

        form.Find("#nr-borderCrossingPoint .mud-input-control").MouseDown();

        popovers.WaitForAssertion(() =>
        {
            var items = popovers.FindAll(".mud-popover-open .mud-list-item").Select(i => i.TextContent).ToList();
            Assert.Equal(2, items.Count);
            Assert.Contains(items, i => i.Contains("NORTH-GATE", StringComparison.Ordinal));
            Assert.Contains(items, i => i.Contains("NORTH-AIRPORT", StringComparison.Ordinal));
        });
        Assert.DoesNotContain("SOUTH-PORT", popovers.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("SOUTH-PORT", form.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sending_without_a_surname_shows_the_message_at_the_field_and_in_the_summary_and_keeps_the_typing()
    {
        var userId = NewUserId();
        var (_, form) = Open(userId);
        form.Find("[data-testid=reason]").Change("Laminate edge lifted near the portrait");
        form.Find("[data-testid=bearer-given-names]").Change("ANNA MARIA");

        await form.Find("[data-testid=submit-referral]").ClickAsync(new());

        form.WaitForElement("[data-testid=validation-summary]");
        var summary = form.Find("[data-testid=validation-summary]");
        Assert.Contains("Surname: Surname is required.", summary.TextContent, StringComparison.Ordinal);
        var problems = summary.QuerySelectorAll("li").Length;
        Assert.Contains(problems == 1 ? "1 problem" : $"{problems} problems", summary.TextContent, StringComparison.Ordinal);
        var surname = form.Find("#nr-bearer-surname");
        Assert.Contains("Surname is required.", surname.TextContent, StringComparison.Ordinal);
        Assert.NotNull(surname.QuerySelector(".mud-input-error"));
        // Nothing typed is lost: on screen, and in the saved draft.
        Assert.Equal("Laminate edge lifted near the portrait", form.Find("[data-testid=reason]").GetAttribute("value") ?? form.Find("[data-testid=reason]").TextContent);
        Assert.Equal("ANNA MARIA", form.Find("[data-testid=bearer-given-names]").GetAttribute("value"));
        var draft = await Drafts.LoadAsync(Scope(userId), Ct);
        Assert.Equal("Laminate edge lifted near the portrait", draft!.Submission.Reason);
        Assert.EndsWith("/", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_saved_by_the_form_is_restored_in_a_new_session_of_the_same_officer()
    {
        var userId = NewUserId();
        var (_, form) = Open(userId);
        form.Find("[data-testid=bearer-surname]").Change("ERIKSSON");
        form.Find("[data-testid=reason]").Change("UV: no fibres");
        // The autosave runs about a second after the last change.
        form.WaitForAssertion(() => Assert.Contains("Draft saved", form.Find("[data-testid=draft-status]").TextContent, StringComparison.Ordinal));

        // MudBlazor's services are async-disposable only.
        await using var otherTab = new SecondContext(Host);
        var restored = otherTab.Open(userId);

        Assert.Equal("ERIKSSON", restored.Find("[data-testid=bearer-surname]").GetAttribute("value"));
        Assert.Contains("UV: no fibres", restored.Find("[data-testid=reason]").OuterHtml, StringComparison.Ordinal);
        Assert.Contains("Draft restored from", restored.Find("[data-testid=draft-restored]").TextContent, StringComparison.Ordinal);

        // Another officer sees nothing of it.
        await using var colleague = new SecondContext(Host);
        var fresh = colleague.Open(NewUserId());
        Assert.Empty(fresh.FindAll("[data-testid=draft-restored]"));
        Assert.True(string.IsNullOrEmpty(fresh.Find("[data-testid=bearer-surname]").GetAttribute("value")));
    }

    [Fact]
    public async Task Attached_images_show_their_size_and_dimensions_and_a_refused_file_says_why()
    {
        var userId = NewUserId();
        var (_, form) = Open(userId);
        var jpeg = TestImages.Jpeg(seed: Random.Shared.Next());
        var tiff = TestImages.Tiff(400, 300, seed: Random.Shared.Next());

        form.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(jpeg, "datapage.jpg", contentType: "image/jpeg"),
            InputFileContent.CreateFromBinary(tiff, "uv.tif", contentType: "image/tiff"),
            InputFileContent.CreateFromBinary(TestImages.Text(), "scan.jpg", contentType: "image/jpeg"));

        form.WaitForAssertion(() =>
        {
            Assert.Equal(2, form.FindAll("[data-testid^=image-card-]").Count);
            Assert.Single(form.FindAll("[data-testid=upload-refused]"));
            Assert.Empty(form.FindAll("[data-testid=upload-card]"));
        });
        var facts = form.FindAll("[data-testid^=image-facts-]").Select(f => f.TextContent).ToList();
        Assert.Contains(facts, f => f.Contains(Size(jpeg.Length), StringComparison.Ordinal) && f.Contains("320 × 200 px", StringComparison.Ordinal) && f.Contains("JPEG", StringComparison.Ordinal));
        Assert.Contains(facts, f => f.Contains(Size(tiff.Length), StringComparison.Ordinal) && f.Contains("400 × 300 px", StringComparison.Ordinal) && f.Contains("TIFF", StringComparison.Ordinal));
        var refused = form.Find("[data-testid=upload-refused]");
        Assert.Contains("scan.jpg", refused.TextContent, StringComparison.Ordinal);
        Assert.Contains("not a JPEG, PNG or TIFF image", refused.TextContent, StringComparison.Ordinal);
        // A preview is served for each attached image, and the draft holds both with a description each.
        Assert.Equal(2, form.FindAll("img.nr-preview[src^='referrals/drafts/images/']").Count);
        var draft = await Drafts.LoadAsync(Scope(userId), Ct);
        Assert.Equal(2, draft!.Images.Count);
        Assert.All(draft.Submission.Images, row => Assert.Equal(("White", "DataPage", 0), (row.LightSource, row.Area, row.Document)));
        var blobs = Host.Services.GetRequiredService<BlobContainers>();
        foreach (var image in draft.Images)
        {
            Assert.True(await blobs.Drafts.GetBlobClient(image.BlobName).ExistsAsync(Ct));
            Assert.True(await blobs.Drafts.GetBlobClient(image.PreviewBlobName).ExistsAsync(Ct));
        }
    }

    [Fact]
    public async Task A_complete_referral_sent_from_the_form_creates_the_case_and_removes_the_draft()
    {
        var userId = NewUserId();
        var (popovers, form) = Open(userId);
        Pick(popovers, form, "nr-borderCrossingPoint", "NORTH-GATE");
        form.Find("[data-testid=reason]").Change("Laminate edge lifted near the portrait");
        form.Find("[data-testid=bearer-surname]").Change("ERIKSSON");
        form.Find("[data-testid=bearer-given-names]").Change("ANNA MARIA");
        TypeCountry(form, "bearer-nationality", "uto");
        form.Find("[data-testid=bearer-dob]").Change("1974-08-12");
        TypeCountry(form, "document-issuing-state-0", "UTO");
        form.Find("[data-testid=document-number-0]").Change("L898902C3");
        form.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(TestImages.Jpeg(seed: Random.Shared.Next()), "datapage.jpg", contentType: "image/jpeg"));
        form.WaitForElement("[data-testid=image-card-0]");
        Pick(popovers, form, "nr-images-0--lightSource", "UV 365 nm");
        var draftBefore = await Drafts.LoadAsync(Scope(userId), Ct);

        await form.Find("[data-testid=submit-referral]").ClickAsync(new());

        var nav = Services.GetRequiredService<NavigationManager>();
        form.WaitForAssertion(() => Assert.Matches("/referrals/[0-9a-f-]{36}$", nav.Uri));
        Assert.Empty(form.FindAll("[data-testid=validation-summary]"));
        var id = Guid.Parse(nav.Uri[^36..]);
        await using (var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession())
        {
            var summary = await session.LoadAsync<ReferralSummary>(id, Ct);
            Assert.NotNull(summary);
            Assert.Equal("BCP-NORTH", summary.AgencyCode);
            Assert.Equal("NORTH-GATE", summary.BorderCrossingPoint);
            Assert.Equal(1, summary.EvidenceCount);
            var record = await CaseRecord.LoadAsync(session, id, Ct);
            Assert.Equal("ERIKSSON", record!.Submission.Bearer.Surname);
            Assert.Equal(Core.LightSource.UV365, record.Evidence[0].LightSource);
            Assert.Equal(365, record.Evidence[0].WavelengthNm);
            Assert.Equal(draftBefore!.Images[0].Sha256, record.Evidence[0].Sha256);
        }
        Assert.Null(await Drafts.LoadAsync(Scope(userId), Ct));
        var blobs = Host.Services.GetRequiredService<BlobContainers>();
        Assert.False(await blobs.Drafts.GetBlobClient(draftBefore.Images[0].BlobName).ExistsAsync(Ct));
        Assert.False(await blobs.Drafts.GetBlobClient(draftBefore.Images[0].PreviewBlobName).ExistsAsync(Ct));
    }

    [Fact]
    public async Task Removing_an_image_removes_its_description_and_blobs_and_removing_a_document_repoints_images()
    {
        var userId = NewUserId();
        var (popovers, form) = Open(userId);
        await form.Find("[data-testid=add-document]").ClickAsync(new());
        form.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(TestImages.Jpeg(seed: Random.Shared.Next()), "one.jpg", contentType: "image/jpeg"),
            InputFileContent.CreateFromBinary(TestImages.Png(seed: Random.Shared.Next()), "two.png", contentType: "image/png"));
        form.WaitForAssertion(() => Assert.Equal(2, form.FindAll("[data-testid^=image-card-]").Count));
        var before = (await Drafts.LoadAsync(Scope(userId), Ct))!;
        var removed = before.Images[0];
        var kept = before.Images[1];
        Pick(popovers, form, "nr-images-1--document", "2");

        // Found and clicked on the renderer's thread: the autosave's render cannot retire the handler in between.
        await form.InvokeAsync(() => form.Find("[data-testid=remove-image-0]").ClickAsync(new()));
        await form.InvokeAsync(() => form.Find("[data-testid=remove-document-0]").ClickAsync(new()));
        form.Find("[data-testid=reason]").Blur();

        form.WaitForAssertion(() => Assert.Single(form.FindAll("[data-testid^=image-card-]")));
        Assert.Single(form.FindAll("[data-testid^=document-card-]"));
        form.WaitForAssertion(() => Assert.Contains("Draft saved", form.Find("[data-testid=draft-status]").TextContent, StringComparison.Ordinal));
        var after = (await Drafts.LoadAsync(Scope(userId), Ct))!;
        Assert.Equal([kept.Id], after.Images.Select(i => i.Id));
        // The image showed document 2; with document 1 gone it shows the only one left.
        Assert.Equal(0, after.Submission.Images[0].Document);
        Assert.Single(after.Submission.Documents);
        var blobs = Host.Services.GetRequiredService<BlobContainers>();
        Assert.False(await blobs.Drafts.GetBlobClient(removed.BlobName).ExistsAsync(Ct));
        Assert.True(await blobs.Drafts.GetBlobClient(kept.BlobName).ExistsAsync(Ct));
    }

    [Fact]
    public void Country_fields_take_a_code_or_a_name_and_say_at_once_when_a_code_is_unknown()
    {
        var (_, form) = Open(NewUserId());

        form.Find("[data-testid=bearer-nationality]").Change("utopia");
        form.Find("[data-testid=route-from]").Change("Germany");
        form.Find("[data-testid=route-to]").Change("xyz");
        form.Find("[data-testid=document-issuing-state-0]").Change(" d ");

        form.WaitForAssertion(() =>
        {
            Assert.Equal("UTO", form.Find("[data-testid=bearer-nationality]").GetAttribute("value"));
            Assert.Contains("Utopia", form.Find("#nr-bearer-nationality").TextContent, StringComparison.Ordinal);
            Assert.Equal("DEU", form.Find("[data-testid=route-from]").GetAttribute("value"));
            Assert.Equal("D", form.Find("[data-testid=document-issuing-state-0]").GetAttribute("value"));
            Assert.Equal("XYZ", form.Find("[data-testid=route-to]").GetAttribute("value"));
            Assert.Contains("'XYZ' is not an ICAO three-letter country code.", form.Find("#nr-routeTo").TextContent, StringComparison.Ordinal);
        });
        // Every field offers the same suggestions, by code and by name.
        Assert.Equal("nr-icao-countries", form.Find("[data-testid=bearer-nationality]").GetAttribute("list"));
        Assert.NotNull(form.Find("datalist#nr-icao-countries option[value=UTO]"));
    }

    [Fact]
    public async Task Urgent_needs_an_answer_by_time_and_the_quick_choices_fill_it_in()
    {
        var userId = NewUserId();
        var (_, form) = Open(userId);
        Assert.Empty(form.FindAll("[data-testid=answer-by]"));

        await form.Find("[data-testid=urgency-urgent]").ClickAsync(new());
        Assert.Equal("", form.Find("[data-testid=answer-by]").GetAttribute("value") ?? "");
        await form.Find("[data-testid=submit-referral]").ClickAsync(new());
        form.WaitForAssertion(() => Assert.Contains("Answer-by time is required", form.Find("#nr-answerBy").TextContent, StringComparison.Ordinal));

        await form.Find("[data-testid=answer-in-2h]").ClickAsync(new());

        Assert.DoesNotContain("Answer-by time is required", form.Find("#nr-answerBy").TextContent, StringComparison.Ordinal);
        var helsinki = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");
        var typed = DateTime.ParseExact(form.Find("[data-testid=answer-by]").GetAttribute("value")!, "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        var expected = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddHours(2), helsinki).DateTime;
        Assert.InRange(typed, expected.AddMinutes(-2), expected.AddMinutes(1));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------------

    private static string NewUserId() => "t-" + Guid.NewGuid().ToString("N");

    private static UserScope Scope(string userId) =>
        new(userId, "Olli North", new HashSet<string> { Roles.FieldOfficer }, "BCP-NORTH", null, false);

    private (IRenderedComponent<MudPopoverProvider> Popovers, IRenderedComponent<NewReferral> Form) Open(string userId)
    {
        SignInAs(Officer, userId);
        var popovers = Render<MudPopoverProvider>();
        var form = Render<NewReferral>();
        form.WaitForElement("[data-testid=reason]");
        return (popovers, form);
    }

    private static void Pick(IRenderedComponent<MudPopoverProvider> popovers, IRenderedComponent<NewReferral> form, string fieldId, string itemText)
    {
        form.Find($"#{fieldId} .mud-input-control").MouseDown();
        popovers.WaitForAssertion(() => Assert.Contains(popovers.FindAll(".mud-popover-open .mud-list-item"),
            i => i.TextContent.Contains(itemText, StringComparison.Ordinal)));
        popovers.InvokeAsync(() => popovers.FindAll(".mud-popover-open .mud-list-item")
            .First(i => i.TextContent.Contains(itemText, StringComparison.Ordinal)).Click()).GetAwaiter().GetResult();
        form.WaitForAssertion(() => Assert.Contains(itemText, form.Find($"#{fieldId} input").GetAttribute("value") ?? "", StringComparison.Ordinal));
    }

    /// <summary>Types a code into a country field and leaves it (the browser sends "change" on Tab or Enter).</summary>
    private static void TypeCountry(IRenderedComponent<NewReferral> form, string testId, string text)
    {
        form.Find($"[data-testid={testId}]").Change(text);
        form.WaitForAssertion(() => Assert.Equal(text.ToUpperInvariant(), form.Find($"[data-testid={testId}]").GetAttribute("value")));
    }

    private static string Size(long bytes) => (bytes / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " KB";

    /// <summary>A second browser tab or a reconnect after a dropped connection: a new context, the same officer.</summary>
    private sealed class SecondContext(ComponentHost host) : ComponentTest(host)
    {
        public IRenderedComponent<NewReferral> Open(string userId)
        {
            SignInAs(Officer, userId);
            Render<MudPopoverProvider>();
            var form = Render<NewReferral>();
            form.WaitForElement("[data-testid=reason]");
            return form;
        }
    }
}
