using DescPortal.Core.Custody;
using JasperFx.Events;
using Marten;
using Marten.Services;

namespace DescPortal.Web.Infrastructure.Custody;

/// <summary>
/// Chains every event appended through any session, whatever the feature: before the commit, each new event gets its
/// hash and the previous event's hash as headers (Core's <see cref="CustodyChain"/>), in the same row and the same
/// transaction as the event. An append to an existing stream must say which version it follows (FetchForWriting, as
/// every write path does: Persistence/EventStreams); one that does not is refused, as its chain could fork.
/// </summary>
public sealed class CustodyChainListener : DocumentSessionListenerBase
{
    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var serializer = session.DocumentStore.Options.Serializer();
        foreach (var stream in session.PendingChanges.Streams().Where(s => s.Events.Count > 0))
        {
            long before;
            string? previous;
            byte[]? salt;
            if (stream.ActionType == StreamActionType.Start)
            {
                (before, previous, salt) = (0, null, CustodyChain.NewSalt());
                session.Store(new CustodySalt { Id = stream.Id, Salt = salt });
            }
            else
            {
                before = stream.ExpectedVersionOnServer
                    ?? throw new InvalidOperationException($"An append to stream {stream.Id} does not say which version it follows: its custody chain could fork.");
                previous = await CustodyChainStore.HashAtAsync(session, stream.Id, before, token);
                salt = (await session.LoadAsync<CustodySalt>(stream.Id, token))?.Salt;
            }

            var version = before;
            foreach (var e in stream.Events)
            {
                version++;
                var canonical = CustodyChain.Canonical(serializer.ToJson(e.Data), e.EventType, salt);
                var hash = CustodyChain.Hash(stream.Id, version, e.EventTypeName, previous, canonical);
                e.SetHeader(CustodyChain.HashHeader, hash);
                if (previous is not null) e.SetHeader(CustodyChain.PreviousHashHeader, previous);
                previous = hash;
            }
        }
    }
}
