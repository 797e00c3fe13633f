using DescPortal.Web.Infrastructure.Jobs;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DescPortal.Web.Infrastructure.Telemetry;

/// <summary>
/// OpenTelemetry, as eShop's service defaults wire it: traces, metrics and logs are always collected, and exported
/// with OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the exporter itself reads that and the other
/// standard OTEL_* settings, such as OTEL_EXPORTER_OTLP_PROTOCOL and OTEL_METRIC_EXPORT_INTERVAL). Read from the
/// host's configuration (environment variables included), never from a static: each host decides for itself.
/// </summary>
public static class TelemetrySetup
{
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ServiceName = "DescPortal";

    /// <summary>Marten's ActivitySource and Meter (Marten.Internal.OpenTelemetry.MartenTracing, Marten.Services.OpenTelemetryOptions).</summary>
    public const string Marten = "Marten";

    public static WebApplicationBuilder AddDescTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.AddOpenTelemetry(o =>
        {
            o.IncludeScopes = true;
            o.IncludeFormattedMessage = true;
        });
        builder.Services.AddSingleton<PortalMetrics>();

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r =>
            {
                // OTEL_SERVICE_NAME, when set, names the service instead (the SDK reads it).
                if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_SERVICE_NAME"])) r.AddService(ServiceName);
            })
            .WithTracing(t => t
                // Probes every few seconds would drown the requests people make.
                .AddAspNetCoreInstrumentation(o => o.Filter = http =>
                    !http.Request.Path.StartsWithSegments("/health") && !http.Request.Path.StartsWithSegments("/alive"))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource(Marten, "Azure.*", JobTracing.SourceName))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation() // hosting, Kestrel, routing, rate limiting
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(Marten, PortalMetrics.MeterName)
                // Made with the meter provider, so the queue-depth gauge is there from the first export.
                .AddInstrumentation(sp => sp.GetRequiredService<PortalMetrics>()));

        if (!string.IsNullOrWhiteSpace(builder.Configuration[EndpointSetting]))
        {
            // The Azure SDK's ActivitySources are still experimental: without this switch they start no spans.
            AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
            telemetry.UseOtlpExporter();
        }
        return builder;
    }
}
