using DescPortal.Web.Components.Layout;
using MudBlazor;
using MudBlazor.Utilities;
using Xunit;

namespace DescPortal.Web.Tests.Components.Layout;

/// <summary>
/// The palettes meet WCAG AA contrast (4.5:1) for every text colour on every background it is drawn on, in both themes,
/// including the pairs no demo page shows at a given moment (an overdue case's red chip, an error alert in the dark);
/// the browser tests check the pages themselves with axe-core.
/// </summary>
public sealed class DescThemeTests
{
    private const double Aa = 4.5;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_text_colour_reads_on_every_background_and_every_filled_colour_on_its_own(bool dark)
    {
        Palette p = dark ? DescTheme.Theme.PaletteDark : DescTheme.Theme.PaletteLight;
        MudColor[] backgrounds = [p.Background, p.Surface, Over(p.TableStriped, p.Surface), Over(p.TableHover, p.Surface)];
        (string, MudColor)[] texts =
        [
            ("text-primary", p.TextPrimary), ("text-secondary", p.TextSecondary), ("action-default", p.ActionDefault),
            ("primary", p.Primary), ("secondary", p.Secondary), ("info", p.Info), ("success", p.Success),
            ("warning", p.Warning), ("error", p.Error),
        ];
        var failures = (from t in texts
                        from bg in backgrounds
                        let ratio = Contrast(Over(t.Item2, bg), bg)
                        where ratio < Aa
                        select $"{t.Item1} {t.Item2} on {bg}: {ratio:0.00}").ToList();
        // Filled buttons and chips write their contrast text on the colour; alerts the darker shade on its tint.
        (string, MudColor, MudColor)[] pairs =
        [
            ("primary", p.PrimaryContrastText, p.Primary), ("secondary", p.SecondaryContrastText, p.Secondary),
            ("info", p.InfoContrastText, p.Info), ("success", p.SuccessContrastText, p.Success),
            ("warning", p.WarningContrastText, p.Warning), ("error", p.ErrorContrastText, p.Error),
            ("app bar", p.AppbarText, p.AppbarBackground), ("drawer", p.DrawerText, p.DrawerBackground),
            ("info alert", new MudColor(p.InfoDarken), Tint(p.Info, p.Surface)),
            ("success alert", new MudColor(p.SuccessDarken), Tint(p.Success, p.Surface)),
            ("warning alert", new MudColor(p.WarningDarken), Tint(p.Warning, p.Surface)),
            ("error alert", new MudColor(p.ErrorDarken), Tint(p.Error, p.Surface)),
        ];
        failures.AddRange(from x in pairs
                          let bg = Over(x.Item3, p.Surface)
                          let ratio = Contrast(Over(x.Item2, bg), bg)
                          where ratio < Aa
                          select $"{x.Item1}: {x.Item2} on {x.Item3}: {ratio:0.00}");

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void The_contrast_is_worked_out_as_WCAG_defines_it()
    {
        Assert.Equal(21, Contrast(new MudColor("#000000"), new MudColor("#ffffff")), 2);
        Assert.Equal(4.54, Contrast(new MudColor("#767676"), new MudColor("#ffffff")), 2);
        // MudBlazor's own secondary text (54 % black) on this portal's grey page: the failure axe reported (4.48).
        Assert.InRange(Contrast(Over(new MudColor("rgba(0,0,0,0.54)"), new MudColor("#f5f7fa")), new MudColor("#f5f7fa")), 4.4, Aa - 0.001);
    }

    /// <summary>A colour with transparency as it shows over the background.</summary>
    private static MudColor Over(MudColor c, MudColor bg)
    {
        var a = c.APercentage;
        return new MudColor((byte)Math.Round(c.R * a + bg.R * (1 - a)), (byte)Math.Round(c.G * a + bg.G * (1 - a)),
            (byte)Math.Round(c.B * a + bg.B * (1 - a)), (byte)255);
    }

    /// <summary>The background MudBlazor gives an alert of the colour: the colour at its hover opacity over the surface.</summary>
    private static MudColor Tint(MudColor c, MudColor surface) => Over(c.SetAlpha(0.06), surface);

    private static double Contrast(MudColor a, MudColor b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(MudColor c) => 0.2126 * Channel(c.R) + 0.7152 * Channel(c.G) + 0.0722 * Channel(c.B);

    private static double Channel(byte v)
    {
        var s = v / 255.0;
        return s <= 0.03928 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
    }
}
