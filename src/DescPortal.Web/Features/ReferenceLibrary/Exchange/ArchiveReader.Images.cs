using System.Globalization;
using System.IO.Compression;
using DescPortal.Web.Infrastructure.Blobs;

namespace DescPortal.Web.Features.ReferenceLibrary.Exchange;

// Images: each staged through ImageIntake, then held to its SHA-256, type and size in the signed manifest.
internal sealed partial class ArchiveReader
{
    private async Task<StagedImage?> StageAsync(ZipArchiveEntry entry, ManifestSpecimen specimen, ManifestImage image,
        List<string> problems, CancellationToken ct)
    {
        var label = $"The image '{image.Path}' of {Shown(specimen.Name)}";
        StagedImage staged;
        try
        {
            await using var raw = await entry.OpenAsync(ct);
            await using var bounded = new BoundedReadStream(raw, entry.Length, image.Path);
            // Received (hashed, typed by content, pixel count from the header) before decoding: a changed image is
            // reported as changed, not as "damaged".
            staged = await intake.ReceiveAsync(bounded, label, ct);
        }
        catch (ImageRejectedException e)
        {
            problems.Add(e.Message);
            return null;
        }
        catch (InvalidDataException)
        {
            problems.Add($"{label} cannot be read from the archive: the entry is damaged or larger than it declares.");
            return null;
        }

        var keep = false;
        try
        {
            if (!string.Equals(staged.Sha256, image.Sha256, StringComparison.Ordinal) || staged.SizeBytes != image.SizeBytes)
            {
                problems.Add($"{label} does not match its SHA-256 in the signed manifest (expected {image.Sha256}, found {staged.Sha256}): "
                    + "its bytes were changed after the archive was signed.");
                return null;
            }
            try
            {
                await ImageIntake.VerifyAsync(staged, label, ct);
            }
            catch (ImageRejectedException e)
            {
                problems.Add(e.Message);
                return null;
            }
            if (staged.ContentType != image.ContentType || staged.Width != image.Width || staged.Height != image.Height)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{label} is {staged.ContentType} of {staged.Width} × {staged.Height} pixels, but the manifest describes {Shown(image.ContentType)} of {image.Width} × {image.Height}."));
                return null;
            }
            keep = true;
            return staged;
        }
        finally
        {
            if (!keep) await staged.DisposeAsync();
        }
    }
}
