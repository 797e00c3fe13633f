using DescPortal.Core.Referrals;
using DescPortal.Web.Components;
using DescPortal.Web.Features.Referrals.Drafts;
using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Infrastructure.Jobs;
using DescPortal.Web.Infrastructure.Settings;
using Hangfire;
using Marten;

namespace DescPortal.Web.Features.Referrals;

/// <summary>The referral slice's wiring: intake (API and form, drafts), evidence and its derivatives, the officer's pages.</summary>
public static class ReferralsSetup
{
    public static IServiceCollection AddReferrals(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<SubmitReferral>();
        services.AddSingleton<ReferralDrafts>();
        services.AddTransient<EvidenceThumbnailJob>();
        services.AddTransient<EvidenceTilesJob>();
        services.ConfigureMarten(opts =>
        {
            ReferenceNumbers.AddSchema(opts);
            opts.Schema.For<ReferralDraft>();
            opts.Schema.For<SubmissionKey>();
        });

        // Evidence in (a referral, an answer to a request for more material): its thumbnails and tiles follow,
        // tiles before anyone asks, so that the examiner's first look does not wait for them. One job per case.
        services.AddJobTrigger<EvidenceImageAttached>(e => $"thumbnails:{e.StreamId}", (e, jobs) =>
        {
            var caseId = e.StreamId;
            jobs.Enqueue<EvidenceThumbnailJob>(j => j.RunAsync(caseId, CancellationToken.None));
        });
        services.AddJobTrigger<EvidenceImageAttached>(e => $"tiles:{e.StreamId}", (e, jobs) =>
        {
            var caseId = e.StreamId;
            jobs.Enqueue<EvidenceTilesJob>(j => j.RunAsync(caseId, CancellationToken.None));
        });
        services.AddSettings<DraftOptions>(config);
        var keepDays = SettingsSetup.Read<DraftOptions>(config).KeepDays;
        services.AddRecurringJob<ReferralDrafts>("expire-abandoned-drafts", d => d.ExpireAsync(keepDays, CancellationToken.None), Cron.Daily(3));

        services.AddNavEntry(new NavEntry("referrals/new", "New referral", MudBlazor.Icons.Material.Filled.NoteAdd, Roles.FieldOfficer, 10,
            HomeText: _ => "Refer a suspicious document to the examiners, with images under white, UV and IR light."));
        services.AddNavEntry(new NavEntry("referrals", "My referrals", MudBlazor.Icons.Material.Filled.FolderShared, Roles.FieldOfficer, 20,
            ExactMatch: true, HomeText: _ => "Follow your agency's referrals: status, evidence and history."));
        return services;
    }

    public static void MapReferrals(this WebApplication app)
    {
        app.MapReferralApi();
        app.MapReferralDraftEndpoints();
        app.MapEvidenceEndpoints();
    }
}
