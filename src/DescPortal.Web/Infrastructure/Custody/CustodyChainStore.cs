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

    /// <summary>Every stream with the version its head says it is at (a deleted last event shows as a shorter chain).</summary>
    public async Task<IReadOnlyList<(Guid Stream, long Version, string? Type)>> StreamsAsync(CancellationToken ct)
    {
        var streams = new List<(Guid, long, string?)>();
        await using var command = dataSource.CreateCommand($"select id, version, type from {Streams} order by id");
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            streams.Add((reader.GetGuid(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        return streams;
    }

    /// <summary>The version a stream's head says it is at, or null when there is no such stream.</summary>
    public async Task<long?> StreamVersionAsync(Guid stream, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"select version from {Streams} where id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = stream });
        return await command.ExecuteScalarAsync(ct) is long version ? version : null;
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

    private static StoredEvent Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetInt64(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4),
        r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6));
}
