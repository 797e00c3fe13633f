using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DescPortal.IntegrationTests.Platform;

/// <summary>
/// A tiny OTLP/HTTP receiver on a loopback port: it keeps every export's protobuf body by signal (traces, metrics,
/// logs) and answers 200. Tests look for names in the bytes; protobuf stores strings as plain UTF-8.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<byte[]>> _received = new(StringComparer.Ordinal);

    private OtlpReceiver(WebApplication app) => _app = app;

    /// <summary>The base address to give as OTEL_EXPORTER_OTLP_ENDPOINT (the exporter appends /v1/traces and so on).</summary>
    public Uri Endpoint { get; private set; } = null!;

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var receiver = new OtlpReceiver(builder.Build());
        receiver._app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            receiver._received.GetOrAdd(signal, _ => new ConcurrentQueue<byte[]>()).Enqueue(body.ToArray());
            // An empty ExportXxxServiceResponse is zero bytes of protobuf.
            return Results.Bytes([], "application/x-protobuf");
        });
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Endpoint = new Uri(address);
        return receiver;
    }

    /// <summary>How many exports of <paramref name="signal"/> ("traces", "metrics", "logs") arrived.</summary>
    public int Count(string signal) => _received.TryGetValue(signal, out var q) ? q.Count : 0;

    /// <summary>Whether any export of <paramref name="signal"/> holds <paramref name="text"/> (UTF-8).</summary>
    public bool Holds(string signal, string text)
    {
        if (!_received.TryGetValue(signal, out var exports)) return false;
        var wanted = Encoding.UTF8.GetBytes(text);
        return exports.Any(body => body.AsSpan().IndexOf(wanted) >= 0);
    }

    /// <summary>Waits until an export of <paramref name="signal"/> holds every one of <paramref name="texts"/>, or fails naming what is missing.</summary>
    public async Task WaitForAsync(string signal, TimeSpan cap, params string[] texts)
    {
        var until = DateTime.UtcNow + cap;
        while (true)
        {
            var missing = texts.Where(t => !Holds(signal, t)).ToList();
            if (missing.Count == 0) return;
            if (DateTime.UtcNow > until)
                throw new Xunit.Sdk.XunitException(
                    $"After {cap.TotalSeconds:0} s, {Count(signal)} {signal} export(s) arrived; none holds {string.Join(", ", missing.Select(m => $"'{m}'"))}.");
            await Task.Delay(250);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
