using DescPortal.Core;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Infrastructure.Persistence;
using JasperFx.Events;
using Marten;

namespace DescPortal.Web.Features.ReferenceLibrary.Exchange;

/// <summary>One registration or removal, as the registry's record lists it.</summary>
public sealed record PartnerChange(bool Registered, string Name, string Fingerprint, string By, DateTimeOffset At)
{
    public string FingerprintGroups => InstallationIdentity.Grouped(Fingerprint);
}

/// <summary>The registered partners and every change to the list, oldest first.</summary>
public sealed record PartnerRegister(IReadOnlyList<Partner> Partners, IReadOnlyList<PartnerChange> Changes);

/// <summary>
/// The partner installations whose specimen archives this installation accepts (issue 11): administrators register a
/// partner's key fingerprint under a name, and remove it. The list is one event stream (<see cref="PartnerList.StreamId"/>):
/// every registration and removal is kept with who and when, hash-chained like every stream, and read whole (it is short).
/// </summary>
public sealed class PartnerRegistry(IDocumentStore store, InstallationIdentity installation, TimeProvider clock, ILogger<PartnerRegistry> log)
{
    /// <summary>The partners registered now (for the importer: no role needed, it only answers who is trusted).</summary>
    public async Task<PartnerList> CurrentAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var (list, _, _) = await ReadAsync(session, ct);
        return list;
    }

    /// <summary>The list and its record, for administrators.</summary>
    public async Task<PartnerRegister> ListAsync(UserScope scope, CancellationToken ct)
    {
        Demand(scope);
        await using var session = store.QuerySession();
        var (list, events, _) = await ReadAsync(session, ct);
        return new PartnerRegister(list.Partners, [.. events.Select(e => e.Data switch
        {
            PartnerRegistered r => new PartnerChange(true, r.Name, r.Fingerprint, r.ActorName, r.At),
            PartnerRemoved r => new PartnerChange(false, r.Name, r.Fingerprint, r.ActorName, r.At),
            _ => null,
        }).OfType<PartnerChange>()]);
    }

    /// <summary>Registers a partner; a refusal (<see cref="DomainException"/>, codes of <see cref="Refusals.Partner"/>) names the field.</summary>
    public async Task<Partner> RegisterAsync(UserScope scope, string? name, string? fingerprint, CancellationToken ct)
    {
        Demand(scope);
        var me = await installation.GetAsync(ct);
        var events = await DecideAsync(list => PartnerDecider.Register(list, name, fingerprint, me.Fingerprint, scope.Actor, scope.DisplayName,
            clock.GetUtcNow()), ct);
        var registered = (PartnerRegistered)events[0];
        log.LogInformation("{Actor} registered partner installation {Name}, key fingerprint {Fingerprint}", scope.Actor, registered.Name,
            InstallationIdentity.Grouped(registered.Fingerprint));
        return new Partner(registered.Fingerprint, registered.Name, registered.Actor, registered.ActorName, registered.At);
    }

    /// <summary>Removes a partner: its next archive is refused. Removing one no longer registered changes nothing.</summary>
    public async Task RemoveAsync(UserScope scope, string fingerprint, CancellationToken ct)
    {
        Demand(scope);
        var events = await DecideAsync(list => PartnerDecider.Remove(list, fingerprint, scope.Actor, scope.DisplayName, clock.GetUtcNow()), ct);
        foreach (var removed in events.OfType<PartnerRemoved>())
            log.LogInformation("{Actor} removed partner installation {Name}, key fingerprint {Fingerprint}", scope.Actor, removed.Name,
                InstallationIdentity.Grouped(removed.Fingerprint));
    }

    private async Task<IReadOnlyList<object>> DecideAsync(Func<PartnerList, IReadOnlyList<object>> decide, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var (list, _, version) = await ReadAsync(session, ct);
        var events = decide(list);
        if (events.Count == 0) return events;
        if (version == 0) session.Events.StartStream<PartnerList>(PartnerList.StreamId, [.. events]);
        // The version after the append: another administrator's change since the read fails the commit, never lost.
        else session.Events.Append(PartnerList.StreamId, version + events.Count, [.. events]);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (EventStreams.IsConflict(e) || EventStreams.IsCreationRace(e))
        {
            throw new StreamChangedException(Refusals.Partner.Changed);
        }
        return events;
    }

    private static async Task<(PartnerList List, IReadOnlyList<IEvent> Events, long Version)> ReadAsync(IQuerySession session, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(PartnerList.StreamId, token: ct);
        return (PartnerList.Fold(events.Select(e => e.Data)), events, events.Count == 0 ? 0 : events[^1].Version);
    }

    private static void Demand(UserScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.ViaApiKey || !scope.IsIn(Roles.Admin))
            throw new UnauthorizedAccessException("Only an administrator can register or remove partner installations.");
    }
}
