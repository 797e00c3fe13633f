using DescPortal.Web.Features.Demo;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.Health;
using DescPortal.Web.Infrastructure.Identity;

namespace DescPortal.Web.Infrastructure;

/// <summary>
/// Runs after Marten has applied its schema: Identity's tables, blob containers, then first-start demo data.
/// Kestrel already serves meanwhile, so /health can say what it is waiting for.
/// </summary>
public sealed class StartupTasks(IServiceProvider services, Readiness readiness, IHostEnvironment env, ILogger<StartupTasks> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            var sp = scope.ServiceProvider;

            readiness.Report("identity schema");
            await IdentitySchema.EnsureAsync(sp.GetRequiredService<IdentityStore>(), stoppingToken);

            readiness.Report("blob containers");
            await sp.GetRequiredService<BlobContainers>().EnsureCreatedAsync(stoppingToken);
            await sp.GetRequiredService<Features.ReferenceLibrary.Exchange.InstallationIdentity>().EnsureAsync(stoppingToken);

            readiness.Report("recurring jobs");
            Features.FeatureSetup.ScheduleRecurringJobs(sp);

            readiness.Report("reference data");
            await sp.GetRequiredService<DemoData>().EnsureRolesAsync();
            if (env.IsDevelopment())
            {
                readiness.Report("demo data");
                await sp.GetRequiredService<DemoData>().SeedAsync(stoppingToken);
                // A host that tests something else (tiny upload limits, say) can go without the demo library.
                if (sp.GetRequiredService<DemoDataOptions>().Specimens)
                {
                    readiness.Report("demo specimens");
                    await sp.GetRequiredService<Features.ReferenceLibrary.LibrarySeeding>().SeedAsync(stoppingToken);
                    // Cases in every state of the workflow, their reports printed before the portal says it is ready.
                    if (sp.GetRequiredService<DemoDataOptions>().Cases)
                    {
                        readiness.Report("demo cases");
                        await sp.GetRequiredService<Features.Demo.DemoCases>().SeedAsync(stoppingToken);
                    }
                }
            }

            readiness.MarkReady();
            log.LogInformation("DescPortal is ready");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogCritical(e, "Start-up failed at stage {Stage}", readiness.Stage);
            readiness.MarkFailed(e);
        }
    }
}
