using DescPortal.Web.Features.Referrals.Drafts;

namespace DescPortal.Web.Features.Referrals;

/// <summary>
/// A file the officer chose that is not attached yet: streaming from the browser and being checked, or refused with the
/// reason. Read by the form on the circuit's thread while the file's bytes are counted on another.
/// </summary>
public sealed class ImageUpload(string fileName, long size) : IDisposable
{
    private long _sent;

    /// <summary>Tells cards apart while the list changes (two files of the same name).</summary>
    public Guid Key { get; } = Guid.NewGuid();
    public string FileName { get; } = ReferralDrafts.DisplayName(fileName);
    public long Size { get; } = size;
    public long Sent => Interlocked.Read(ref _sent);
    /// <summary>Why the file was not attached; null while it is still on its way.</summary>
    public string? Error { get; internal set; }
    public CancellationTokenSource Cts { get; } = new();
    public Task Work { get; set; } = Task.CompletedTask;
    public bool Running => Error is null;
    public int Percent => Size <= 0 ? 0 : (int)Math.Min(100, Sent * 100 / Size);
    /// <summary>Every byte is in: what remains is the server's check of the image.</summary>
    public bool Checking => Size > 0 && Sent >= Size;

    internal void Report(long sent) => Interlocked.Exchange(ref _sent, sent);

    public void Dispose() => Cts.Dispose();
}

/// <summary>Counts a file's bytes and redraws its progress bar at most five times a second, from whatever thread reads the file.</summary>
internal sealed class UploadProgress(ImageUpload upload, Func<Task> redraw) : IProgress<long>
{
    private long _lastDrawn;

    public void Report(long value)
    {
        upload.Report(value);
        var now = Environment.TickCount64;
        if (now - Interlocked.Read(ref _lastDrawn) < 200 && value < upload.Size) return;
        Interlocked.Exchange(ref _lastDrawn, now);
        _ = redraw();
    }
}
