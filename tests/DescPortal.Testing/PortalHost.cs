using DescPortal.Web.Infrastructure.Health;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace DescPortal.Testing;

/// <summary>
/// The real portal (Program) on a database of its own in the test PostgreSQL and containers of its own in the
/// test Azurite, seeded with the Development demo data. With <see cref="Kestrel"/> it listens on a loopback port
/// so that a browser can reach it.
/// </summary>
public class PortalHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _database;
    private readonly bool _ownsDatabase;

    public PortalHost()
    {
        _database = "desc_test_" + Guid.NewGuid().ToString("N")[..12];
        _ownsDatabase = true;
    }

    /// <summary>
    /// A second portal on <paramref name="sharedWith"/>'s database and blob containers, as a second process of one
    /// installation is. Start it after that one; it neither creates nor drops the database.
    /// </summary>
    protected PortalHost(PortalHost sharedWith)
    {
        ArgumentNullException.ThrowIfNull(sharedWith);
        _database = sharedWith._database;
    }

    /// <summary>Set by browser-test fixtures: serve on a real loopback port.</summary>
    protected virtual bool Kestrel => false;

    public string DatabaseConnectionString =>
        new NpgsqlConnectionStringBuilder(TestServices.Postgres) { Database = _database }.ConnectionString;

    /// <summary>The prefix of this host's blob containers in the shared Azurite.</summary>
    public string ContainerPrefix => _database.Replace('_', '-') + "-";

    /// <summary>The portal's base address (a loopback port under Kestrel, the in-memory server otherwise).</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Postgres", DatabaseConnectionString);
        builder.UseSetting("ConnectionStrings:Blobs", TestServices.Blobs);
        builder.UseSetting("Storage:ContainerPrefix", ContainerPrefix);
        // Demo cases (sixteen, six of them printed as reports) cost every test host seconds; DemoCasesTests turns them on.
        builder.UseSetting("DemoData:Cases", "false");
        // No telemetry leaves a test host because of the machine's environment; TelemetryTests' host sets its own.
        builder.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", "");
        builder.ConfigureTestServices(services => Registrations = [.. services]);
    }

    /// <summary>What the portal registered (every service, after Program and the test's own), for tests of the wiring.</summary>
    public IReadOnlyList<ServiceDescriptor> Registrations { get; private set; } = [];

    public virtual async ValueTask InitializeAsync()
    {
        if (_ownsDatabase)
        {
            await using var conn = new NpgsqlConnection(TestServices.Postgres);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {_database}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        if (Kestrel) UseKestrel(0);
        StartServer();
        await Services.GetRequiredService<Readiness>().WaitAsync(TestContext.Current.CancellationToken)
            // A cap, not a timed test: the demo-cases host prints six reports while three other test projects run.
            .WaitAsync(TimeSpan.FromSeconds(300));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (!_ownsDatabase) return;
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(TestServices.Postgres);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
