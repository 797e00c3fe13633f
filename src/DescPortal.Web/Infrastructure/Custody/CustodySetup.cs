using DescPortal.Core.Custody;
using DescPortal.Web.Infrastructure.Persistence;
using Marten;

namespace DescPortal.Web.Infrastructure.Custody;

public static class CustodySetup
{
    /// <summary>The custody chain on every stream, its salts, the store's checks, and the sealing of streams written before it.</summary>
    public static IServiceCollection AddDescCustody(this IServiceCollection services)
    {
        services.ConfigureMarten(opts =>
        {
            // The chain's hashes live in the event's own row (mt_events.headers), written in its transaction.
            opts.Events.MetadataConfig.HeadersEnabled = true;
            opts.Listeners.Add(new CustodyChainListener());
            opts.Schema.For<CustodySalt>();
            opts.Schema.For<CustodyChainStart>().Identity(s => s.Id);
            opts.Schema.For<StoreVerificationRun>().Identity(r => r.Id);
            // One row per case's access stream: an append reads it rather than every access before it.
            opts.Projections.Snapshot<AccessTrail>(JasperFx.Events.Projections.SnapshotLifecycle.Inline);
        });
        services.AddSingleton<CustodyChainStore>();
        services.AddSingleton<AccessLog>();
        // The address a page's reader came from (the circuit's connection, when there is one).
        services.AddHttpContextAccessor();
        services.AddSingleton<IStoreCheck, StreamsCheck>();
        services.AddSingleton<StoreVerification>();
        services.AddStartupStep("custody chain", StartupOrder.Storage, (s, ct) => SealEarlierStreamsAsync(s, ct));
        return services;
    }

    /// <summary>
    /// Once per installation, when the chain arrives: events written before it are chained as they are now (and their
    /// streams given salts). Never again after that, so a hash deleted later is reported, not silently recomputed.
    /// </summary>
    private static async Task SealEarlierStreamsAsync(IServiceProvider services, CancellationToken ct)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        await using var held = await services.GetRequiredService<AdvisoryLocks>().AcquireAsync("custody-chain-start", Guid.Empty, ct);
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<CustodyChainStart>(CustodyChainStart.SingletonId, ct) is not null) return;

        var chains = services.GetRequiredService<CustodyChainStore>();
        var earlier = await chains.UnchainedAsync(ct);
        foreach (var stream in earlier.GroupBy(e => e.Stream))
        {
            var salt = await chains.SaltOfAsync(stream.Key, ct) ?? CustodyChain.NewSalt();
            session.Store(new CustodySalt { Id = stream.Key, Salt = salt });
            string? previous = null;
            foreach (var e in stream.OrderBy(e => e.Version))
            {
                var type = Type.GetType(e.DotnetType ?? "") ?? throw new InvalidOperationException($"Event type '{e.DotnetType}' is unknown.");
                var hash = CustodyChain.Hash(e.Stream, e.Version, e.Type, previous, CustodyChain.Canonical(e.Data, type, salt));
                await chains.SealAsync(e, hash, previous, ct);
                previous = hash;
            }
        }
        session.Store(new CustodyChainStart { At = DateTimeOffset.UtcNow, SealedEvents = earlier.Count });
        await session.SaveChangesAsync(ct);
    }
}
