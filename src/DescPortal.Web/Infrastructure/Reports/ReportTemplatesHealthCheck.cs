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
            templates.Get();
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
            // /health is public: the reason names the file, not where the server keeps it.
            var reason = e.Message.Replace(templates.Folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, reason));
        }
    }
}
