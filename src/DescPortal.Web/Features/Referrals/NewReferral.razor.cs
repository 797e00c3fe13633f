using System.Globalization;
using System.Text.RegularExpressions;
using DescPortal.Core;
using DescPortal.Core.Referrals;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Features.Referrals.Drafts;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace DescPortal.Web.Features.Referrals;

/// <summary>
/// The field officer's new-referral form. The form edits a <see cref="ReferralSubmission"/> that is saved as the
/// officer's draft about a second after each change (and on leaving a field), so a dropped connection loses nothing;
/// images are checked and stored as soon as they are chosen; sending goes through <see cref="ReferralDrafts.SubmitAsync"/>.
/// </summary>
public sealed partial class NewReferral : IAsyncDisposable
{
    private const string DateTimeLocalFormat = "yyyy-MM-ddTHH:mm";
    private static readonly TimeSpan AutosaveDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    [Inject] private ReferralDrafts Drafts { get; set; } = default!;
    [Inject] private CaseQueries Cases { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private IScrollManager Scroll { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private IStringLocalizer<Strings> L { get; set; } = default!;
    [Inject] private ILogger<NewReferral> Log { get; set; } = default!;

    private readonly CancellationTokenSource _cts = new();
    private readonly SemaphoreSlim _saveGate = new(1, 1);
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);
    // What the officer typed in the date-time fields, kept as typed so a change of crossing point keeps the wall-clock time.
    private readonly Dictionary<string, string> _dateTimeText = new(StringComparer.Ordinal);
    private readonly List<Upload> _uploads = [];

    private UserScope _scope = default!;
    private Agency? _agency;
    private ReferralSubmission _model = new();
    // Same index as _model.Images: _images[i] is the file _model.Images[i] describes.
    private List<DraftImage> _images = [];
    private Timer? _autosave;
    private bool _loading = true;
    private string? _unavailable;
    private bool _dirty;
    private bool _saving;
    private bool _saveFailed;
    private bool _sending;
    private bool _submitted;
    private bool _disposed;
    private string? _sendError;
    private DateTimeOffset? _savedAt;
    private DateTimeOffset? _restoredFrom;

    private List<CrossingPoint> Points => _agency?.CrossingPoints ?? [];
    private bool Uploading => _uploads.Any(u => u.Running);
    private bool IsUrgent => string.Equals(_model.Urgency, nameof(Urgency.Urgent), StringComparison.OrdinalIgnoreCase);
    private UploadLimits Limits => Drafts.Limits;

    protected override async Task OnInitializedAsync()
    {
        _scope = UserScope.From((await AuthState).User);
        if (_scope.ViaApiKey || !CaseAccess.CanSubmit(_scope))
        {
            _unavailable = L["Your account is not linked to a border agency, so it cannot send referrals. Ask an administrator."];
            _loading = false;
            return;
        }

        _agency = await Cases.AgencyAsync(_scope.AgencyCode!, _cts.Token);
        if (_agency is null || _agency.CrossingPoints.Count == 0)
        {
            _unavailable = L["Your agency has no border crossing points yet. Ask an administrator to add them."];
            _loading = false;
            return;
        }

        var draft = await Drafts.LoadAsync(_scope, _cts.Token);
        if (draft is not null)
        {
            _model = draft.Submission;
            _images = draft.Images;
            _savedAt = draft.SavedAt;
            _restoredFrom = draft.SavedAt;
        }
        else
        {
            _model = new ReferralSubmission
            {
                Documents = [new DocumentSubmission { DocumentType = nameof(DocumentType.Passport) }],
            };
        }
        ApplyDefaults();
        _loading = false;
    }

    /// <summary>Fills what can be guessed without marking the draft changed: nothing here is the officer's typing.</summary>
    private void ApplyDefaults()
    {
        if (string.IsNullOrWhiteSpace(_model.BorderCrossingPoint) && Points.Count == 1)
            _model.BorderCrossingPoint = Points[0].Code;
        _model.InterceptedAt ??= NowToTheMinute();
        if (string.IsNullOrWhiteSpace(_model.Urgency)) _model.Urgency = nameof(Urgency.Routine);
        if (_model.Documents.Count == 0) _model.Documents.Add(new DocumentSubmission { DocumentType = nameof(DocumentType.Passport) });
    }

    private DateTimeOffset NowToTheMinute()
    {
        var now = Clock.GetUtcNow();
        return new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
    }

    // ---- Changes and autosave -------------------------------------------------------------------------------------

    /// <summary>Called after every edit: the field's old error goes (the officer is fixing it) and a save is scheduled.</summary>
    private void Changed(string? path = null)
    {
        if (path is not null) _errors.Remove(path);
        MarkDirty();
    }

    private void MarkDirty()
    {
        if (_submitted) return;
        _dirty = true;
        _autosave ??= new Timer(_ => _ = InvokeAsync(AutosaveAsync), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _autosave.Change(AutosaveDelay, Timeout.InfiniteTimeSpan);
    }

    private async Task AutosaveAsync()
    {
        if (_disposed) return;
        await SaveNowAsync();
        StateHasChanged();
    }

    /// <summary>Saves now if anything changed (on leaving a field, before sending).</summary>
    private async Task FlushAsync()
    {
        if (!_dirty) return;
        _autosave?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        await SaveNowAsync();
    }

    private async Task<bool> SaveNowAsync()
    {
        await _saveGate.WaitAsync();
        try
        {
            if (!_dirty) return true;
            if (_submitted) return false;
            _dirty = false;
            _saving = true;
            _savedAt = await Drafts.SaveAsync(_scope, _model, _images.Select(i => i.Id).ToList(), _cts.Token);
            _saveFailed = false;
            return true;
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Keep the changes in memory and try again shortly; the indicator says the draft is not saved.
            Log.LogWarning(e, "Saving the referral draft of {UserId} failed", _scope.UserId);
            _dirty = true;
            _saveFailed = true;
            _autosave?.Change(RetryDelay, Timeout.InfiniteTimeSpan);
            return false;
        }
        finally
        {
            _saving = false;
            _saveGate.Release();
        }
    }

    private string DraftStatus =>
        _saveFailed ? L["Draft not saved: retrying…"]
        : _saving ? L["Saving draft…"]
        : _dirty ? L["Unsaved changes"]
        : _savedAt is { } at ? L["Draft saved {0}", FormatTime(at)]
        : L["Not saved yet"];

    // ---- Crossing point, time zone and date-time fields -----------------------------------------------------------

    private CrossingPoint? SelectedPoint => _agency?.FindCrossingPoint(_model.BorderCrossingPoint ?? "");

    /// <summary>The selected crossing point's zone; before one is chosen, the agency's zone if all its points share one.</summary>
    private TimeZoneInfo Zone => ZoneOf(_model.BorderCrossingPoint);

    private TimeZoneInfo ZoneOf(string? pointCode)
    {
        var id = _agency?.FindCrossingPoint(pointCode ?? "")?.TimeZone;
        if (id is null && Points.Select(p => p.TimeZone).Distinct(StringComparer.Ordinal).Count() == 1) id = Points[0].TimeZone;
        if (id is null) return TimeZoneInfo.Utc;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            Log.LogWarning("Crossing point {Point} names an unknown time zone {Zone}", pointCode, id);
            return TimeZoneInfo.Utc;
        }
    }

    private string ZoneHelper => SelectedPoint is { } p
        ? L["Local time at {0} ({1})", p.Code, Zone.Id]
        : L["Time zone {0}: choose the crossing point first", Zone.Id];

    private string FormatTime(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, Zone);
        var today = TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), Zone).Date;
        return local.ToString(local.Date == today ? "HH:mm" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    private sealed record DateTimeField(string Key, string Path, Func<DateTimeOffset?> Get, Action<DateTimeOffset?> Set);

    private IEnumerable<DateTimeField> DateTimeFields()
    {
        yield return new("interceptedAt", "interceptedAt", () => _model.InterceptedAt, v => _model.InterceptedAt = v);
        yield return new("answerBy", "answerBy", () => _model.AnswerBy, v => _model.AnswerBy = v);
        for (var i = 0; i < _images.Count && i < _model.Images.Count; i++)
        {
            var row = _model.Images[i];
            yield return new(CapturedKey(_images[i]), $"images[{i}].capturedAt", () => row.CapturedAt, v => row.CapturedAt = v);
        }
    }

    private static string CapturedKey(DraftImage image) => "capturedAt:" + image.Id.ToString("N");

    private string DateTimeText(string key, DateTimeOffset? value) =>
        _dateTimeText.TryGetValue(key, out var text) ? text
        : value is { } v ? TimeZoneInfo.ConvertTime(v, Zone).ToString(DateTimeLocalFormat, CultureInfo.InvariantCulture)
        : "";

    private void SetDateTime(string key, string path, string? text, Action<DateTimeOffset?> set)
    {
        _dateTimeText[key] = text ?? "";
        set(ToUtc(text, Zone, out var problem));
        Changed(path);
        if (problem is not null) _errors[path] = problem;
    }

    /// <summary>A wall-clock time typed for the crossing point, in UTC; null with a reason when it is not a time there.</summary>
    private DateTimeOffset? ToUtc(string? text, TimeZoneInfo zone, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!DateTime.TryParseExact(text.Trim(), [DateTimeLocalFormat, "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var local))
        {
            problem = L["Enter a date and a time."];
            return null;
        }
        if (zone.IsInvalidTime(local))
        {
            problem = L["{0} does not exist in {1}: the clocks go forward then.", text.Replace('T', ' '), zone.Id];
            return null;
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    private void OnCrossingPointChanged(string? code)
    {
        // The times typed were meant at the crossing point: keep their wall-clock value in the new point's zone.
        var oldZone = Zone;
        var fields = DateTimeFields().ToList();
        foreach (var f in fields)
        {
            if (!_dateTimeText.ContainsKey(f.Key) && f.Get() is { } v)
                _dateTimeText[f.Key] = TimeZoneInfo.ConvertTime(v, oldZone).ToString(DateTimeLocalFormat, CultureInfo.InvariantCulture);
        }
        _model.BorderCrossingPoint = code;
        var newZone = Zone;
        foreach (var f in fields)
        {
            if (!_dateTimeText.TryGetValue(f.Key, out var text)) continue;
            f.Set(ToUtc(text, newZone, out var problem));
            if (problem is not null) _errors[f.Path] = problem;
            else _errors.Remove(f.Path);
        }
        Changed("borderCrossingPoint");
    }

    private void OnUrgencyChanged(string? urgency)
    {
        _model.Urgency = urgency;
        _errors.Remove("answerBy");
        Changed("urgency");
    }

    private void AnswerWithin(int hours)
    {
        var at = NowToTheMinute().AddHours(hours);
        _dateTimeText["answerBy"] = TimeZoneInfo.ConvertTime(at, Zone).ToString(DateTimeLocalFormat, CultureInfo.InvariantCulture);
        _model.AnswerBy = at;
        Changed("answerBy");
    }

    private void CheckDateOfBirth()
    {
        // Said at once rather than on sending: the format is easy to get wrong.
        if (!PartialDate.TryParse(_model.Bearer.DateOfBirth, out _, out var problem))
            _errors["bearer.dateOfBirth"] = problem!.ToString();
    }

    // ---- Documents --------------------------------------------------------------------------------------------------

    private void AddDocument()
    {
        _model.Documents.Add(new DocumentSubmission());
        // With two documents an image must say which one it shows; existing images stay on the first.
        Changed("documents");
    }

    // By reference, not index: a double tap must not remove the document that moved into the removed one's place.
    private void RemoveDocument(DocumentSubmission document)
    {
        var index = _model.Documents.IndexOf(document);
        if (index < 0 || _model.Documents.Count <= 1) return;
        _model.Documents.RemoveAt(index);
        foreach (var row in _model.Images)
        {
            if (row.Document == index) row.Document = _model.Documents.Count == 1 ? 0 : null;
            else if (row.Document > index) row.Document--;
        }
        ClearErrors("documents");
        ClearErrors("images");
        MarkDirty();
    }

    private string DocumentLabel(int index)
    {
        var d = _model.Documents[index];
        var parts = new List<string> { (index + 1).ToString(CultureInfo.InvariantCulture) };
        if (!string.IsNullOrWhiteSpace(d.DocumentType)) parts.Add(L[CodeLabels.LabelOf(CodeLabels.DocumentTypes, d.DocumentType)]);
        if (!string.IsNullOrWhiteSpace(d.IssuingState)) parts.Add(d.IssuingState);
        return string.Join(" · ", parts);
    }

    // ---- Images -----------------------------------------------------------------------------------------------------

    private sealed class Upload(string fileName, long size) : IDisposable
    {
        public Guid Key { get; } = Guid.NewGuid();
        public string FileName { get; } = ReferralDrafts.DisplayName(fileName);
        public long Size { get; } = size;
        public long Sent;
        public string? Error { get; set; }
        public CancellationTokenSource Cts { get; } = new();
        public Task Work { get; set; } = Task.CompletedTask;
        public bool Running => Error is null;
        public int Percent => Size <= 0 ? 0 : (int)Math.Min(100, Interlocked.Read(ref Sent) * 100 / Size);
        public bool Checking => Size > 0 && Interlocked.Read(ref Sent) >= Size;
        public void Dispose() => Cts.Dispose();
    }

    /// <summary>Redraws a file's progress bar at most five times a second, from whatever thread reads the file.</summary>
    private sealed class UploadProgress(NewReferral page, Upload upload) : IProgress<long>
    {
        private long _lastDrawn;

        public void Report(long value)
        {
            Interlocked.Exchange(ref upload.Sent, value);
            var now = Environment.TickCount64;
            if (now - Interlocked.Read(ref _lastDrawn) < 200 && value < upload.Size) return;
            Interlocked.Exchange(ref _lastDrawn, now);
            _ = page.InvokeAsync(page.StateHasChanged);
        }
    }

    private async Task OnFilesSelectedAsync(InputFileChangeEventArgs e)
    {
        var free = Limits.MaxFilesPerReferral - _images.Count - _uploads.Count(u => u.Running);
        var started = new List<Task>();
        foreach (var file in e.GetMultipleFiles(int.MaxValue))
        {
            var upload = new Upload(file.Name, file.Size);
            _uploads.Add(upload);
            if (free <= 0)
            {
                upload.Error = L["Not attached: a referral can carry at most {0} images.", Limits.MaxFilesPerReferral];
                continue;
            }
            if (file.Size > Limits.MaxFileBytes)
            {
                upload.Error = L["This file is larger than the limit of {0} MB.", Limits.MaxFileBytes / (1024 * 1024)];
                continue;
            }
            free--;
            // Opened now, for every file at once: the browser forgets this selection's files when the officer picks more.
            var stream = file.OpenReadStream(Limits.MaxFileBytes, upload.Cts.Token);
            upload.Work = UploadAsync(upload, stream);
            started.Add(upload.Work);
        }
        _errors.Remove("images");
        StateHasChanged();
        await Task.WhenAll(started);
    }

    private async Task UploadAsync(Upload upload, Stream stream)
    {
        try
        {
            await using (stream)
            {
                var progress = new UploadProgress(this, upload);
                // Off the circuit's thread: hashing, decoding and the preview are CPU work.
                var image = await Task.Run(() => Drafts.AttachImageAsync(_scope, stream, upload.FileName, progress, upload.Cts.Token), upload.Cts.Token);
                _images.Add(image);
                _model.Images.Add(ReferralDrafts.NewImageRow());
                _uploads.Remove(upload);
                upload.Dispose();
                _savedAt = Clock.GetUtcNow();
            }
        }
        catch (ImageRejectedException x)
        {
            upload.Error = x.Message;
        }
        catch (DraftImageLimitException x)
        {
            upload.Error = x.Message;
        }
        catch (OperationCanceledException) when (upload.Cts.IsCancellationRequested)
        {
            _uploads.Remove(upload);
            upload.Dispose();
        }
        catch (IOException x)
        {
            Log.LogInformation(x, "Reading {File} from the browser failed", upload.FileName);
            upload.Error = L["The file could not be read from this device (was the connection lost?). Choose it again."];
        }
        catch (Exception x) when (x is not OperationCanceledException)
        {
            Log.LogError(x, "Attaching {File} failed", upload.FileName);
            upload.Error = L["The file could not be stored. Try again; if it keeps failing, call the DESC duty desk."];
        }
        if (!_cts.IsCancellationRequested) StateHasChanged();
    }

    private static void CancelUpload(Upload upload) => upload.Cts.Cancel();

    private void DismissUpload(Upload upload)
    {
        _uploads.Remove(upload);
        upload.Dispose();
    }

    private async Task RemoveImageAsync(DraftImage image)
    {
        var index = _images.IndexOf(image);
        if (index < 0) return;
        _images.RemoveAt(index);
        _model.Images.RemoveAt(index);
        _dateTimeText.Remove(CapturedKey(image));
        ClearErrors("images");
        try
        {
            await Drafts.RemoveImageAsync(_scope, image.Id, _cts.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.LogWarning(e, "Removing draft image {ImageId} failed", image.Id);
        }
        MarkDirty();
    }

    private void OnLightSourceChanged(ImageSubmission row, int index, string? light)
    {
        // UV lamps have a fixed wavelength: fill it in unless the officer typed another.
        if (row.WavelengthNm is null || row.WavelengthNm == CodeLabels.WavelengthOf(row.LightSource))
            row.WavelengthNm = CodeLabels.WavelengthOf(light);
        row.LightSource = light;
        Changed($"images[{index}].lightSource");
    }

    private static string PreviewUrl(DraftImage image) => $"referrals/drafts/images/{image.Id:N}/preview";

    private static string FormatSize(long bytes) => bytes switch
    {
        >= 1024L * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };

    private static string Dimensions(DraftImage image) =>
        string.Create(CultureInfo.InvariantCulture, $"{image.Width} × {image.Height} px");

    // ---- Sending, discarding ----------------------------------------------------------------------------------------

    private async Task SendAsync()
    {
        if (_sending || Uploading || _submitted) return;
        _sending = true;
        _sendError = null;
        try
        {
            _dirty = true;
            _autosave?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            if (!await SaveNowAsync())
            {
                _sendError = L["The draft could not be saved, so nothing was sent. Check the connection and try again."];
                return;
            }
            var outcome = await Task.Run(() => Drafts.SubmitAsync(_scope, _cts.Token));
            if (outcome.Referral is { } sent)
            {
                _submitted = true;
                _autosave?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                Snackbar.Add(L["Referral {0} sent.", sent.Reference], Severity.Success);
                Nav.NavigateTo($"referrals/{sent.Id}");
                return;
            }
            _errors.Clear();
            foreach (var error in outcome.Errors)
                _errors[error.Path] = _errors.TryGetValue(error.Path, out var earlier) ? $"{earlier} {error.Message}" : error.Message;
            await Scroll.ScrollIntoViewAsync("#nr-summary", ScrollBehavior.Smooth);
        }
        catch (Exception e) when (e is not OperationCanceledException || !_cts.IsCancellationRequested)
        {
            Log.LogError(e, "Sending the referral of {UserId} failed", _scope.UserId);
            _sendError = L["The referral could not be sent. Nothing you typed was lost: try again in a moment."];
        }
        finally
        {
            _sending = false;
            if (!_submitted && _dirty) MarkDirty();
        }
    }

    private async Task DiscardAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L["Discard this draft?"],
            L["Everything typed in this referral and every attached image will be deleted. This cannot be undone."],
            yesText: L["Discard draft"], cancelText: L["Keep editing"]);
        if (confirmed != true) return;

        foreach (var upload in _uploads) upload.Cts.Cancel();
        try
        {
            await Task.WhenAll(_uploads.Select(u => u.Work));
        }
        catch (OperationCanceledException)
        {
            // Cancelled on purpose.
        }
        _autosave?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        await _saveGate.WaitAsync();
        try
        {
            await Drafts.DiscardAsync(_scope, _cts.Token);
            foreach (var upload in _uploads) upload.Dispose();
            _uploads.Clear();
            _images = [];
            _model = new ReferralSubmission
            {
                Documents = [new DocumentSubmission { DocumentType = nameof(DocumentType.Passport) }],
            };
            ApplyDefaults();
            _errors.Clear();
            _dateTimeText.Clear();
            _dirty = false;
            _saveFailed = false;
            _savedAt = null;
            _restoredFrom = null;
            _sendError = null;
            Snackbar.Add(L["Draft discarded."], Severity.Info);
        }
        finally
        {
            _saveGate.Release();
        }
    }

    // ---- Errors -----------------------------------------------------------------------------------------------------

    private string? Error(string path) => _errors.GetValueOrDefault(path);

    private void ClearErrors(string prefix)
    {
        foreach (var key in _errors.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
            _errors.Remove(key);
    }

    /// <summary>An element id for a field's wrapper, so the summary can scroll to it.</summary>
    private static string FieldId(string path) => "nr-" + FieldIdChars().Replace(path, "-");

    [GeneratedRegex(@"[^A-Za-z0-9]")]
    private static partial Regex FieldIdChars();

    [GeneratedRegex(@"^(documents|images)\[(\d+)\](?:\.(\w+))?$")]
    private static partial Regex IndexedPath();

    private static readonly Dictionary<string, string> FieldLabels = new(StringComparer.Ordinal)
    {
        ["referral"] = "Referral",
        ["borderCrossingPoint"] = "Crossing point",
        ["interceptedAt"] = "Intercepted at",
        ["routeFrom"] = "Route from",
        ["routeTo"] = "Route to",
        ["reason"] = "Reason for suspicion",
        ["urgency"] = "Urgency",
        ["answerBy"] = "Answer needed by",
        ["bearer"] = "Bearer",
        ["bearer.surname"] = "Surname",
        ["bearer.givenNames"] = "Given names",
        ["bearer.nationalName"] = "Name in national characters",
        ["bearer.nationality"] = "Nationality",
        ["bearer.dateOfBirth"] = "Date of birth",
        ["bearer.sex"] = "Sex",
        ["documents"] = "Documents",
        ["images"] = "Images",
        ["documentType"] = "Type",
        ["issuingState"] = "Issuing state",
        ["documentNumber"] = "Document number",
        ["mrz"] = "MRZ",
        ["document"] = "Document shown",
        ["lightSource"] = "Light source",
        ["area"] = "Area",
        ["dpi"] = "Resolution",
        ["wavelengthNm"] = "Wavelength",
        ["captureDevice"] = "Capture device",
        ["capturedAt"] = "Capture time",
        ["note"] = "Note",
    };

    private string FieldLabel(string path)
    {
        if (IndexedPath().Match(path) is { Success: true } m)
        {
            var n = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) + 1;
            var item = m.Groups[1].Value == "documents" ? L["Document {0}", n] : L["Image {0}", n];
            return m.Groups[3].Success ? $"{item} · {L[FieldLabels.GetValueOrDefault(m.Groups[3].Value, m.Groups[3].Value)]}" : item;
        }
        return L[FieldLabels.GetValueOrDefault(path, path)];
    }

    private async Task GoToFieldAsync(string path)
    {
        var id = path.StartsWith("images[", StringComparison.Ordinal) && IndexedPath().Match(path) is { Success: true } m
            ? $"nr-image-{m.Groups[2].Value}"
            : path.StartsWith("documents[", StringComparison.Ordinal) && IndexedPath().Match(path) is { Success: true } d
                ? $"nr-document-{d.Groups[2].Value}"
                : FieldId(path);
        await Scroll.ScrollIntoViewAsync("#" + id, ScrollBehavior.Smooth);
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (_autosave is not null) await _autosave.DisposeAsync();
        // Leaving the page with a change not yet saved: save it (the copy is taken before this returns).
        if (_dirty && !_submitted && _scope is not null && _unavailable is null)
        {
            var ids = _images.Select(i => i.Id).ToList();
            _ = Drafts.SaveAsync(_scope, _model, ids, CancellationToken.None)
                .ContinueWith(t => Log.LogWarning(t.Exception, "Saving the draft of {UserId} on leaving failed", _scope.UserId),
                    CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
        await _cts.CancelAsync();
        foreach (var upload in _uploads)
        {
            await upload.Cts.CancelAsync();
            upload.Dispose();
        }
        _cts.Dispose();
        _saveGate.Dispose();
    }
}
