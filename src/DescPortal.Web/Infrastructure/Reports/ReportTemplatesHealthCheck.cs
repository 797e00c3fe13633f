using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DescPortal.Web.Infrastructure.Reports;

/// <summary>
/// The report templates as a centre last edited them: readable, parsed and every name known. Degraded, not unhealthy,
/// when they are not: referrals and casework go on, only reports wait (the sweep issues them once the files are fixed).
/// </summary>
public sealed class ReportTemplatesHealthCheck(ReportTemplates templates) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return Task.FromResult(HealthCheckResult.Healthy(templates.Get().Folder));
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, e.Message));
        }
    }
}
