using DescPortal.Web.Infrastructure.Http;
using JasperFx.Events.Projections;
using Marten;

namespace DescPortal.Web.Features.Cases;

/// <summary>The case kernel's wiring: the one write path, the case summary, the page's panels, the agencies' documents.</summary>
public static class CasesSetup
{
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>(ApiDocument.Name, o => o.AddSchemaTransformer(SubmissionSchemas.TransformAsync));
        services.AddApiTag(CaseApi.Tag, "Referrals of questioned documents: submit one with its images, follow it, read its "
            + "evidence and history, answer the examiner's requests for more material, and download the expert report.");
        // Singletons: they open a Marten session per operation and hold no per-user state.
        services.AddSingleton<CaseNotifications>();
        services.AddSingleton<CaseQueries>();
        services.AddSingleton<CaseWrites>();
        services.AddSingleton<EvidenceOriginals>();
        services.AddSingleton<IntegrityAlarms>();
        services.AddSingleton<CaseQueue>();
        services.AddSingleton<CasePanels>();
        services.AddSingleton<Infrastructure.Telemetry.ICaseQueueDepth, WaitingCases>();
        services.ConfigureMarten(opts =>
        {
            opts.Schema.For<Agency>();
            // Read and written whole from its stream (FetchForWriting, AggregateStreamAsync), never stored.
            opts.Projections.Add<CaseRecordProjection>(ProjectionLifecycle.Live);
            opts.Projections.Add<ReferralSummaryProjection>(ProjectionLifecycle.Inline);
            opts.Schema.For<ReferralSummary>()
                .Index(r => r.AgencyCode)
                .Index(r => r.Status)
                .Index(r => r.SubmittedAt);
        });
        return services;
    }
}
