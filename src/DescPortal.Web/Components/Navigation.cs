using System.Security.Claims;
using Microsoft.AspNetCore.Components;

namespace DescPortal.Web.Components;

/// <summary>
/// A link in the menu that a slice registers: the menu and the home page list what is registered, so that the shell
/// names no feature. <see cref="Title"/> and the home card's text are English resource keys.
/// </summary>
/// <param name="Roles">Comma-separated roles that see the link.</param>
/// <param name="Group">The menu group it sits in (a resource key), or none.</param>
/// <param name="ExactMatch">Highlighted only on exactly its address, not on the pages under it.</param>
/// <param name="ForceLoad">A page outside the Blazor router (the jobs dashboard).</param>
/// <param name="HomeText">The home page's card text for a reader, or null for no card.</param>
public sealed record NavEntry(
    string Href, string Title, string Icon, string Roles, int Order, string? Group = null, bool ExactMatch = false,
    bool ForceLoad = false, Func<ClaimsPrincipal, string>? HomeText = null);

/// <summary>
/// A slice's panel on the home page, above the cards: what waits for the reader (an issuing authority's specimens to
/// confirm). The component reads the reader's scope itself and shows only what it may see.
/// </summary>
/// <param name="Roles">Comma-separated roles that see the panel.</param>
public sealed record HomePanel(string Roles, int Order, Type Component);

/// <summary>The registered links, in menu order, and the home page's panels.</summary>
public sealed class Navigation(IEnumerable<NavEntry> entries, IEnumerable<HomePanel> panels)
{
    public IReadOnlyList<NavEntry> Entries { get; } = [.. entries.OrderBy(e => e.Order)];

    public IReadOnlyList<HomePanel> HomePanels { get; } = [.. panels.OrderBy(p => p.Order)];

    public IEnumerable<NavEntry> Ungrouped => Entries.Where(e => e.Group is null);

    public IEnumerable<IGrouping<string, NavEntry>> Groups => Entries.Where(e => e.Group is not null).GroupBy(e => e.Group!);

    public IEnumerable<NavEntry> HomeCards => Entries.Where(e => e.HomeText is not null);
}

public static class NavigationRegistration
{
    public static IServiceCollection AddNavEntry(this IServiceCollection services, NavEntry entry) =>
        services.AddSingleton(entry);

    public static IServiceCollection AddHomePanel<TPanel>(this IServiceCollection services, string roles, int order)
        where TPanel : IComponent =>
        services.AddSingleton(new HomePanel(roles, order, typeof(TPanel)));
}
