using DescPortal.Core.Referrals;
using DescPortal.Web.Infrastructure.Persistence;
using Marten;
using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace DescPortal.Web.Features.Referrals;

/// <summary>
/// DESC-YYYY-NNNNNN numbers, sequential per year. The counter row is bumped inside the session's own transaction,
/// so a submission that fails rolls its number back and leaves no gap.
/// </summary>
public static class ReferenceNumbers
{
    private const string Table = "reference_counters";

    public static void AddSchema(StoreOptions opts)
    {
        var table = new Table($"{MartenSetup.Schema}.{Table}");
        table.AddColumn<int>("year").AsPrimaryKey();
        table.AddColumn<int>("last_value").NotNull();
        opts.Storage.ExtendedSchemaObjects.Add(table);
    }

    /// <summary>Takes the next number of the year; the session's transaction must already be open.</summary>
    public static async Task<string> NextAsync(IDocumentSession session, int year, CancellationToken ct)
    {
        await session.BeginTransactionAsync(ct);
        await using var cmd = new NpgsqlCommand(
            $"""
             INSERT INTO {MartenSetup.Schema}.{Table} (year, last_value) VALUES (@year, 1)
             ON CONFLICT (year) DO UPDATE SET last_value = {Table}.last_value + 1
             RETURNING last_value
             """, session.Connection);
        cmd.Parameters.AddWithValue("year", year);
        var next = (int)(await cmd.ExecuteScalarAsync(ct))!;
        return ReferenceNumber.Format(year, next);
    }
}
