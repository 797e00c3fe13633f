using Npgsql;

namespace DescPortal.Web.Infrastructure.Persistence;

/// <summary>
/// Serialises slow work on one stream across every process of the installation: a PostgreSQL advisory lock,
/// scoped to a transaction that is held open while the work runs, so PostgreSQL releases it when the work ends,
/// fails or its process dies. Used where two copies would both do seconds of work and one would be thrown away
/// (the report job prints a PDF before it records it).
/// </summary>
public sealed class StreamLocks(NpgsqlDataSource dataSource)
{
    public async Task<IAsyncDisposable> AcquireAsync(string purpose, Guid streamId, CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            var transaction = await connection.BeginTransactionAsync(ct);
            await using (var command = new NpgsqlCommand("select pg_advisory_xact_lock($1, $2)", connection, transaction))
            {
                // Two 32-bit keys: the purpose and the stream. Two streams sharing a key only wait for each other.
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = StableHash(purpose) });
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = StableHash(streamId.ToString("N")) });
                await command.ExecuteNonQueryAsync(ct);
            }
            return new Held(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // string.GetHashCode differs between processes; the lock key must not.
    private static int StableHash(string text)
    {
        var hash = 2166136261u; // FNV-1a
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return unchecked((int)hash);
    }

    private sealed class Held(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try { await transaction.RollbackAsync(CancellationToken.None); }
            finally { await connection.DisposeAsync(); }
        }
    }
}
