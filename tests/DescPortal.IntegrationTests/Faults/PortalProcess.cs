using System.Diagnostics;
using System.Net;
using DescPortal.Testing;

namespace DescPortal.IntegrationTests.Faults;

/// <summary>
/// The portal as it is deployed: its own binary (DescPortal.Web.dll) in a child process of the test, on a free loopback
/// port, against <see cref="OwnServices"/>. <see cref="KillAsync"/> kills that process (and its Chromium) by its pid,
/// as a crash or an out-of-memory kill would; a new one started on the same services is the restart.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    /// <summary>A job taken by a killed portal runs again this long after its last renewal (Jobs:InvisibilityTimeoutSeconds).</summary>
    public const int InvisibilityTimeoutSeconds = 10;

    private readonly Process _process;
    private readonly Queue<string> _log = new();

    private PortalProcess(Process process, Uri address) => (_process, BaseAddress) = (process, address);

    public Uri BaseAddress { get; }

    /// <summary>The last lines the portal wrote, for a failure's message.</summary>
    public string Log
    {
        get { lock (_log) return string.Join('\n', _log); }
    }

    public static async Task<PortalProcess> StartAsync(OwnServices services, CancellationToken ct)
    {
        var address = new Uri($"http://127.0.0.1:{OwnServices.FreePort()}");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DescPortal.Web.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        start.Environment["ConnectionStrings__Postgres"] = services.Postgres;
        start.Environment["ConnectionStrings__Blobs"] = services.Blobs;
        start.Environment["Jobs__InvisibilityTimeoutSeconds"] = $"{InvisibilityTimeoutSeconds}";
        // The demo accounts and API keys, without the demo library and cases: they cost a start seconds.
        start.Environment["DemoData__Cases"] = "false";
        start.Environment["DemoData__Specimens"] = "false";
        start.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = "";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var portal = new PortalProcess(Process.Start(start)!, address);
        portal._process.OutputDataReceived += (_, e) => portal.Keep(e.Data);
        portal._process.ErrorDataReceived += (_, e) => portal.Keep(e.Data);
        portal._process.BeginOutputReadLine();
        portal._process.BeginErrorReadLine();
        try
        {
            using var http = portal.Client();
            await Poll.UntilAsync(async () =>
            {
                if (portal._process.HasExited) throw new InvalidOperationException($"The portal exited at start ({portal._process.ExitCode}):\n{portal.Log}");
                return await HealthAsync(http, ct) == HttpStatusCode.OK;
            }, TimeSpan.FromSeconds(180), "the portal is healthy", ct);
        }
        catch
        {
            await portal.DisposeAsync();
            throw;
        }
        return portal;
    }

    /// <summary>A client of this portal (cookies kept, redirects not followed, as the sign-in helper expects).</summary>
    public HttpClient Client() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>A client signed in through the sign-in form as the demo account <paramref name="email"/>.</summary>
    public async Task<HttpClient> SignedInAsync(string email)
    {
        var client = Client();
        if (await client.SignInAsync(email, DescPortal.DemoData.DemoAccounts.Password) is { } refusal)
            throw new InvalidOperationException($"Sign-in of {email} failed: {refusal}");
        return client;
    }

    public static async Task<HttpStatusCode> HealthAsync(HttpClient http, CancellationToken ct)
    {
        try
        {
            using var response = await http.GetAsync("/health", ct);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    /// <summary>Kills the portal's process and its children (Chromium) at once, by pid: nothing is shut down cleanly.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_log)
        {
            _log.Enqueue(line);
            while (_log.Count > 200) _log.Dequeue();
        }
    }
}
