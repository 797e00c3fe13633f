using DescPortal.Web.Components;
using DescPortal.Web.Infrastructure.Identity;

namespace DescPortal.Web.Features.Admin;

/// <summary>
/// The administration slice's wiring: accounts, agencies and their crossing points and API keys, integrity alarms; and
/// the register of an agency's keys that its own officers read.
/// </summary>
public static class AdminSetup
{
    private const string Group = "Administration";

    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddSingleton<CreateUser>();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<AgencyDirectory>();
        services.AddSingleton<AgencyApiKeys>();
        services.AddNavEntry(new NavEntry("admin/users", "Users", MudBlazor.Icons.Material.Filled.People, Roles.Admin, 100, Group,
            HomeText: _ => "Create accounts and assign roles, agencies and countries."));
        services.AddNavEntry(new NavEntry("admin/agencies", "Agencies", MudBlazor.Icons.Material.Filled.Badge, Roles.Admin, 110, Group,
            HomeText: _ => "Border agencies and their crossing points."));
        services.AddNavEntry(new NavEntry("admin/integrity", "Integrity alarms", MudBlazor.Icons.Material.Filled.GppMaybe, Roles.Admin, 115, Group,
            HomeText: _ => "Evidence images whose bytes no longer match the hash taken at acquisition."));
        services.AddNavEntry(new NavEntry("agency/keys", "API keys", MudBlazor.Icons.Material.Filled.Key, Roles.FieldOfficer, 60,
            HomeText: _ => "The keys your agency's border systems use: who issued them and when each was last used."));
        // Hangfire's dashboard is not a Blazor page: the browser loads it.
        services.AddNavEntry(new NavEntry("jobs", "Background jobs", MudBlazor.Icons.Material.Filled.WorkHistory, Roles.Admin, 120, Group,
            ForceLoad: true));
        return services;
    }
}
