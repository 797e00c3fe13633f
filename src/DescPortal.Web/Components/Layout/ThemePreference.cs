namespace DescPortal.Web.Components.Layout;

/// <summary>
/// The light or dark theme a person chose last, kept in a cookie of this browser (not a secret, not personal data):
/// read while the page is prerendered, so the first paint is already in the chosen theme.
/// </summary>
public static class ThemePreference
{
    public const string CookieName = "desc-theme";
    public const string Dark = "dark";
    public const string Light = "light";

    public static bool IsDark(HttpRequest request) =>
        string.Equals(request.Cookies[CookieName], Dark, StringComparison.Ordinal);
}
