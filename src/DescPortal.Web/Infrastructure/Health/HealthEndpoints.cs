using System.Text.Json;
using DescPortal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DescPortal.Web.Infrastructure.Health;

public static class HealthEndpoints
{
    public static IServiceCollection AddDescHealth(this IServiceCollection services, string postgres)
    {
        services.AddSingleton<Readiness>();
        services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), tags: ["live"])
            .AddNpgSql(postgres, name: "postgresql")
            .AddCheck<BlobHealthCheck>("blob-storage")
            .AddCheck<HangfireHealthCheck>("jobs")
            .AddCheck<Reports.ReportTemplatesHealthCheck>("report-templates", HealthStatus.Degraded)
            .AddCheck<ReadinessCheck>("readiness");
        return services;
    }

    /// <summary>
    /// /health: ready for users (every dependency and first-start seeding); /alive: the process answers. Both open to
    /// anyone (load balancers, monitoring), but only an administrator is told which dependency is failing and how long
    /// each check took: that maps the installation for an attacker.
    /// </summary>
    public static void MapDescHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = c => c.Tags.Contains("live") }).AllowAnonymous();
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        object answer = context.User.IsInRole(Roles.Admin)
            ? new
            {
                status = report.Status.ToString(),
                durationMs = report.TotalDuration.TotalMilliseconds,
                checks = report.Entries.ToDictionary(e => e.Key, e => new
                {
                    status = e.Value.Status.ToString(), e.Value.Description, durationMs = e.Value.Duration.TotalMilliseconds,
                }),
            }
            : new { status = report.Status.ToString() };
        return context.Response.WriteAsync(JsonSerializer.Serialize(answer));
    }
}
