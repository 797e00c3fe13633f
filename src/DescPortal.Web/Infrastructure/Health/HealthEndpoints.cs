using System.Text.Json;
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

    /// <summary>/health: ready for users (every dependency and first-start seeding); /alive: the process answers.</summary>
    public static void MapDescHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = c => c.Tags.Contains("live") }).AllowAnonymous();
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
        }));
    }
}
