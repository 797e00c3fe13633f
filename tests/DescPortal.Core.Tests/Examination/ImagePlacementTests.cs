using DescPortal.Core.Examination;

namespace DescPortal.Core.Tests.Examination;

public sealed class ImagePlacementTests
{
    [Fact]
    public void An_image_at_300_dpi_is_its_width_in_millimetres_wide()
    {
        var p = ImagePlacement.AtOrigin(1476, 300 / 25.4);
        Assert.Equal(0, p.X);
        Assert.Equal(0, p.Y);
        Assert.Equal(124.968, p.Width, 3);
        Assert.Equal(0, p.Degrees);
    }

    [Fact]
    public void An_identity_alignment_puts_the_specimen_exactly_over_the_evidence()
    {
        var identity = new AffineTransform(1, 0, 0, 0, 1, 0);
        var p = ImagePlacement.Aligned(identity, 1000, 700, 10);
        Assert.Equal(0, p.X, 9);
        Assert.Equal(0, p.Y, 9);
        Assert.Equal(100, p.Width, 9);
        Assert.Equal(0, p.Degrees, 9);
    }

    [Fact]
    public void A_shifted_half_size_specimen_lands_where_its_pixels_map()
    {
        // Specimen pixel (x, y) → evidence pixel (0.5x + 40, 0.5y + 20); the evidence is at 4 px/mm.
        var t = new AffineTransform(0.5, 0, 40, 0, 0.5, 20);
        var p = ImagePlacement.Aligned(t, 800, 600, 4);
        Assert.Equal(10, p.X, 9);   // 40 px / 4
        Assert.Equal(5, p.Y, 9);    // 20 px / 4
        Assert.Equal(100, p.Width, 9); // 800 × 0.5 / 4
        Assert.Equal(0, p.Degrees, 9);
    }

    [Fact]
    public void A_rotation_keeps_the_specimen_centre_where_the_transform_puts_it()
    {
        var angle = 10 * Math.PI / 180;
        var (c, s) = (Math.Cos(angle), Math.Sin(angle));
        // Turn by 10° clockwise (image y runs down) and shift by (100, 50).
        var t = new AffineTransform(c, -s, 100, s, c, 50);
        var p = ImagePlacement.Aligned(t, 400, 200, 2);
        Assert.Equal(10, p.Degrees, 6);
        Assert.Equal(200, p.Width, 6);
        var centre = t.Map(new ImagePoint(200, 100));
        Assert.Equal(centre.X / 2, p.X + p.Width / 2, 6);
        Assert.Equal(centre.Y / 2, p.Y + 100.0 / 2, 6);
    }

    [Fact]
    public void Nonsense_sizes_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ImagePlacement.AtOrigin(0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImagePlacement.AtOrigin(10, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImagePlacement.Aligned(new AffineTransform(1, 0, 0, 0, 1, 0), 10, 10, -1));
    }
}
