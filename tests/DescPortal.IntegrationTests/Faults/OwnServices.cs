using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DescPortal.Testing;
using Npgsql;

namespace DescPortal.IntegrationTests.Faults;

/// <summary>
/// A PostgreSQL cluster and an Azurite of one fault test's own (never the suite's shared ones, which other tests use
/// while these are stopped), on free loopback ports, started as infra/desc starts them: PostgreSQL as the postgres
/// user, Azurite with <c>--skipApiVersionCheck</c>. Both keep their data on disk, so a restart finds it again.
/// Stopped and started only through the processes started here: PostgreSQL through pg_ctl on this cluster's own data
/// directory (the postmaster's pid is in it), Azurite by its pid.
/// </summary>
public sealed class OwnServices : IAsyncDisposable
{
    private const string Database = "descportal";
    // Azurite's published development account key (public, identical in every Azurite).
    private const string AzuriteKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string _dir;
    private readonly string _pgBin;
    private readonly int _pgPort;
    private readonly int _blobPort;
    private Process? _azurite;

    private OwnServices(string dir, string pgBin, int pgPort, int blobPort) => (_dir, _pgBin, _pgPort, _blobPort) = (dir, pgBin, pgPort, blobPort);

    public string Postgres => $"Host=127.0.0.1;Port={_pgPort};Username=postgres;Database={Database};Timeout=5;Command Timeout=30";

    public string Blobs =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteKey};BlobEndpoint=http://127.0.0.1:{_blobPort}/devstoreaccount1;";

    private string Data => Path.Combine(_dir, "pg", "data");

    public static async Task<OwnServices> StartAsync(CancellationToken ct)
    {
        var pgBin = Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "pg_ctl"))).OrderBy(b => b, StringComparer.Ordinal).LastOrDefault()
            ?? throw new InvalidOperationException("No PostgreSQL server under /usr/lib/postgresql.");
        var dir = Directory.CreateTempSubdirectory("desc-faults.").FullName;
        var services = new OwnServices(dir, pgBin, FreePort(), FreePort());
        try
        {
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(dir, (UnixFileMode)0b111_101_101); // postgres must traverse it
            Directory.CreateDirectory(Path.Combine(dir, "azurite"));
            var pg = Path.Combine(dir, "pg");
            if (Environment.UserName == "root")
                await RunAsync("install", ["-d", "-m", "755", "-o", "postgres", "-g", "postgres", pg], ct);
            else
                Directory.CreateDirectory(pg);
            await services.AsPostgresAsync("initdb", ["-D", services.Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], ct);
            await services.StartPostgresAsync(ct);
            await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(services.Postgres) { Database = "postgres" }.ConnectionString))
            {
                await connection.OpenAsync(ct);
                await using var create = new NpgsqlCommand($"CREATE DATABASE {Database}", connection);
                await create.ExecuteNonQueryAsync(ct);
            }
            await services.StartAzuriteAsync(ct);
            return services;
        }
        catch
        {
            await services.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts the cluster on its port. Durability stays on for commits (no synchronous_commit=off): an immediate stop
    /// must not take back what the portal was told was committed. fsync=off only skips the disk flush, which a stopped
    /// server (not a stopped machine) does not need.
    /// </summary>
    public Task StartPostgresAsync(CancellationToken ct) =>
        AsPostgresAsync("pg_ctl", ["-D", Data, "-l", Path.Combine(_dir, "pg", "log"), "-w", "-t", "60", "-s", "-o",
            $"-c listen_addresses=127.0.0.1 -c port={_pgPort} -c unix_socket_directories='' -c fsync=off -c full_page_writes=off", "start"], ct);

    /// <summary>PostgreSQL goes away as in a crash (immediate: every connection cut, no checkpoint).</summary>
    public Task StopPostgresAsync(CancellationToken ct) => AsPostgresAsync("pg_ctl", ["-D", Data, "-m", "immediate", "-w", "-t", "60", "-s", "stop"], ct);

    public async Task StartAzuriteAsync(CancellationToken ct)
    {
        var main = Path.Combine(Repository.Root, "infra", "node_modules", "azurite", "dist", "src", "blob", "main.js");
        if (!File.Exists(main)) throw new FileNotFoundException("Azurite is not installed (infra/desc test installs it).", main);
        var start = new ProcessStartInfo("node") { WorkingDirectory = _dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { main, "--blobHost", "127.0.0.1", "--blobPort", $"{_blobPort}", "--location", Path.Combine(_dir, "azurite"),
                     "--skipApiVersionCheck", "--disableTelemetry", "--silent" })
            start.ArgumentList.Add(a);
        _azurite = Process.Start(start)!;
        _azurite.OutputDataReceived += (_, _) => { };
        _azurite.ErrorDataReceived += (_, _) => { };
        _azurite.BeginOutputReadLine();
        _azurite.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await Poll.UntilAsync(async () =>
        {
            if (_azurite.HasExited) throw new InvalidOperationException($"Azurite exited at start with code {_azurite.ExitCode}.");
            try
            {
                await http.GetAsync(new Uri($"http://127.0.0.1:{_blobPort}/devstoreaccount1?comp=list"), ct);
                return true;
            }
            catch (HttpRequestException) { return false; }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { return false; }
        }, TimeSpan.FromSeconds(60), "Azurite answers", ct);
    }

    /// <summary>
    /// Azurite goes away: its process, started here, is killed by its pid. First it must have written the portal's
    /// containers to disk (it saves its metadata every few seconds): a restart without them would be another fault
    /// (storage that lost its containers), not the outage under test.
    /// </summary>
    public async Task StopAzuriteAsync(CancellationToken ct)
    {
        if (_azurite is null) return;
        var metadata = Path.Combine(_dir, "azurite", "__azurite_db_blob__.json");
        await Poll.UntilAsync(() => File.Exists(metadata) && ContainersSaved(File.ReadAllText(metadata)), TimeSpan.FromSeconds(60),
            "Azurite saved the portal's containers", ct);
        await KillAzuriteAsync();
    }

    private static bool ContainersSaved(string metadata) =>
        new[] { "evidence", "derivatives", "drafts", "library", "reports" }.All(c => metadata.Contains($"\"{c}\"", StringComparison.Ordinal));

    private async Task KillAzuriteAsync()
    {
        if (_azurite is null) return;
        _azurite.Kill(entireProcessTree: true);
        await _azurite.WaitForExitAsync();
        _azurite.Dispose();
        _azurite = null;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAzuriteAsync();
        if (File.Exists(Path.Combine(Data, "postmaster.pid")))
        {
            try { await StopPostgresAsync(CancellationToken.None); }
            catch (InvalidOperationException) { /* already stopped */ }
        }
        NpgsqlConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>A loopback port nobody listens on now (the OS's choice).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // PostgreSQL refuses to run as root: as root, its tools run as the postgres user (from /, which it may enter).
    private Task AsPostgresAsync(string tool, string[] args, CancellationToken ct) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_pgBin, tool), .. args], ct)
            : RunAsync(Path.Combine(_pgBin, tool), args, ct);

    private static async Task RunAsync(string file, string[] args, CancellationToken ct)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = "/", RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}: {await output}{await errors}");
    }
}
