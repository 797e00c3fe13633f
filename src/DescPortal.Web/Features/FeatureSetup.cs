using DescPortal.Core;
using DescPortal.Web.Features.Admin;
using DescPortal.Web.Features.Examination;
using DescPortal.Web.Features.Opinion;
using DescPortal.Web.Features.ReferenceLibrary;
using DescPortal.Web.Features.Referrals;
using DescPortal.Web.Features.Referrals.Drafts;
using DescPortal.Web.Infrastructure.Blobs;
using Hangfire;
using JasperFx.Events.Projections;
using Marten;

namespace DescPortal.Web.Features;

/// <summary>The one place that lists the features: their services, Marten configuration, endpoints and recurring jobs.</summary>
public static class FeatureSetup
{
    public static IServiceCollection AddFeatures(this IServiceCollection services, IConfiguration config)
    {
        services.AddFeatureSettings(config);
        services.AddSingleton<ImageIntake>();
        // Handlers are singletons: they open a Marten session (or a DI scope) per operation and hold no per-user state.
        services.AddSingleton<SubmitReferral>();
        services.AddSingleton<ReferralDrafts>();
        services.AddSingleton<CaseNotifications>();
        services.AddSingleton<CaseEvents>();
        services.AddSingleton<CaseQueue>();
        services.AddSingleton<Infrastructure.Telemetry.ICaseQueueDepth, WaitingCases>();
        services.AddSingleton<TakeCase>();
        services.AddSingleton<CaseCommands>();
        services.AddSingleton<ExaminationCommands>();
        services.AddSingleton<OpinionCommands>();
        services.AddSingleton<ReportQueue>();
        services.AddSingleton<ReportVerification>();
        services.AddSingleton<ExpertReportBuilder>();
        services.AddTransient<ReportJob>();
        services.AddSingleton<AnswerInformation>();
        services.AddScoped<Demo.DemoCases>();
        services.AddSingleton<CreateUser>();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<AgencyDirectory>();
        services.AddSingleton<AgencyApiKeys>();
        services.AddSingleton<LibraryCommands>();
        services.AddSingleton<LibraryQueries>();
        services.AddSingleton<LibrarySeeding>();
        ReferenceLibrary.Exchange.ExchangeSetup.AddSpecimenExchange(services, config);
        services.AddTransient<EvidenceThumbnailJob>();
        services.AddSingleton<Infrastructure.DeepZoom.TilePyramids>();
        services.AddTransient<Infrastructure.DeepZoom.DeepZoomJob>();
        return services;
    }

    public static void ConfigureMarten(StoreOptions opts)
    {
        ReferenceNumbers.AddSchema(opts);
        opts.Schema.For<ReferralDraft>();
        opts.Schema.For<Infrastructure.DeepZoom.TilePyramid>();
        opts.Projections.Add<ReferralSummaryProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<LibraryEntryProjection>(ProjectionLifecycle.Inline);
        ReferenceLibrary.Exchange.ExchangeSetup.ConfigureMarten(opts);
        opts.Schema.For<LibraryEntry>()
            .Index(e => e.IssuingState)
            .Index(e => e.DocumentType)
            // A column of its own: free-text search then reads the short search text, not the whole document.
            .Duplicate(e => e.SearchText);
        opts.Schema.For<Demo.DemoCase>();
        opts.Schema.For<IssuedReportIndex>()
            .UniqueIndex(r => r.VerificationCode)
            .Index(r => r.Sha256)
            .Index(r => r.CaseId);
        opts.Schema.For<ReferralSummary>()
            .Index(r => r.AgencyCode)
            .Index(r => r.Status)
            .Index(r => r.SubmittedAt);
    }

    public static void MapFeatures(this WebApplication app)
    {
        app.MapReferralApi();
        app.MapReferralDraftEndpoints();
        app.MapEvidenceEndpoints();
        app.MapReportEndpoints();
        app.MapVerifyApi();
        app.MapInformationApi();
        app.MapLibraryEndpoints();
        app.MapMrzApi();
        app.MapExaminationEndpoints();
        ReferenceLibrary.Exchange.ExchangeSetup.MapSpecimenExchange(app);
    }

    /// <summary>Recurring jobs, scheduled by the start-up tasks once the job storage is reachable.</summary>
    public static void ScheduleRecurringJobs(IServiceProvider services)
    {
        var keepDays = services.GetRequiredService<DraftOptions>().KeepDays;
        services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<ReferralDrafts>(
            "expire-abandoned-drafts", d => d.ExpireAsync(keepDays, CancellationToken.None), Cron.Daily(3));
        // A report whose job was lost (a crash between approval and enqueue) is made within five minutes.
        services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<ReportJob>(
            "issue-missing-reports", j => j.SweepAsync(CancellationToken.None), "*/5 * * * *");
        // PDFs of attempts that never became a report (a crash between upload and commit): a day is ample margin.
        services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<ReportJob>(
            "delete-orphan-report-pdfs", j => j.DeleteOrphanPdfsAsync(TimeSpan.FromDays(1), null, CancellationToken.None), Cron.Daily(4));
    }
}
