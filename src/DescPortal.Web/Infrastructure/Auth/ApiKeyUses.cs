using System.Collections.Concurrent;
using Marten;

namespace DescPortal.Web.Infrastructure.Auth;

/// <summary>
/// Records each key's last use at most once a minute per key and process: a border system making hundreds of
/// requests a minute costs one small write a minute, not one per request.
/// </summary>
public sealed class ApiKeyUses(IDocumentStore store, TimeProvider clock)
{
    public static readonly TimeSpan Resolution = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _written = new(StringComparer.Ordinal);

    public async Task RecordAsync(string keyId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_written.TryGetValue(keyId, out var last) && now - last < Resolution) return;
        _written[keyId] = now;
        await using var session = store.LightweightSession();
        session.Store(new ApiKeyUse { Id = keyId, LastUsedAt = now });
        await session.SaveChangesAsync(ct);
    }
}
