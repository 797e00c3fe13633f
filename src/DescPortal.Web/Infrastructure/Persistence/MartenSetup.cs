using DescPortal.Web.Features.Agencies;
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
    public static IServiceCollection AddDescMarten(this IServiceCollection services, string connectionString,
        Action<StoreOptions>? configureFeatures = null)
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

                opts.Schema.For<Agency>();
                opts.Schema.For<ApiKey>().Index(k => k.AgencyCode);

                configureFeatures?.Invoke(opts);
            })
            .UseNpgsqlDataSource()
            .UseLightweightSessions()
            // Lazy schema creation has deadlocked Blazor apps: apply everything before serving.
            .ApplyAllDatabaseChangesOnStartup();
        return services;
    }
}
