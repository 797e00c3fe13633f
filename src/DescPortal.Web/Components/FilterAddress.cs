using Microsoft.AspNetCore.Components;

namespace DescPortal.Web.Components;

/// <summary>
/// A list's filters kept in its address (replacing the history entry, not adding one): Back from a case or a specimen
/// returns to the same list, and a link or a reload shows it again. The page reads them once, when it opens.
/// </summary>
public static class FilterAddress
{
    /// <summary>Puts the values in the address; a null value leaves its name out.</summary>
    public static void Keep(NavigationManager navigation, IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        navigation.NavigateTo(navigation.GetUriWithQueryParameters(values), replace: true);
    }
}
