using DescPortal.Web.Features.Cases;

namespace DescPortal.Web.Features.Custody;

public static class CustodySetup
{
    public static IServiceCollection AddCustody(this IServiceCollection services)
    {
        services.AddScoped<CustodyQueries>();
        services.AddCasePanel<CustodySection>(CaseView.Examiner, 20);
        return services;
    }

    public static void MapCustody(this WebApplication app) => app.MapCustodyApi();
}
