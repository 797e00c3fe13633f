using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DescPortal.Web.Infrastructure.Identity;

/// <summary>
/// Creates the tables of an EF Core context of the identity schema (Identity's own, the Data Protection key ring)
/// when missing. EF's EnsureCreated skips a database that already has any table (Marten's, Hangfire's), so the create
/// script is applied directly. See docs/decisions/0003.
/// </summary>
public static class IdentitySchema
{
    public static Task EnsureAsync(IdentityStore db, CancellationToken ct) => EnsureAsync(db, "AspNetUsers", ct);

    /// <summary>Runs <paramref name="db"/>'s create script unless <paramref name="table"/>, one of its tables, exists.</summary>
    public static async Task EnsureAsync(DbContext db, string table, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        try
        {
            // Advisory lock: two instances starting together must not both create the tables.
            await using (var lockCmd = new NpgsqlCommand("SELECT pg_advisory_lock(4711001)", connection))
                await lockCmd.ExecuteNonQueryAsync(ct);

            await using var check = new NpgsqlCommand($"SELECT to_regclass('{IdentityStore.Schema}.\"{table}\"') IS NOT NULL", connection);
            var exists = (bool)(await check.ExecuteScalarAsync(ct))!;
            if (!exists)
            {
                var script = db.Database.GenerateCreateScript();
                await using var create = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS {IdentityStore.Schema};\n" + script, connection);
                await create.ExecuteNonQueryAsync(ct);
            }

            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(4711001)", connection);
            await unlock.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    /// <summary>Every role of <see cref="Roles.All"/> exists (an installation's first start creates them).</summary>
    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (await roles.RoleExistsAsync(role)) continue;
            var created = await roles.CreateAsync(new IdentityRole(role));
            if (!created.Succeeded)
                throw new InvalidOperationException($"Creating the role {role} failed: {string.Join("; ", created.Errors.Select(e => e.Description))}");
        }
    }
}
