using DescPortal.Web.Components;
using DescPortal.Web.Features.Account;
using DescPortal.Web.Features.Admin;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Features.Custody;
using DescPortal.Web.Features.Examination;
using DescPortal.Web.Features.Opinion;
using DescPortal.Web.Features.ReferenceLibrary;
using DescPortal.Web.Features.Referrals;

namespace DescPortal.Web.Features;

/// <summary>
/// The composition root of the slices, the one place that names them all: each registers its services, Marten
/// documents, jobs, start-up steps, menu links and case panels, and maps its endpoints.
/// </summary>
public static class FeatureSetup
{
    public static IServiceCollection AddFeatures(this IServiceCollection services, IConfiguration config) =>
        services
            .AddSingleton<Navigation>()
            .AddAccount(config)
            .AddCases()
            .AddReferrals(config)
            .AddExamination()
            .AddOpinion(config)
            .AddReferenceLibrary(config)
            .AddAdmin()
            .AddCustody();

    public static void MapFeatures(this WebApplication app)
    {
        app.MapAccountEndpoints();
        app.MapReferrals();
        app.MapExamination();
        app.MapOpinion();
        app.MapReferenceLibrary();
        app.MapCustody();
    }
}
