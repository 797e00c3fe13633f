using DescPortal.Core.Referrals;
using DescPortal.Testing;
using DescPortal.Web.Features.Referrals.Drafts;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using Xunit;

namespace DescPortal.Web.Tests.Features.Referrals;

/// <summary>The draft service behind the form: ownership, alignment of descriptions with files, refusals.</summary>
public sealed class NewReferralDraftsTests(ComponentHost host) : ComponentTest(host)
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;
    private ReferralDrafts Drafts => Host.Services.GetRequiredService<ReferralDrafts>();
    private BlobContainers Blobs => Host.Services.GetRequiredService<BlobContainers>();

    [Fact]
    public async Task A_preview_is_served_to_the_officer_whose_draft_it_is_and_to_nobody_else()
    {
        var owner = Officer("BCP-NORTH");
        var image = await AttachAsync(owner, TestImages.Tiff(900, 600, seed: Random.Shared.Next()), "uv.tif");

        await using (var preview = await Drafts.OpenPreviewAsync(owner, image.Id, Ct))
        {
            Assert.NotNull(preview);
            using var copy = new MemoryStream();
            await preview.CopyToAsync(copy, Ct);
            // Browsers cannot show TIFF: the preview is a JPEG no larger than the preview size.
            using var decoded = Image.NewFromBuffer(copy.ToArray());
            Assert.Equal("jpegload_buffer", decoded.Get("vips-loader"));
            Assert.Equal(ReferralDrafts.PreviewSize, Math.Max(decoded.Width, decoded.Height));
        }
        Assert.Null(await Drafts.OpenPreviewAsync(Officer("BCP-NORTH"), image.Id, Ct));
        Assert.Null(await Drafts.OpenPreviewAsync(Officer("BCP-SOUTH"), image.Id, Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Drafts.OpenPreviewAsync(
            new UserScope(owner.UserId, "Erik", new HashSet<string> { Roles.Examiner }, null, null, false), image.Id, Ct));
    }

    [Fact]
    public async Task Drafts_untouched_for_longer_than_the_keep_period_are_deleted_with_their_images()
    {
        var abandoned = Officer("BCP-NORTH");
        var active = Officer("BCP-NORTH");
        var old = await AttachAsync(abandoned, TestImages.Jpeg(seed: Random.Shared.Next()), "old.jpg");
        var fresh = await AttachAsync(active, TestImages.Jpeg(seed: Random.Shared.Next()), "new.jpg");
        var store = Host.Services.GetRequiredService<Marten.IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            var draft = (await session.LoadAsync<ReferralDraft>(abandoned.UserId, Ct))!;
            draft.SavedAt = DateTimeOffset.UtcNow.AddDays(-30);
            session.Store(draft);
            await session.SaveChangesAsync(Ct);
        }

        var deleted = await Drafts.ExpireAsync(14, Ct);

        Assert.True(deleted >= 1);
        Assert.Null(await Drafts.LoadAsync(abandoned, Ct));
        Assert.False((await Blobs.Drafts.GetBlobClient(old.BlobName).ExistsAsync(Ct)).Value);
        Assert.False((await Blobs.Drafts.GetBlobClient(old.PreviewBlobName).ExistsAsync(Ct)).Value);
        Assert.NotNull(await Drafts.LoadAsync(active, Ct));
        Assert.True((await Blobs.Drafts.GetBlobClient(fresh.BlobName).ExistsAsync(Ct)).Value);
    }

    [Fact]
    public async Task A_save_that_races_an_upload_or_a_removal_keeps_each_description_with_its_file()
    {
        var officer = Officer("BCP-NORTH");
        var first = await AttachAsync(officer, TestImages.Jpeg(seed: Random.Shared.Next()), "a.jpg");
        var second = await AttachAsync(officer, TestImages.Png(seed: Random.Shared.Next()), "b.png");
        var third = await AttachAsync(officer, TestImages.Jpeg(seed: Random.Shared.Next()), "c.jpg");
        await Drafts.RemoveImageAsync(officer, first.Id, Ct);

        // The form had not yet heard of the third file, and still showed the removed first one.
        var stale = new ReferralSubmission { Reason = "typed meanwhile" };
        stale.Images.Add(new ImageSubmission { LightSource = "IR", Area = "Mrz" });
        stale.Images.Add(new ImageSubmission { LightSource = "UV365", Area = "Portrait", WavelengthNm = 365 });
        await Drafts.SaveAsync(officer, stale, [first.Id, second.Id], Ct);

        var draft = await Drafts.LoadAsync(officer, Ct);
        Assert.Equal([second.Id, third.Id], draft!.Images.Select(i => i.Id));
        Assert.Equal("typed meanwhile", draft.Submission.Reason);
        Assert.Equal(("UV365", "Portrait"), (draft.Submission.Images[0].LightSource, draft.Submission.Images[0].Area));
        Assert.Equal(("White", "DataPage"), (draft.Submission.Images[1].LightSource, draft.Submission.Images[1].Area));
        Assert.False(await Blobs.Drafts.GetBlobClient(first.BlobName).ExistsAsync(Ct));
        Assert.False(await Blobs.Drafts.GetBlobClient(first.PreviewBlobName).ExistsAsync(Ct));
    }

    [Fact]
    public async Task A_refused_file_leaves_nothing_stored_and_the_limit_counts_attached_images()
    {
        var officer = Officer("BCP-NORTH");
        await Assert.ThrowsAsync<ImageRejectedException>(() => AttachAsync(officer, TestImages.TruncatedJpeg(), "cut.jpg"));
        Assert.Null(await Drafts.LoadAsync(officer, Ct));

        for (var i = 0; i < Drafts.Limits.MaxFilesPerReferral; i++)
            await AttachAsync(officer, TestImages.Jpeg(64, 48, seed: Random.Shared.Next()), $"{i}.jpg");
        var over = await Assert.ThrowsAsync<DraftImageLimitException>(() => AttachAsync(officer, TestImages.Jpeg(64, 48, seed: 7), "one-more.jpg"));
        Assert.Contains($"At most {Drafts.Limits.MaxFilesPerReferral} images", over.Message, StringComparison.Ordinal);
        await Drafts.DiscardAsync(officer, Ct);
        Assert.Null(await Drafts.LoadAsync(officer, Ct));
    }

    [Fact]
    public async Task An_invalid_draft_is_refused_with_field_errors_and_left_as_it_was()
    {
        var officer = Officer("BCP-NORTH");
        var image = await AttachAsync(officer, TestImages.Jpeg(seed: Random.Shared.Next()), "a.jpg");
        await Drafts.SaveAsync(officer, new ReferralSubmission { Reason = "no surname", Images = [new ImageSubmission { LightSource = "Moonlight" }] }, [image.Id], Ct);

        var outcome = await Drafts.SubmitAsync(officer, Ct);

        Assert.False(outcome.Succeeded);
        Assert.Contains(outcome.Errors, e => e.Path == "bearer.surname");
        Assert.Contains(outcome.Errors, e => e.Path == "images[0].lightSource");
        var draft = await Drafts.LoadAsync(officer, Ct);
        Assert.Equal("no surname", draft!.Submission.Reason);
        Assert.True(await Blobs.Drafts.GetBlobClient(image.BlobName).ExistsAsync(Ct));
    }

    [Fact]
    public void File_names_are_kept_for_display_only_without_folders_or_control_characters()
    {
        Assert.Equal("photo0.jpg", ReferralDrafts.DisplayName("../../etc/photo0.jpg"));
        Assert.Equal("scan.tif", ReferralDrafts.DisplayName(@"C:\Users\officer\scan.tif"));
        Assert.Equal("ab.png", ReferralDrafts.DisplayName("a\u0000b.png"));
        Assert.Equal("image", ReferralDrafts.DisplayName("  "));
    }

    private static UserScope Officer(string agency) =>
        new("t-" + Guid.NewGuid().ToString("N"), "Test Officer", new HashSet<string> { Roles.FieldOfficer }, agency, null, false);

    private async Task<DraftImage> AttachAsync(UserScope officer, byte[] bytes, string name)
    {
        using var stream = new MemoryStream(bytes);
        return await Drafts.AttachImageAsync(officer, stream, name, null, Ct);
    }
}
