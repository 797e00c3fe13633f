using DescPortal.Web.Infrastructure.Auth;
using DescPortal.Web.Infrastructure.Custody;
using DescPortal.Web.Infrastructure.Jobs;
using JasperFx.Events.Daemon;
using JasperFx;
using JasperFx.Events;
using Weasel.Core;
using Marten;
using Npgsql;

namespace DescPortal.Web.Infrastructure.Persistence;

public static class MartenSetup
{
    public const string Schema = "portal";

    /// <summary>Marten: documents and the event store, in the "portal" schema ("desc" is an SQL keyword), applied at start-up.</summary>
    /// <remarks>Features add their documents and projections with <c>services.ConfigureMarten(...)</c>.</remarks>
    public static IServiceCollection AddDescMarten(this IServiceCollection services, string connectionString)
    {
        // One connection pool for Marten and the advisory locks.
        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddSingleton<AdvisoryLocks>();
        services.AddMarten(opts =>
            {
                opts.DatabaseSchemaName = Schema;
                opts.Events.StreamIdentity = StreamIdentity.AsGuid;
                opts.UseSystemTextJsonForSerialization(EnumStorage.AsString);
                opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                // A "marten.connection" span per session's use of a connection, and the marten.event.append counter
                // (exported by Infrastructure/Telemetry when OTLP is configured).
                opts.OpenTelemetry.TrackConnections = JasperFx.OpenTelemetry.TrackLevel.Normal;
                opts.OpenTelemetry.TrackEventCounters();

                opts.Schema.For<ApiKey>().Index(k => k.AgencyCode);
                opts.Schema.For<ApiKeyUse>();
            })
            .UseNpgsqlDataSource()
            .UseLightweightSessions()
            // Jobs follow committed events; the daemon runs the subscription on one node at a time (hot/cold).
            .AddSubscriptionWithServices<JobsFromEvents>(ServiceLifetime.Singleton)
            .AddAsyncDaemon(DaemonMode.HotCold)
            // Lazy schema creation has deadlocked Blazor apps: apply everything before serving.
            .ApplyAllDatabaseChangesOnStartup();
        // Every stream's events are hash-chained as they are appended.
        services.AddDescCustody();
        return services;
    }
}
