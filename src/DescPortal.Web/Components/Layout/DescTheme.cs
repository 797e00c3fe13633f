using MudBlazor;

namespace DescPortal.Web.Components.Layout;

/// <summary>
/// The portal's palette: sober blues, readable under a border desk's lights and on a dark screen at night. Every
/// colour that text is drawn in reaches WCAG AA (4.5:1) on the backgrounds it is drawn on, striped and hovered table
/// rows included; MudBlazor's defaults do not (secondary text, the status colours, white on light colours in the dark
/// theme). The browser tests hold every main page to it with axe-core (Platform/AccessibilityTests).
/// </summary>
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
            // Blue-grey, 5.4:1 on the page's background (MudBlazor's 54 % black is 4.5 on white, less on grey).
            TextSecondary = "#5c6670",
            ActionDefault = "#5c6670",
            // Status colours dark enough for text on white (outlined chips, alerts, links) and for white text on them
            // (filled chips, buttons): 5:1 or more.
            Info = "#1565c0",
            Success = "#2e7d32",
            Warning = "#9c5700",
            Error = "#c62828",
        },
        PaletteDark = new PaletteDark
        {
            // Light enough for links and labels on hovered rows too (#7fb3e6 and #4db6ac were 4.2 and 3.8 there).
            Primary = "#8cbcec",
            Secondary = "#5cc2b8",
            AppbarBackground = "#16263a",
            TextSecondary = "rgba(255,255,255,0.64)",
            ActionDefault = "#b8b8bc",
            DrawerText = "rgba(255,255,255,0.7)",
            // Light status colours on the dark surfaces; what is written on them is dark (white on light blue is 2.2:1).
            Info = "#74bdf7",
            Success = "#81c784",
            Warning = "#ffb74d",
            Error = "#f4a5a5",
            PrimaryContrastText = OnLight,
            SecondaryContrastText = OnLight,
            InfoContrastText = OnLight,
            SuccessContrastText = OnLight,
            WarningContrastText = OnLight,
            ErrorContrastText = OnLight,
            // Alerts write in the "darker" shade on a tint of the colour: on a dark page that shade must be lighter.
            PrimaryDarken = "#a6cbf0",
            InfoDarken = "#90caf9",
            SuccessDarken = "#a5d6a7",
            WarningDarken = "#ffcc80",
            ErrorDarken = "#f8bbbb",
            // Quiet stripes (MudBlazor's 20 % white leaves no contrast for secondary text on every other row).
            TableStriped = "rgba(255,255,255,0.03)",
            TableHover = "rgba(255,255,255,0.06)",
        },
    };

    // Text on the dark theme's light colours (buttons, filled chips): a near-black navy.
    private const string OnLight = "#0d1b2a";
}
