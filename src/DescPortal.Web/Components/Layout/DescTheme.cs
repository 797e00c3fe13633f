using MudBlazor;

namespace DescPortal.Web.Components.Layout;

/// <summary>The portal's palette: sober blues, readable under a border desk's lights and on a dark screen at night.</summary>
public static class DescTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            Secondary = "#00796b",
            AppbarBackground = "#1f4e79",
            Background = "#f5f7fa",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7fb3e6",
            Secondary = "#4db6ac",
            AppbarBackground = "#16263a",
        },
    };
}
