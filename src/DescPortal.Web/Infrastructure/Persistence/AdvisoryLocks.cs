using Npgsql;

namespace DescPortal.Web.Infrastructure.Persistence;

/// <summary>
/// Serialises work on one thing (a case's report, an image's tiles, the agency directory) across every process of the
/// installation: a PostgreSQL advisory lock, scoped to a transaction of its own that is held open while the work runs,
/// so PostgreSQL releases it when the work ends, fails or its process dies. Dispose it after the work's own commit.
/// </summary>
public sealed class AdvisoryLocks(NpgsqlDataSource dataSource)
{
    /// <param name="purpose">What is locked ("report", "tiles", …); locks of different purposes never wait for each other.</param>
    /// <param name="id">Which one; <see cref="Guid.Empty"/> for a lock of the whole purpose.</param>
    public async Task<IAsyncDisposable> AcquireAsync(string purpose, Guid id, CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            var transaction = await connection.BeginTransactionAsync(ct);
            await using (var command = new NpgsqlCommand("select pg_advisory_xact_lock($1, $2)", connection, transaction))
            {
                // Two 32-bit keys: the purpose and the id. Two ids sharing a key only wait for each other.
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = StableHash(purpose) });
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = StableHash(id.ToString("N")) });
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
