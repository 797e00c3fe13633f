using DescPortal.Core;
using DescPortal.Core.Referrals;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Features.Referrals;
using DescPortal.Web.Features.Referrals.Drafts;
using DescPortal.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace DescPortal.Web.Tests.Features.Referrals;

/// <summary>The new-referral form's state on its own: no renderer, no database, a fixed clock.</summary>
public sealed class ReferralFormTests
{
    // 08:30 at NORTH-GATE (Helsinki, UTC+2 until the clocks go forward on 29 March), 06:30 at WEST-PORT (London).
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 6, 30, 42, TimeSpan.Zero);
    private static readonly CrossingPoint NorthGate = new("NORTH-GATE", "North Gate road crossing", "Europe/Helsinki");
    private static readonly CrossingPoint WestPort = new("WEST-PORT", "West Port ferry terminal", "Europe/London");

    private static readonly IStringLocalizer<Strings> English = new StringLocalizer<Strings>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    [Fact]
    public void A_new_referral_is_routine_with_one_passport_intercepted_this_minute_at_the_agencys_only_crossing_point()
    {
        var form = Open(NorthGate);

        Assert.Equal("NORTH-GATE", form.Submission.BorderCrossingPoint);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 6, 30, 0, TimeSpan.Zero), form.Submission.InterceptedAt);
        Assert.Equal("2026-03-10T08:30", form.InterceptedAtText);
        Assert.Equal("Routine", form.Submission.Urgency);
        Assert.Equal("Passport", Assert.Single(form.Submission.Documents).DocumentType);
        Assert.False(form.IsDirty);
        Assert.Null(form.RestoredFrom);
        Assert.Equal("Not saved yet", form.DraftStatus);
        // With two points the officer chooses.
        Assert.Null(Open(NorthGate, WestPort).Submission.BorderCrossingPoint);
    }

    [Fact]
    public void A_restored_draft_keeps_what_was_typed_and_attached_and_says_when_it_was_saved()
    {
        var image = Image();
        var draft = new ReferralDraft
        {
            Submission = new ReferralSubmission { Reason = "UV: no fibres", Urgency = "Urgent", Images = [new ImageSubmission { LightSource = "IR" }] },
            Images = [image],
            SavedAt = Now.AddDays(-1),
        };

        var form = Open([NorthGate], draft);

        Assert.Equal("UV: no fibres", form.Submission.Reason);
        Assert.True(form.IsUrgent);
        Assert.Equal([image.Id], form.ImageIds);
        Assert.Equal("IR", form.Submission.Images[0].LightSource);
        // Only what was never typed is filled in.
        Assert.Equal("NORTH-GATE", form.Submission.BorderCrossingPoint);
        Assert.Equal("Passport", Assert.Single(form.Submission.Documents).DocumentType);
        Assert.Equal(Now.AddDays(-1), form.RestoredFrom);
        Assert.Equal("Draft saved 2026-03-09 08:30", form.DraftStatus);
        Assert.False(form.IsDirty);
    }

    [Fact]
    public void Editing_a_field_clears_its_error_and_marks_the_draft_unsaved_for_the_page_to_save()
    {
        var form = Open(NorthGate);
        var edits = 0;
        form.Edited += () => edits++;
        form.ShowErrors([new FieldError("reason", new Phrase(Refusals.Referral.ReasonRequired)), new FieldError("bearer.surname", new Phrase(Refusals.Referral.SurnameRequired))]);

        form.Submission.Reason = "Laminate lifted";
        form.FieldChanged("reason");

        Assert.Null(form.Error("reason"));
        Assert.Equal("Surname is required.", form.Error("bearer.surname"));
        Assert.True(form.IsDirty);
        Assert.Equal(1, edits);
        Assert.Equal("Unsaved changes", form.DraftStatus);
    }

    [Fact]
    public void A_refused_submissions_errors_replace_those_shown_and_several_for_one_field_read_as_one()
    {
        var form = Open(NorthGate);
        form.ShowErrors([new FieldError("reason", new Phrase(Refusals.Referral.ReasonRequired))]);

        form.ShowErrors([
            new FieldError("images[0].dpi", new Phrase(Refusals.Referral.DpiOutOfRange, 50, 20000, 5)),
            new FieldError("images[0].dpi", new Phrase(Refusals.Referral.CapturedAtFuture)),
            new FieldError("bearer.surname", new Phrase(Refusals.Referral.SurnameRequired)),
        ]);

        Assert.Equal(2, form.Errors.Count);
        Assert.Null(form.Error("reason"));
        Assert.Equal("Resolution must be between 50 and 20000 dpi; 5 is not. Capture time is in the future.", form.Error("images[0].dpi"));
    }

    [Fact]
    public void A_time_typed_at_the_crossing_point_is_held_in_UTC_and_keeps_its_wall_clock_time_when_the_point_changes()
    {
        var form = Open(NorthGate, WestPort);
        form.ChangeCrossingPoint("NORTH-GATE");

        form.SetInterceptedAt("2026-03-10T08:15");
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 6, 15, 0, TimeSpan.Zero), form.Submission.InterceptedAt);
        Assert.Equal("Local time at NORTH-GATE (Europe/Helsinki)", form.ZoneHelper);

        form.ChangeCrossingPoint("WEST-PORT");

        Assert.Equal("2026-03-10T08:15", form.InterceptedAtText);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 8, 15, 0, TimeSpan.Zero), form.Submission.InterceptedAt);
        Assert.Equal("Local time at WEST-PORT (Europe/London)", form.ZoneHelper);
        Assert.True(form.IsDirty);
    }

    [Fact]
    public void A_time_the_clocks_skip_or_text_that_is_no_time_is_an_error_beside_its_field_and_stays_as_typed()
    {
        var form = Open(NorthGate);

        form.SetInterceptedAt("2026-03-29T03:30");
        form.SetAnswerBy("2026-13-01T10:00");

        Assert.Null(form.Submission.InterceptedAt);
        Assert.Equal("2026-03-29T03:30", form.InterceptedAtText);
        Assert.Equal("2026-03-29 03:30 does not exist in Europe/Helsinki: the clocks go forward then.", form.Error("interceptedAt"));
        Assert.Null(form.Submission.AnswerBy);
        Assert.Equal("Enter a date and a time.", form.Error("answerBy"));

        form.SetInterceptedAt("2026-03-29T04:30");

        Assert.Null(form.Error("interceptedAt"));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), form.Submission.InterceptedAt);
    }

    [Fact]
    public void A_quick_answer_choice_sets_the_answer_by_time_from_now_at_the_crossing_point_and_clears_its_error()
    {
        var form = Open(NorthGate);
        form.ChangeUrgency("Urgent");
        form.ShowErrors([new FieldError("answerBy", new Phrase(Refusals.Referral.AnswerByRequired))]);

        form.AnswerWithin(2);

        Assert.True(form.IsUrgent);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 8, 30, 0, TimeSpan.Zero), form.Submission.AnswerBy);
        Assert.Equal("2026-03-10T10:30", form.AnswerByText);
        Assert.Null(form.Error("answerBy"));
    }

    [Fact]
    public void Removing_a_document_repoints_the_images_of_later_ones_and_the_last_one_stays()
    {
        var form = Open(NorthGate);
        form.AddDocument();
        form.AddDocument();
        form.Submission.Documents[2].IssuingState = "UTO";
        Attach(form, Image(), Image(), Image());
        for (var i = 0; i < 3; i++) form.Submission.Images[i].Document = i;

        form.RemoveDocument(form.Submission.Documents[1]);
        Assert.Equal([0, null, 1], form.Submission.Images.Select(r => r.Document));
        Assert.Equal("2 · UTO", form.DocumentLabel(1));

        form.RemoveDocument(form.Submission.Documents[0]);
        // One document left: every image that said which one shows it.
        Assert.Equal([0, null, 0], form.Submission.Images.Select(r => r.Document));

        form.RemoveDocument(form.Submission.Documents[0]);
        Assert.Single(form.Submission.Documents);
    }

    [Fact]
    public void A_UV_light_fills_in_its_wavelength_unless_the_officer_typed_another()
    {
        var form = Open(NorthGate);
        Attach(form, Image());
        var row = form.Submission.Images[0];

        form.ChangeLightSource(0, "UV365");
        Assert.Equal(365, row.WavelengthNm);
        form.ChangeLightSource(0, "White");
        Assert.Null(row.WavelengthNm);

        row.WavelengthNm = 400;
        form.ChangeLightSource(0, "UV254");
        Assert.Equal(400, row.WavelengthNm);
        Assert.Equal("UV254", row.LightSource);
    }

    [Fact]
    public void Files_beyond_the_limit_or_over_the_size_are_refused_at_once_and_the_others_go_on()
    {
        var form = Open([NorthGate], limits: new UploadLimits { MaxFilesPerReferral = 3, MaxFileBytes = 1024 * 1024 });
        Attach(form, Image());
        form.ShowErrors([new FieldError("images", new Phrase(Refusals.Referral.ImagesRequired))]);
        var changes = 0;
        form.Changed += () => changes++;

        var uploads = form.AddUploads([("a.jpg", 1000), ("big.tif", 2 * 1024 * 1024), ("b.jpg", 1000), ("c.jpg", 1000)]);

        Assert.Equal([true, false, true, false], uploads.Select(u => u.Running));
        Assert.Equal("This file is larger than the limit of 1 MB.", uploads[1].Error);
        Assert.Equal("Not attached: a referral can carry at most 3 images.", uploads[3].Error);
        Assert.True(form.Uploading);
        Assert.False(form.CanAttachMore);
        Assert.Null(form.Error("images"));
        Assert.Equal(1, changes);
    }

    [Fact]
    public void An_attached_file_becomes_an_image_of_the_first_document_in_white_light_and_the_draft_is_saved()
    {
        var form = Open(NorthGate);
        var upload = Assert.Single(form.AddUploads([("datapage.jpg", 1000)]));
        var image = Image("datapage.jpg");

        form.Attached(upload, image);

        Assert.Empty(form.Uploads);
        Assert.False(form.Uploading);
        Assert.Equal([image], form.Images);
        var row = Assert.Single(form.Submission.Images);
        Assert.Equal((0, "White", "DataPage"), (row.Document, row.LightSource, row.Area));
        Assert.Equal(Now, form.SavedAt);
        Assert.False(form.IsDirty);
    }

    [Fact]
    public void Removing_an_image_takes_its_description_its_capture_time_and_the_images_errors_with_it()
    {
        var form = Open(NorthGate);
        var (first, second) = (Image("one.jpg"), Image("two.png"));
        Attach(form, first, second);
        form.SetCapturedAt(0, "2026-03-10T07:00");
        form.SetCapturedAt(1, "2026-03-10T07:05");
        form.Submission.Images[1].Note = "portrait, raking light";
        form.ShowErrors([new FieldError("images[1].dpi", new Phrase(Refusals.Referral.DpiOutOfRange, 50, 20000, 5))]);

        Assert.True(form.RemoveImage(first));

        Assert.Equal([second], form.Images);
        Assert.Equal("portrait, raking light", Assert.Single(form.Submission.Images).Note);
        Assert.Equal("2026-03-10T07:05", form.CapturedAtText(0));
        Assert.Empty(form.Errors);
        Assert.False(form.RemoveImage(first));
    }

    [Fact]
    public async Task A_failed_save_keeps_the_changes_unsaved_and_says_so_and_the_next_one_saves_them()
    {
        var form = Open(NorthGate);
        Attach(form, Image(), Image());
        form.FieldChanged("reason");

        await Assert.ThrowsAsync<TimeoutException>(() => form.SaveAsync((_, _) => throw new TimeoutException()));

        Assert.True(form.IsDirty);
        Assert.True(form.SaveFailed);
        Assert.Equal("Draft not saved: retrying…", form.DraftStatus);

        IReadOnlyList<Guid> saved = [];
        await form.SaveAsync((_, ids) =>
        {
            saved = ids;
            return Task.FromResult(Now);
        });

        Assert.Equal(form.Images.Select(i => i.Id), saved);
        Assert.False(form.IsDirty);
        Assert.True(form.IsSavedUnchanged);
        Assert.Equal("Draft saved 08:30", form.DraftStatus);
    }

    [Fact]
    public async Task An_edit_made_while_a_save_runs_stays_unsaved_and_a_sent_form_takes_no_more()
    {
        var form = Open(NorthGate);
        form.FieldChanged("reason");

        await form.SaveAsync((_, _) =>
        {
            form.FieldChanged("bearer.surname");
            return Task.FromResult(Now);
        });
        Assert.True(form.IsDirty);

        await form.SaveAsync((_, _) => Task.FromResult(Now));
        form.MarkSent();
        var edits = 0;
        form.Edited += () => edits++;
        form.FieldChanged("reason");

        Assert.False(form.IsDirty);
        Assert.Equal(0, edits);
    }

    [Fact]
    public void A_date_of_birth_that_is_no_date_is_said_when_the_field_is_left()
    {
        var form = Open(NorthGate);

        form.Submission.Bearer.DateOfBirth = "12.08.1974";
        form.CheckDateOfBirth();
        Assert.Equal("'12.08.1974' is not a date; use YYYY-MM-DD, YYYY-MM or YYYY.", form.Error("bearer.dateOfBirth"));

        form.Submission.Bearer.DateOfBirth = "1974-08";
        form.FieldChanged("bearer.dateOfBirth");
        form.CheckDateOfBirth();
        Assert.Null(form.Error("bearer.dateOfBirth"));
    }

    [Fact]
    public void Discarding_starts_a_new_referral_without_files_errors_or_a_saved_time()
    {
        var draft = new ReferralDraft
        {
            Submission = new ReferralSubmission { Reason = "typed", Images = [new ImageSubmission()] },
            Images = [Image()],
            SavedAt = Now.AddMinutes(-5),
        };
        var form = Open([NorthGate], draft);
        form.AddUploads([("refused.jpg", long.MaxValue)]);
        form.ShowErrors([new FieldError("bearer.surname", new Phrase(Refusals.Referral.SurnameRequired))]);
        form.SetAnswerBy("2026-03-10T12:00");

        form.Reset();

        Assert.Null(form.Submission.Reason);
        Assert.Empty(form.Images);
        Assert.Empty(form.Submission.Images);
        Assert.Empty(form.Uploads);
        Assert.Empty(form.Errors);
        Assert.Equal("", form.AnswerByText);
        Assert.Null(form.RestoredFrom);
        Assert.False(form.IsDirty);
        Assert.Equal("Not saved yet", form.DraftStatus);
        Assert.Equal("NORTH-GATE", form.Submission.BorderCrossingPoint);
    }

    [Fact]
    public void A_fields_element_id_is_its_path_with_a_hyphen_for_every_other_character()
    {
        Assert.Equal("nr-images-0--lightSource", ReferralForm.FieldId("images[0].lightSource"));
        Assert.Equal("nr-bearer-surname", ReferralForm.FieldId("bearer.surname"));
    }

    private static ReferralForm Open(params CrossingPoint[] points) => Open(points, null);

    private static ReferralForm Open(CrossingPoint[] points, ReferralDraft? draft = null, UploadLimits? limits = null) =>
        new(new Agency { Id = "BCP-TEST", Name = "Test border police", CrossingPoints = [.. points] },
            limits ?? UploadLimits.Default, draft, new FixedClock(Now), English, NullLogger.Instance);

    private static DraftImage Image(string name = "image.jpg")
    {
        var id = Guid.NewGuid();
        return new DraftImage(id, name, new string('a', 64), 120_000, 900, 600, "image/jpeg", $"drafts/x/{id:N}", $"drafts/x/{id:N}.preview.jpg");
    }

    /// <summary>Files chosen and attached, as the images section does it.</summary>
    private static void Attach(ReferralForm form, params DraftImage[] images)
    {
        var uploads = form.AddUploads([.. images.Select(i => (i.FileName, i.SizeBytes))]);
        for (var i = 0; i < images.Length; i++) form.Attached(uploads[i], images[i]);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
