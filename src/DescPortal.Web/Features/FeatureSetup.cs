using DescPortal.Core;
using DescPortal.Web.Features.Examination;
using DescPortal.Web.Features.Referrals;
using DescPortal.Web.Infrastructure.Blobs;
using JasperFx.Events.Projections;
using Marten;

namespace DescPortal.Web.Features;

/// <summary>The one place that lists the features: their services, Marten configuration and endpoints.</summary>
public static class FeatureSetup
{
    public static IServiceCollection AddFeatures(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection("Uploads").Get<UploadLimits>() ?? UploadLimits.Default);
        services.AddSingleton<ImageIntake>();
        // Handlers are singletons: they open a Marten session per operation and hold no per-user state.
        services.AddSingleton<SubmitReferral>();
        services.AddSingleton<Referrals.Drafts.ReferralDrafts>();
        services.AddSingleton<CaseNotifications>();
        services.AddSingleton<CaseEvents>();
        services.AddSingleton<CaseQueue>();
        services.AddSingleton<TakeCase>();
        services.AddSingleton<Admin.CreateUser>();
        services.AddSingleton<Admin.UserDirectory>();
        services.AddSingleton<Admin.AgencyDirectory>();
        services.AddSingleton<Admin.AgencyApiKeys>();
        services.AddTransient<EvidenceThumbnailJob>();
        return services;
    }

    public static void ConfigureMarten(StoreOptions opts)
    {
        ReferenceNumbers.AddSchema(opts);
        opts.Schema.For<Referrals.Drafts.ReferralDraft>();
        opts.Projections.Add<ReferralSummaryProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<ReferralSummary>()
            .Index(r => r.AgencyCode)
            .Index(r => r.Status)
            .Index(r => r.SubmittedAt);
    }

    public static void MapFeatures(this WebApplication app)
    {
        app.MapReferralApi();
        Referrals.Drafts.ReferralDraftEndpoints.MapReferralDraftEndpoints(app);
        app.MapEvidenceEndpoints();
    }
}
