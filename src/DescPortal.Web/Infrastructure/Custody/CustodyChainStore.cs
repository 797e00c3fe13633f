using DescPortal.Core.Custody;
using DescPortal.Web.Infrastructure.Persistence;
using Marten;
using Npgsql;

namespace DescPortal.Web.Infrastructure.Custody;

/// <summary>One stored event as the custody check reads it: the row itself, not what Marten would make of it.</summary>
public sealed record StoredEvent(Guid Stream, long Version, string Type, string? DotnetType, string Data, string? Hash, string? PreviousHash);

/// <summary>
/// Reads the chain from <c>mt_events</c> as stored (the JSON text of the row, its headers), so that a check sees what
/// PostgreSQL holds rather than what Marten would deserialize from it.
/// </summary>
public sealed class CustodyChainStore(NpgsqlDataSource dataSource, IDocumentStore store)
{
    private const string Events = MartenSetup.Schema + ".mt_events";
    private const string Streams = MartenSetup.Schema + ".mt_streams";

    private const string Columns = "stream_id, version, type, mt_dotnet_type, data::text, headers ->> '" + CustodyChain.HashHeader
        + "', headers ->> '" + CustodyChain.PreviousHashHeader + "'";

    private const string EventColumns = "e.stream_id, e.version, e.type, e.mt_dotnet_type, e.data::text, e.headers ->> '" + CustodyChain.HashHeader
        + "', e.headers ->> '" + CustodyChain.PreviousHashHeader + "'";

    /// <summary>The hash of event <paramref name="version"/> of a stream, inside the session appending after it.</summary>
    public static async Task<string?> HashAtAsync(IDocumentSession session, Guid stream, long version, CancellationToken ct)
    {
        var events = session.DocumentStore.Options.Events.DatabaseSchemaName + ".mt_events";
        var found = await session.AdvancedSql.QueryAsync<string>(
            $"select coalesce(headers ->> '{CustodyChain.HashHeader}', '') from {events} where stream_id = ? and version = ?", ct, stream, version);
        return found.Count == 1 && found[0].Length > 0 ? found[0] : null;
    }

    /// <summary>The events of one stream, in version order.</summary>
    public async Task<IReadOnlyList<StoredEvent>> EventsOfAsync(Guid stream, CancellationToken ct)
    {
        var events = new List<StoredEvent>();
        await using var command = dataSource.CreateCommand($"select {Columns} from {Events} where stream_id = $1 order by version");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = stream });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) events.Add(Read(reader));
        return events;
    }

    /// <summary>Every stream's id and kind.</summary>
    public async Task<IReadOnlyList<(Guid Stream, string? Type)>> StreamsAsync(CancellationToken ct)
    {
        var streams = new List<(Guid, string?)>();
        await using var command = dataSource.CreateCommand($"select id, type from {Streams} order by id");
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            streams.Add((reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        return streams;
    }

    /// <summary>
    /// A stream's events in version order and the version its head says it is at (a deleted last event shows as a
    /// shorter chain), read in one statement: one snapshot, so that an append made meanwhile by the running portal
    /// is in both or in neither and never looks like a gap.
    /// </summary>
    public async Task<(IReadOnlyList<StoredEvent> Events, long? Head)> ChainOfAsync(Guid stream, CancellationToken ct)
    {
        var events = new List<StoredEvent>();
        long? head = null;
        await using var command = dataSource.CreateCommand(
            $"select s.version, {EventColumns} from {Streams} s left join {Events} e on e.stream_id = s.id where s.id = $1 order by e.version");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = stream });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            head = reader.GetInt64(0);
            if (!reader.IsDBNull(1)) events.Add(Read(reader, 1));
        }
        if (head is null)
        {
            // No head row (deleted, or the stream never was): its events, if any remain, are still read.
            return (await EventsOfAsync(stream, ct), null);
        }
        return (events, head);
    }

    public async Task<byte[]?> SaltOfAsync(Guid stream, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return (await session.LoadAsync<CustodySalt>(stream, ct))?.Salt;
    }

    /// <summary>Events stored before the chain existed (no hash header), oldest first.</summary>
    public async Task<IReadOnlyList<StoredEvent>> UnchainedAsync(CancellationToken ct)
    {
        var events = new List<StoredEvent>();
        await using var command = dataSource.CreateCommand(
            $"select {Columns} from {Events} where headers ->> '{CustodyChain.HashHeader}' is null order by stream_id, version");
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) events.Add(Read(reader));
        return events;
    }

    /// <summary>Writes the chain's headers of an event sealed after the fact (<see cref="CustodyChainStart"/>).</summary>
    public async Task SealAsync(StoredEvent e, string hash, string? previous, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"update {Events} set headers = coalesce(headers, '{{}}'::jsonb) || jsonb_strip_nulls(jsonb_build_object('{CustodyChain.HashHeader}', $3::text, '{CustodyChain.PreviousHashHeader}', $4::text)) where stream_id = $1 and version = $2");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = e.Stream });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = e.Version });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = hash });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)previous ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static StoredEvent Read(NpgsqlDataReader r, int at = 0) => new(
        r.GetGuid(at), r.GetInt64(at + 1), r.GetString(at + 2), r.IsDBNull(at + 3) ? null : r.GetString(at + 3), r.GetString(at + 4),
        r.IsDBNull(at + 5) ? null : r.GetString(at + 5), r.IsDBNull(at + 6) ? null : r.GetString(at + 6));
}
