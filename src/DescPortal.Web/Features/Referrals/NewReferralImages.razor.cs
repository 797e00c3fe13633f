using DescPortal.Web.Features.Referrals.Drafts;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace DescPortal.Web.Features.Referrals;

/// <summary>
/// Section 4 of the new-referral form: attaches each chosen file to the officer's draft through
/// <see cref="ReferralDrafts.AttachImageAsync"/> while showing its progress, and removes images from the draft.
/// </summary>
public sealed partial class NewReferralImages : IDisposable
{
    [Parameter, EditorRequired] public ReferralForm Form { get; set; } = default!;
    /// <summary>The signed-in officer, whose draft the files join.</summary>
    [Parameter, EditorRequired] public UserScope Scope { get; set; } = default!;
    /// <summary>The officer left a field: the page saves the draft now.</summary>
    [Parameter] public EventCallback FieldLeft { get; set; }

    [Inject] private ReferralDrafts Drafts { get; set; } = default!;
    [Inject] private ILogger<NewReferralImages> Log { get; set; } = default!;

    // Cancels a removal still under way when the page goes.
    private readonly CancellationTokenSource _cts = new();

    private async Task OnFilesSelectedAsync(InputFileChangeEventArgs e)
    {
        var files = e.GetMultipleFiles(int.MaxValue);
        var uploads = Form.AddUploads(files.Select(f => (f.Name, f.Size)));
        var started = new List<Task>();
        for (var i = 0; i < files.Count; i++)
        {
            var upload = uploads[i];
            if (!upload.Running) continue;
            // Opened now, for every file at once: the browser forgets this selection's files when the officer picks more.
            var stream = files[i].OpenReadStream(Form.Limits.MaxFileBytes, upload.Cts.Token);
            upload.Work = UploadAsync(upload, stream);
            started.Add(upload.Work);
        }
        await Task.WhenAll(started);
    }

    private async Task UploadAsync(ImageUpload upload, Stream stream)
    {
        try
        {
            await using (stream)
            {
                var progress = new UploadProgress(upload, () => InvokeAsync(StateHasChanged));
                // Off the circuit's thread: hashing, decoding and the preview are CPU work.
                var image = await Task.Run(() => Drafts.AttachImageAsync(Scope, stream, upload.FileName, progress, upload.Cts.Token), upload.Cts.Token);
                Form.Attached(upload, image);
            }
        }
        catch (ImageRejectedException x)
        {
            Form.Refused(upload, x.Message);
        }
        catch (DraftImageLimitException x)
        {
            Form.Refused(upload, x.Message);
        }
        catch (OperationCanceledException) when (upload.Cts.IsCancellationRequested)
        {
            Form.RemoveUpload(upload);
        }
        catch (IOException x)
        {
            Log.LogInformation(x, "Reading {File} from the browser failed", upload.FileName);
            Form.Refused(upload, L["The file could not be read from this device (was the connection lost?). Choose it again."]);
        }
        catch (Exception x) when (x is not OperationCanceledException)
        {
            Log.LogError(x, "Attaching {File} failed", upload.FileName);
            Form.Refused(upload, L["The file could not be stored. Try again; if it keeps failing, call the DESC duty desk."]);
        }
    }

    private async Task RemoveImageAsync(DraftImage image)
    {
        if (!Form.RemoveImage(image)) return;
        try
        {
            await Drafts.RemoveImageAsync(Scope, image.Id, _cts.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.LogWarning(e, "Removing draft image {ImageId} failed", image.Id);
        }
        Form.MarkDirty();
    }

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }
}
