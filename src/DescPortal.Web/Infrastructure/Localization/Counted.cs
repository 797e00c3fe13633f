using Microsoft.Extensions.Localization;

namespace DescPortal.Web.Infrastructure.Localization;

/// <summary>
/// Words with a count, "1 image" and "2 images": every count on a page goes through <see cref="Count"/>, so there is
/// one way of choosing the form. Each form is a resource key of its own (the English text, as every key of
/// <see cref="Strings"/>), so a translation words each form as its language does, never by adding an "s".
/// </summary>
public static class Counted
{
    /// <summary>
    /// <paramref name="one"/> for exactly one, else <paramref name="other"/>; both are keys formatted with the count as
    /// {0} (a key may leave it out: "An open correction waits"). One and any other count is the rule Core's
    /// <c>Wording</c> follows for refusals too.
    /// </summary>
    public static LocalizedString Count(this IStringLocalizer localizer, long count, string one, string other)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer[count == 1 ? one : other, count];
    }
}
