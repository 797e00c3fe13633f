using DescPortal.Web.Infrastructure.Http;
using DescPortal.Web.Components;
using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Features.Cases;

namespace DescPortal.Web.Features.Examination;

/// <summary>The examination slice's wiring: the queue, taking a case, the workspace's commands, the MRZ check.</summary>
public static class ExaminationSetup
{
    public static IServiceCollection AddExamination(this IServiceCollection services)
    {
        services.AddApiTag(MrzApi.Tag, "Machine readable zones (ICAO Doc 9303): parse one and check its digits, characters and state codes.");
        services.AddSingleton<TakeCase>();
        services.AddSingleton<ExaminationCommands>();
        services.AddCasePanel<ConditionOnReceiptPanel>(CaseView.Examiner, 5);
        services.AddNavEntry(new NavEntry("queue", "Case queue", MudBlazor.Icons.Material.Filled.Inbox, Roles.CaseReaders, 30,
            HomeText: _ => "Referrals waiting for examination, urgent ones first by their deadline."));
        services.AddNavEntry(new NavEntry("my-cases", "My cases", MudBlazor.Icons.Material.Filled.Assignment, Roles.Examiner, 40));
        return services;
    }

    public static void MapExamination(this WebApplication app)
    {
        app.MapMrzApi();
        app.MapExaminationEndpoints();
    }
}
