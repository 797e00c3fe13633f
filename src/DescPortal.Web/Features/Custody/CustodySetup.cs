using DescPortal.Web.Components;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Infrastructure.Custody;

namespace DescPortal.Web.Features.Custody;

public static class CustodySetup
{
    public static IServiceCollection AddCustody(this IServiceCollection services)
    {
        services.AddSingleton<CustodyQueries>();
        services.AddSingleton<IStoreCheck, CaseMaterialCheck>();
        services.AddCasePanel<CustodySection>(CaseView.Examiner, 20);
        services.AddNavEntry(new NavEntry("admin/verify", "Verify the store", MudBlazor.Icons.Material.Filled.VerifiedUser, Roles.Admin, 116, "Administration",
            HomeText: _ => "Check every case's and specimen's hash chain, every evidence original and every issued report."));
        return services;
    }

    public static void MapCustody(this WebApplication app) => app.MapCustodyApi();
}
