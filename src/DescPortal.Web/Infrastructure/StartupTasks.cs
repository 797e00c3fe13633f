using DescPortal.Web.Infrastructure.Health;

namespace DescPortal.Web.Infrastructure;

/// <summary>
/// Runs the registered <see cref="StartupStep"/>s in order once Marten has applied its schema. Kestrel already serves
/// meanwhile, so /health can say which step it is waiting for; the portal is ready when the last one is done.
/// </summary>
public sealed class StartupTasks(IServiceProvider services, IEnumerable<StartupStep> steps, Readiness readiness, ILogger<StartupTasks> log)
    : BackgroundService
{
    private readonly IReadOnlyList<StartupStep> _steps = [.. steps.OrderBy(s => s.Order)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            foreach (var step in _steps)
            {
                readiness.Report(step.Name);
                await using var scope = services.CreateAsyncScope();
                await step.RunAsync(scope.ServiceProvider, stoppingToken);
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
