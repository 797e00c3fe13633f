using System.Text.RegularExpressions;
using DescPortal.Core;
using DescPortal.Core.Referrals;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Features.Referrals.Drafts;
using DescPortal.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace DescPortal.Web.Features.Referrals;

/// <summary>
/// What the officer's new-referral form holds: the <see cref="ReferralSubmission"/> being edited, the attached images
/// beside their descriptions, the files still uploading, the errors beside each field (keyed by JSON path), the
/// date-time texts as typed, and whether anything is unsaved. Plain state without I/O: <see cref="NewReferral"/> saves
/// and sends it, its sections show and edit it. Parts: this file (loading, saving, errors), <c>.Times</c> (the
/// crossing point's clock), <c>.Items</c> (documents, images, uploads).
/// </summary>
public sealed partial class ReferralForm : IAsyncDisposable
{
    private readonly Agency _agency;
    private readonly TimeProvider _clock;
    private readonly ILogger _log;
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    /// <summary>A form for <paramref name="agency"/>'s officer, from their saved draft or, without one, a new referral.</summary>
    public ReferralForm(Agency agency, UploadLimits limits, ReferralDraft? draft, TimeProvider clock,
        IStringLocalizer<Strings> localizer, ILogger log)
    {
        _agency = agency;
        Limits = limits;
        _clock = clock;
        L = localizer;
        _log = log;
        if (draft is not null)
        {
            Submission = draft.Submission;
            _images.AddRange(draft.Images);
            SavedAt = draft.SavedAt;
            RestoredFrom = draft.SavedAt;
        }
        ApplyDefaults();
    }

    /// <summary>The officer made a change: the draft is to be saved a moment later.</summary>
    public event Action? Edited;

    /// <summary>Something shown changed without the officer's typing (a file arrived or was refused, an image went).</summary>
    public event Action? Changed;

    private IStringLocalizer<Strings> L { get; }

    public ReferralSubmission Submission { get; private set; } = NewSubmission();
    public UploadLimits Limits { get; }
    public IReadOnlyDictionary<string, string> Errors => _errors;
    public bool IsDirty { get; private set; }
    public bool IsSaving { get; private set; }
    public bool SaveFailed { get; private set; }
    public DateTimeOffset? SavedAt { get; private set; }
    /// <summary>When the draft this form was restored from had been saved; null once the officer closes the notice.</summary>
    public DateTimeOffset? RestoredFrom { get; private set; }
    /// <summary>Sent: nothing is saved as a draft any more.</summary>
    public bool IsSent { get; private set; }

    private static ReferralSubmission NewSubmission() =>
        new() { Documents = [new DocumentSubmission { DocumentType = nameof(DocumentType.Passport) }] };

    /// <summary>Fills what can be guessed without marking the draft changed: nothing here is the officer's typing.</summary>
    private void ApplyDefaults()
    {
        if (string.IsNullOrWhiteSpace(Submission.BorderCrossingPoint) && Points.Count == 1)
            Submission.BorderCrossingPoint = Points[0].Code;
        Submission.InterceptedAt ??= NowToTheMinute();
        if (string.IsNullOrWhiteSpace(Submission.Urgency)) Submission.Urgency = nameof(Urgency.Routine);
        if (Submission.Documents.Count == 0) Submission.Documents.Add(new DocumentSubmission { DocumentType = nameof(DocumentType.Passport) });
    }

    /// <summary>Back to a new referral after the draft was discarded: every file and every error goes.</summary>
    public void Reset()
    {
        foreach (var upload in _uploads) upload.Dispose();
        _uploads.Clear();
        _images.Clear();
        Submission = NewSubmission();
        ApplyDefaults();
        _errors.Clear();
        _dateTimeText.Clear();
        IsDirty = false;
        SaveFailed = false;
        SavedAt = null;
        RestoredFrom = null;
    }

    public void DismissRestored() => RestoredFrom = null;

    // ---- Changes and saving -----------------------------------------------------------------------------------------

    /// <summary>Called after every edit: the field's old error goes (the officer is fixing it) and the draft is unsaved.</summary>
    public void FieldChanged(string path)
    {
        _errors.Remove(path);
        MarkDirty();
    }

    public void MarkDirty()
    {
        if (IsSent) return;
        IsDirty = true;
        Edited?.Invoke();
    }

    /// <summary>
    /// Saves the unsaved changes with <paramref name="save"/>, given the submission and the id of the image each of its
    /// descriptions belongs to. If it fails the changes stay unsaved and the status says so; edits made meanwhile stay
    /// unsaved for the next save.
    /// </summary>
    public async Task SaveAsync(Func<ReferralSubmission, IReadOnlyList<Guid>, Task<DateTimeOffset>> save)
    {
        ArgumentNullException.ThrowIfNull(save);
        IsDirty = false;
        IsSaving = true;
        try
        {
            SavedAt = await save(Submission, ImageIds);
            SaveFailed = false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            IsDirty = true;
            SaveFailed = true;
            throw;
        }
        finally
        {
            IsSaving = false;
        }
    }

    public void MarkSent() => IsSent = true;

    /// <summary>Saved, with nothing changed since: the status shows a tick.</summary>
    public bool IsSavedUnchanged => !SaveFailed && !IsDirty && !IsSaving && SavedAt is not null;

    public string DraftStatus =>
        SaveFailed ? L["Draft not saved: retrying…"]
        : IsSaving ? L["Saving draft…"]
        : IsDirty ? L["Unsaved changes"]
        : SavedAt is { } at ? L["Draft saved {0}", FormatTime(at)]
        : L["Not saved yet"];

    // ---- Errors -----------------------------------------------------------------------------------------------------

    public string? Error(string path) => _errors.GetValueOrDefault(path);

    /// <summary>The errors of a refused submission, each beside its field; they replace any shown before.</summary>
    public void ShowErrors(IEnumerable<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        _errors.Clear();
        foreach (var error in errors)
            _errors[error.Path] = _errors.TryGetValue(error.Path, out var earlier) ? $"{earlier} {error.Message}" : error.Message;
    }

    public void CheckDateOfBirth()
    {
        // Said at once rather than on sending: the format is easy to get wrong.
        if (!PartialDate.TryParse(Submission.Bearer.DateOfBirth, out _, out var problem))
            _errors["bearer.dateOfBirth"] = problem!.ToString();
    }

    private void ClearErrors(string prefix)
    {
        foreach (var key in _errors.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
            _errors.Remove(key);
    }

    /// <summary>An element id for a field's wrapper, so the summary can scroll to it.</summary>
    public static string FieldId(string path) => "nr-" + FieldIdChars().Replace(path, "-");

    [GeneratedRegex(@"[^A-Za-z0-9]")]
    private static partial Regex FieldIdChars();

    public async ValueTask DisposeAsync()
    {
        foreach (var upload in _uploads)
        {
            await upload.Cts.CancelAsync();
            upload.Dispose();
        }
    }
}
