using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DescPortal.Web.Infrastructure.Health;

/// <summary>Set once the schema is applied and first-start demo data is complete; /health waits for it.</summary>
public sealed class Readiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Stage { get; private set; } = "starting";
    public bool IsReady => _ready.Task.IsCompletedSuccessfully;
    public Exception? Failure { get; private set; }

    public void Report(string stage) => Stage = stage;
    public void MarkReady() { Stage = "ready"; _ready.TrySetResult(); }
    public void MarkFailed(Exception e) { Failure = e; Stage = "failed"; _ready.TrySetException(e); }

    public Task WaitAsync(CancellationToken ct = default) => _ready.Task.WaitAsync(ct);
}

public sealed class ReadinessCheck(Readiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.IsReady
            ? HealthCheckResult.Healthy("ready")
            : HealthCheckResult.Unhealthy($"not ready: {readiness.Stage}", readiness.Failure));
}
