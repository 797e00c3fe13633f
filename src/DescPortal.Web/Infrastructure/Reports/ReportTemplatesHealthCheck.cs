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
        string folder;
        try
        {
            folder = templates.Folder;
        }
        catch (DirectoryNotFoundException)
        {
            // /health is public: say what is wrong, not where the server looked.
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, "The report templates folder was not found."));
        }
        try
        {
            templates.Get();
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
            // The reason names the file, not the folder it is in.
            var reason = e.Message.Replace(folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, reason));
        }
    }
}
