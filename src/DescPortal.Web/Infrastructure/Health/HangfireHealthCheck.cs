using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DescPortal.Web.Infrastructure.Health;

/// <summary>Healthy when Hangfire's storage answers and at least one server is processing jobs.</summary>
public sealed class HangfireHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var servers = storage.GetMonitoringApi().Servers();
            return Task.FromResult(servers.Count > 0
                ? HealthCheckResult.Healthy($"{servers.Count} job server(s)")
                : HealthCheckResult.Unhealthy("no job server running"));
        }
        catch (Exception e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("job storage unreachable", e));
        }
    }
}
