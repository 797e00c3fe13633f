using DescPortal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DescPortal.Web.Infrastructure.KeyRing;

/// <summary>
/// The portal's Data Protection keys (cookies, antiforgery tokens, Identity's tokens), one row each in
/// <c>identity."DataProtectionKeys"</c>, so that every process on the database reads the same ring. A context of its
/// own rather than Identity's: its table is created by itself when missing (decision 0003), also in a database whose
/// Identity tables already exist.
/// </summary>
public sealed class KeyRingStore(DbContextOptions<KeyRingStore> options) : DbContext(options), IDataProtectionKeyContext
{
    public const string Table = "DataProtectionKeys";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasDefaultSchema(IdentityStore.Schema);
        modelBuilder.Entity<DataProtectionKey>().ToTable(Table);
    }
}
