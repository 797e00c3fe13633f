using DescPortal.Web.Features.Cases;
using DescPortal.Web.Features.Referrals.Drafts;
using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace DescPortal.Web.Features.Referrals;

/// <summary>
/// The field officer's new-referral page. Its <see cref="ReferralForm"/> is saved as the officer's draft about a second
/// after each change (and on leaving a field), so a dropped connection loses nothing; the sections edit the form and
/// attach images; sending goes through <see cref="ReferralDrafts.SubmitAsync"/>.
/// </summary>
public sealed partial class NewReferral : IAsyncDisposable
{
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

    private UserScope _scope = default!;
    // Null while loading and when the officer cannot refer (_unavailable says why).
    private ReferralForm? _form;
    private Timer? _autosave;
    private bool _loading = true;
    private string? _unavailable;
    private bool _sending;
    private bool _disposed;
    private string? _sendError;

    protected override async Task OnInitializedAsync()
    {
        _scope = UserScope.From((await AuthState).User);
        if (_scope.ViaApiKey || !CaseAccess.CanSubmit(_scope))
        {
            _unavailable = L["Your account is not linked to a border agency, so it cannot send referrals. Ask an administrator."];
            _loading = false;
            return;
        }

        var agency = await Cases.AgencyAsync(_scope.AgencyCode!, _cts.Token);
        if (agency is null || agency.CrossingPoints.Count == 0)
        {
            _unavailable = L["Your agency has no border crossing points yet. Ask an administrator to add them."];
            _loading = false;
            return;
        }

        var draft = await Drafts.LoadAsync(_scope, _cts.Token);
        _form = new ReferralForm(agency, Drafts.Limits, draft, Clock, L, Log);
        _form.Edited += OnEdited;
        _form.Changed += Redraw;
        _loading = false;
    }

    // ---- Autosave ---------------------------------------------------------------------------------------------------

    /// <summary>After every edit: the sections redraw and a save is scheduled a second after the last change.</summary>
    private void OnEdited()
    {
        _autosave ??= new Timer(_ => _ = InvokeAsync(AutosaveAsync), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _autosave.Change(AutosaveDelay, Timeout.InfiniteTimeSpan);
        Redraw();
    }

    // Every section shows the one form: what one changed (a zone, a document's name, an error) shows in the others.
    private void Redraw()
    {
        if (!_disposed) StateHasChanged();
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
        if (_form is not { IsDirty: true }) return;
        _autosave?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        await SaveNowAsync();
    }

    private async Task<bool> SaveNowAsync()
    {
        var form = _form!;
        await _saveGate.WaitAsync();
        try
        {
            if (!form.IsDirty) return true;
            if (form.IsSent) return false;
            await form.SaveAsync((submission, imageIds) => Drafts.SaveAsync(_scope, submission, imageIds, _cts.Token));
            return true;
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The form keeps the changes and says the draft is not saved; try again shortly.
            Log.LogWarning(e, "Saving the referral draft of {UserId} failed", _scope.UserId);
            _autosave?.Change(RetryDelay, Timeout.InfiniteTimeSpan);
            return false;
        }
        finally
        {
            _saveGate.Release();
        }
    }

    // ---- Sending, discarding ----------------------------------------------------------------------------------------

    private async Task SendAsync()
    {
        var form = _form!;
        if (_sending || form.Uploading || form.IsSent) return;
        _sending = true;
        _sendError = null;
        try
        {
            // Saved once more, changed or not: what is sent is the saved draft.
            form.MarkDirty();
            _autosave?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            if (!await SaveNowAsync())
            {
                _sendError = L["The draft could not be saved, so nothing was sent. Check the connection and try again."];
                return;
            }
            var outcome = await Task.Run(() => Drafts.SubmitAsync(_scope, _cts.Token));
            if (outcome.Referral is { } sent)
            {
                form.MarkSent();
                _autosave?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                Snackbar.Add(L["Referral {0} sent.", sent.Reference], Severity.Success);
                Nav.NavigateTo($"referrals/{sent.Id}");
                return;
            }
            form.ShowErrors(outcome.Errors);
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
            if (!form.IsSent && form.IsDirty) form.MarkDirty();
        }
    }

    private async Task DiscardAsync()
    {
        var form = _form!;
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L["Discard this draft?"],
            L["Everything typed in this referral and every attached image will be deleted. This cannot be undone."],
            yesText: L["Discard draft"], cancelText: L["Keep editing"]);
        if (confirmed != true) return;

        await form.StopUploadsAsync();
        _autosave?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        await _saveGate.WaitAsync();
        try
        {
            await Drafts.DiscardAsync(_scope, _cts.Token);
            form.Reset();
            _sendError = null;
            Snackbar.Add(L["Draft discarded."], Severity.Info);
        }
        finally
        {
            _saveGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (_autosave is not null) await _autosave.DisposeAsync();
        if (_form is not null)
        {
            _form.Edited -= OnEdited;
            _form.Changed -= Redraw;
            // Leaving the page with a change not yet saved: save it (the copy is taken before this returns).
            if (_form is { IsDirty: true, IsSent: false })
            {
                _ = Drafts.SaveAsync(_scope, _form.Submission, _form.ImageIds, CancellationToken.None)
                    .ContinueWith(t => Log.LogWarning(t.Exception, "Saving the draft of {UserId} on leaving failed", _scope.UserId),
                        CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }
        }
        await _cts.CancelAsync();
        if (_form is not null) await _form.DisposeAsync();
        _cts.Dispose();
        _saveGate.Dispose();
    }
}
