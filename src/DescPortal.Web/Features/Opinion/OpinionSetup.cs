using DescPortal.Web.Infrastructure.Http;
using DescPortal.Core.Opinion;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Infrastructure.Jobs;
using DescPortal.Web.Infrastructure.Settings;
using Hangfire;
using Marten;

namespace DescPortal.Web.Features.Opinion;

/// <summary>The opinion slice's wiring: drafts, review, requests for more material, reports and their verification.</summary>
public static class OpinionSetup
{
    public static IServiceCollection AddOpinion(this IServiceCollection services, IConfiguration config)
    {
        services.AddApiTag(VerifyApi.Tag, "Expert reports: verify that a report is one this centre issued, and whether it is current.");
        services.AddSettings<VerificationOptions>(config);
        services.AddSingleton<OpinionCommands>();
        services.AddSingleton<ReportVerification>();
        services.AddSingleton<ExpertReportBuilder>();
        services.AddTransient<ReportJob>();
        services.AddSingleton<AnswerInformation>();
        services.ConfigureMarten(opts => opts.Schema.For<IssuedReportIndex>()
            .UniqueIndex(r => r.VerificationCode)
            .Index(r => r.Sha256)
            .Index(r => r.CaseId));

        services.AddCasePanel<OpinionSection>(CaseView.Examiner, 10);
        services.AddCasePanel<OfficerWorkflow>(CaseView.Officer, 10);

        // Every approval gets its report; the job makes one per approval however often it runs.
        services.AddJobTrigger<OpinionApproved>(e => $"report:{e.Data.ApprovalId}", (e, jobs) =>
        {
            var (caseId, approvalId) = (e.StreamId, e.Data.ApprovalId);
            jobs.Enqueue<ReportJob>(j => j.IssueAsync(caseId, approvalId, CancellationToken.None));
        });
        // A report whose job failed for good (templates being fixed, say) is made within five minutes.
        services.AddRecurringJob<ReportJob>("issue-missing-reports", j => j.SweepAsync(CancellationToken.None), "*/5 * * * *");
        // PDFs of attempts that never became a report (a crash between upload and commit): a day is ample margin.
        services.AddRecurringJob<ReportJob>("delete-orphan-report-pdfs",
            j => j.DeleteOrphanPdfsAsync(TimeSpan.FromDays(1), null, CancellationToken.None), Cron.Daily(4));
        return services;
    }

    public static void MapOpinion(this WebApplication app)
    {
        app.MapReportEndpoints();
        app.MapVerifyApi();
        app.MapInformationApi();
    }
}
