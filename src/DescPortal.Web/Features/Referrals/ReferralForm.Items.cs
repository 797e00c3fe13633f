using System.Globalization;
using DescPortal.Core.Referrals;
using DescPortal.Web.Features.Referrals.Drafts;
using DescPortal.Web.Infrastructure.Localization;

namespace DescPortal.Web.Features.Referrals;

// The documents presented, the attached images with their descriptions, and the files still on their way.
public sealed partial class ReferralForm
{
    // Same index as Submission.Images: _images[i] is the file Submission.Images[i] describes.
    private readonly List<DraftImage> _images = [];
    private readonly List<ImageUpload> _uploads = [];

    public IReadOnlyList<DraftImage> Images => _images;
    /// <summary>Which image each of <c>Submission.Images</c> describes, for the draft's save.</summary>
    public IReadOnlyList<Guid> ImageIds => [.. _images.Select(i => i.Id)];
    public IReadOnlyList<ImageUpload> Uploads => _uploads;
    public bool Uploading => _uploads.Any(u => u.Running);

    /// <summary>Room for another file: the images attached and those uploading stay within the limit together.</summary>
    public bool CanAttachMore => _images.Count + _uploads.Count(u => u.Running) < Limits.MaxFilesPerReferral;

    // ---- Documents --------------------------------------------------------------------------------------------------

    public void AddDocument()
    {
        Submission.Documents.Add(new DocumentSubmission());
        // With two documents an image must say which one it shows; existing images stay on the first.
        FieldChanged("documents");
    }

    // By reference, not index: a double tap must not remove the document that moved into the removed one's place.
    public void RemoveDocument(DocumentSubmission document)
    {
        var index = Submission.Documents.IndexOf(document);
        if (index < 0 || Submission.Documents.Count <= 1) return;
        Submission.Documents.RemoveAt(index);
        foreach (var row in Submission.Images)
        {
            if (row.Document == index) row.Document = Submission.Documents.Count == 1 ? 0 : null;
            else if (row.Document > index) row.Document--;
        }
        ClearErrors("documents");
        ClearErrors("images");
        MarkDirty();
    }

    /// <summary>How an image's "document shown" names a document: its number, type and issuing state.</summary>
    public string DocumentLabel(int index)
    {
        var d = Submission.Documents[index];
        var parts = new List<string> { (index + 1).ToString(CultureInfo.InvariantCulture) };
        if (!string.IsNullOrWhiteSpace(d.DocumentType)) parts.Add(L[CodeLabels.LabelOf(CodeLabels.DocumentTypes, d.DocumentType)]);
        if (!string.IsNullOrWhiteSpace(d.IssuingState)) parts.Add(d.IssuingState);
        return string.Join(" · ", parts);
    }

    // ---- Images -----------------------------------------------------------------------------------------------------

    public void ChangeLightSource(int index, string? light)
    {
        var row = Submission.Images[index];
        // UV lamps have a fixed wavelength: fill it in unless the officer typed another.
        if (row.WavelengthNm is null || row.WavelengthNm == CodeLabels.WavelengthOf(row.LightSource))
            row.WavelengthNm = CodeLabels.WavelengthOf(light);
        row.LightSource = light;
        FieldChanged($"images[{index}].lightSource");
    }

    /// <summary>Takes an image and its description off the form (the draft's copy is the caller's); false when it is not on it.</summary>
    public bool RemoveImage(DraftImage image)
    {
        var index = _images.IndexOf(image);
        if (index < 0) return false;
        _images.RemoveAt(index);
        Submission.Images.RemoveAt(index);
        _dateTimeText.Remove(CapturedKey(image));
        ClearErrors("images");
        Changed?.Invoke();
        return true;
    }

    // ---- Uploads ----------------------------------------------------------------------------------------------------

    /// <summary>The files the officer chose, in order: each one is on its way, or refused at once with the reason.</summary>
    public IReadOnlyList<ImageUpload> AddUploads(IEnumerable<(string FileName, long Size)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var free = Limits.MaxFilesPerReferral - _images.Count - _uploads.Count(u => u.Running);
        var added = new List<ImageUpload>();
        foreach (var (fileName, size) in files)
        {
            var upload = new ImageUpload(fileName, size);
            _uploads.Add(upload);
            added.Add(upload);
            if (free <= 0) upload.Error = L["Not attached: a referral can carry at most {0} images.", Limits.MaxFilesPerReferral];
            else if (size > Limits.MaxFileBytes) upload.Error = L["This file is larger than the limit of {0} MB.", Limits.MaxFileBytes / (1024 * 1024)];
            else free--;
        }
        _errors.Remove("images");
        Changed?.Invoke();
        return added;
    }

    /// <summary>An upload became an image of the draft, with the description every new image starts with.</summary>
    public void Attached(ImageUpload upload, DraftImage image)
    {
        ArgumentNullException.ThrowIfNull(upload);
        _images.Add(image);
        Submission.Images.Add(ReferralDrafts.NewImageRow());
        _uploads.Remove(upload);
        upload.Dispose();
        // Attaching saved the draft.
        SavedAt = _clock.GetUtcNow();
        Changed?.Invoke();
    }

    public void Refused(ImageUpload upload, string reason)
    {
        ArgumentNullException.ThrowIfNull(upload);
        upload.Error = reason;
        Changed?.Invoke();
    }

    /// <summary>A cancelled upload, or a refused file's card dismissed.</summary>
    public void RemoveUpload(ImageUpload upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        _uploads.Remove(upload);
        upload.Dispose();
        Changed?.Invoke();
    }

    /// <summary>A file's size as the image and upload cards show it.</summary>
    public static string FormatSize(long bytes) => bytes switch
    {
        >= 1024L * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };

    /// <summary>Cancels every upload and waits until each has stopped (a cancelled one takes itself off the form).</summary>
    public async Task StopUploadsAsync()
    {
        foreach (var upload in _uploads) upload.Cts.Cancel();
        try
        {
            await Task.WhenAll(_uploads.Select(u => u.Work).ToList());
        }
        catch (OperationCanceledException)
        {
            // Cancelled on purpose.
        }
    }
}
