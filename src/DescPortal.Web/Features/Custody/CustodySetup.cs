using DescPortal.Web.Features.Cases;
using DescPortal.Web.Infrastructure.Custody;

namespace DescPortal.Web.Features.Custody;

public static class CustodySetup
{
    public static IServiceCollection AddCustody(this IServiceCollection services)
    {
        services.AddSingleton<CustodyQueries>();
        services.AddSingleton<IStoreCheck, CaseMaterialCheck>();
        services.AddCasePanel<CustodySection>(CaseView.Examiner, 20);
        return services;
    }

    public static void MapCustody(this WebApplication app) => app.MapCustodyApi();
}
