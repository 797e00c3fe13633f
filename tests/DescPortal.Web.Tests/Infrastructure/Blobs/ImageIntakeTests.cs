using System.Text;
using DescPortal.Core;
using DescPortal.Testing;
using DescPortal.Web.Infrastructure.Blobs;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using Xunit;

namespace DescPortal.Web.Tests.Infrastructure.Blobs;

/// <summary>
/// Uploads wait in a folder only the portal's user can read, and libvips decodes nothing but the accepted formats,
/// whatever reaches it (in the portal's process, once the portal has started).
/// </summary>
public sealed class ImageIntakeTests(ComponentHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const UnixFileMode OwnerAll = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    // Small valid files of formats libvips reads but the portal does not accept.
    private static readonly byte[] Gif = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
    private static readonly byte[] Svg = Encoding.ASCII.GetBytes("<svg xmlns='http://www.w3.org/2000/svg' width='4' height='4'><rect width='4' height='4'/></svg>");
    private static readonly byte[] Ppm = Encoding.ASCII.GetBytes("P3\n2 1\n255\n0 0 0 255 255 255\n");

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes: the portal runs on Linux
    public async Task An_upload_waits_in_a_folder_and_a_file_only_the_portals_user_may_read()
    {
        var intake = host.Services.GetRequiredService<ImageIntake>();
        await using var staged = await intake.ReceiveAsync(new MemoryStream(TestImages.Jpeg(64, 48)), "Image 1", Ct);

        Assert.Equal(ImageIntake.StagingDirectory, Path.GetDirectoryName(staged.TempPath));
        Assert.Equal(OwnerAll, File.GetUnixFileMode(ImageIntake.StagingDirectory));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(staged.TempPath));
    }

    [Fact]
    public void Libvips_refuses_every_format_but_jpeg_png_and_tiff()
    {
        _ = host.Services; // the portal has started: its decoders are restricted
        foreach (var bytes in new[] { Gif, Svg })
            Assert.Throws<VipsException>(() => Image.NewFromBuffer(bytes).Dispose());
        var ppm = Path.Combine(Path.GetTempPath(), $"desc-blocked-{Guid.NewGuid():N}.ppm");
        File.WriteAllBytes(ppm, Ppm);
        try
        {
            Assert.Throws<VipsException>(() => Image.NewFromFile(ppm).Dispose());
        }
        finally
        {
            File.Delete(ppm);
        }

        foreach (var accepted in new[] { TestImages.Jpeg(8, 8), TestImages.Png(8, 8), TestImages.Tiff(8, 8) })
        {
            using var image = Image.NewFromBuffer(accepted);
            Assert.Equal(8, image.Width);
        }
    }

    [Fact]
    public async Task A_file_of_another_format_that_got_past_the_content_check_is_refused_as_undecodable()
    {
        foreach (var (format, bytes) in new[] { ("gif", Gif), ("svg", Svg), ("ppm", Ppm) })
        {
            var path = Path.Combine(ImageIntake.StagingDirectory, $"{Guid.NewGuid():N}.{format}");
            await File.WriteAllBytesAsync(path, bytes, Ct);
            // As if the first bytes had passed for a PNG.
            await using var smuggled = new StagedImage(path, "", bytes.Length, 4, 4, ImageKind.Png);

            var refused = await Assert.ThrowsAsync<ImageRejectedException>(() => ImageIntake.VerifyAsync(smuggled, "Image 1", Ct));

            Assert.Equal(ImageRejection.Corrupt, refused.Reason);
        }
    }
}
