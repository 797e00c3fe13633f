using DescPortal.Web.Infrastructure.Blobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DescPortal.Web.Infrastructure.Health;

public sealed class BlobHealthCheck(BlobContainers containers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var exists = await containers.Evidence.ExistsAsync(cancellationToken);
            return exists.Value ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("evidence container missing");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("blob storage unreachable", e);
        }
    }
}
