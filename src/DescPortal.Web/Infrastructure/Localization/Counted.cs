using DescPortal.Core;
using Microsoft.Extensions.Localization;

namespace DescPortal.Web.Infrastructure.Localization;

/// <summary>
/// Words with a count, "1 image" and "2 images": every count on a page goes through <see cref="Count"/>, and the form
/// is chosen inside the entry by Core's <see cref="Wording"/> rule, as refusals choose theirs:
/// <c>{0} {0:image|images}</c>, with <c>#</c> for the count in a form (<c>{0:its image|its # images}</c>). A translation
/// words both forms in its own entry, never by adding an "s".
/// </summary>
public static class Counted
{
    public static string Count(this IStringLocalizer localizer, long count, string key)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var entry = localizer[key];
        try
        {
            return Wording.Format(entry.Value, [count]);
        }
        catch (FormatException) when (!entry.ResourceNotFound)
        {
            // A broken translation must not break the page: the English entry (the key) instead.
            return Wording.Format(key, [count]);
        }
    }
}
