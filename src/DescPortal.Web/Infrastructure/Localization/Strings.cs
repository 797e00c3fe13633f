namespace DescPortal.Web.Infrastructure.Localization;

/// <summary>
/// Marker for the portal's user-facing strings. Keys are the English text, so English needs no resource file;
/// another language adds Resources/Infrastructure.Localization.Strings.{culture}.resx.
/// </summary>
public sealed class Strings;
