using System.Net;
using DescPortal.Testing;
using DescPortal.Web.Infrastructure.Jobs;
using DescPortal.Web.Infrastructure.Telemetry;
using Microsoft.AspNetCore.Hosting;
using Xunit;

namespace DescPortal.IntegrationTests.Platform;

/// <summary>A portal whose OTEL_EXPORTER_OTLP_ENDPOINT (its own configuration, not the process's) names an <see cref="OtlpReceiver"/>.</summary>
public sealed class TelemetryHost : PortalHost
{
    public OtlpReceiver Receiver { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        Receiver = await OtlpReceiver.StartAsync();
        await base.InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(TelemetrySetup.EndpointSetting, Receiver.Endpoint.ToString());
        builder.UseSetting("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        builder.UseSetting("OTEL_METRIC_EXPORT_INTERVAL", "500");
        builder.UseSetting("OTEL_BSP_SCHEDULE_DELAY", "200");
        builder.UseSetting("OTEL_BLRP_SCHEDULE_DELAY", "200");
        // This host tests the wiring; the demo library would only slow its start.
        builder.UseSetting("DemoData:Specimens", "false");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}

/// <summary>
/// The telemetry host's tests run alone, once the others are done: OpenTelemetry feeds the same-named instruments of
/// every portal in the test process into one stream, and a portal disposed meanwhile (another class's host) ends that
/// stream for all of them, so this host's counter was now and then never exported.
/// </summary>
[CollectionDefinition(nameof(TelemetryCollection), DisableParallelization = true)]
public sealed class TelemetryCollection;

[Collection(nameof(TelemetryCollection))]
public sealed class TelemetryTests(TelemetryHost host, IntegrationHost plain) : IClassFixture<TelemetryHost>
{
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(60);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_submitted_referral_is_exported_as_spans_of_the_request_the_database_and_its_jobs_and_as_metrics()
    {
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var response = await client.PostAsync("/api/v1/referrals",
            ReferralRequests.Multipart(ReferralRequests.Example(), TestImages.Jpeg(200, 150, 41)), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var caseId = (await response.JsonAsync()).GetProperty("id").GetGuid().ToString();

        await host.Receiver.WaitForAsync("traces", Cap,
            "POST /api/v1/referrals",       // the request's span (method and route)
            "marten.connection",            // Marten's session span
            "postgresql",                   // Npgsql's command spans (db.system.name)
            "EvidenceThumbnailJob.RunAsync", // the Hangfire job's span ...
            JobTracing.CaseIdTag, caseId);   // ... tagged with its case
        await host.Receiver.WaitForAsync("metrics", Cap,
            "descportal.referrals.submitted", "descportal.queue.depth", "http.server.request.duration",
            "dotnet.gc", "marten.event.append");
        // Logs carry their scopes: the request's path comes from ASP.NET Core's request scope.
        await host.Receiver.WaitForAsync("logs", Cap, "submitted by", "RequestPath");
    }

    [Fact]
    public void Without_an_endpoint_no_exporter_is_registered()
    {
        static bool Otlp(Type? t) => t?.Assembly == typeof(OpenTelemetry.Exporter.OtlpExporterOptions).Assembly;
        static bool FromOtlp(Microsoft.Extensions.DependencyInjection.ServiceDescriptor d) =>
            Otlp(d.ServiceType) || Otlp(d.ImplementationType) || Otlp(d.ImplementationInstance?.GetType())
            || Otlp(d.ImplementationFactory?.Method.DeclaringType)
            || (d.ServiceType.IsGenericType && d.ServiceType.GetGenericArguments().Any(Otlp));

        // The shared portal has no OTEL_EXPORTER_OTLP_ENDPOINT; this class's portal has one.
        Assert.DoesNotContain(plain.Registrations, FromOtlp);
        Assert.Contains(host.Registrations, FromOtlp);
        // Collected all the same, as eShop's service defaults do: an endpoint set later is all it takes.
        Assert.Contains(plain.Registrations, d => d.ServiceType == typeof(PortalMetrics));
    }
}
