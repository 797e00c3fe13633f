using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DescPortal.Web.Infrastructure.Identity;

/// <summary>ASP.NET Core Identity's EF Core store, in its own schema of the portal's database.</summary>
public sealed class IdentityStore(DbContextOptions<IdentityStore> options) : IdentityDbContext<DescUser>(options)
{
    public const string Schema = "identity";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDefaultSchema(Schema);
        builder.Entity<DescUser>(u =>
        {
            u.Property(x => x.DisplayName).HasMaxLength(200);
            u.Property(x => x.AgencyCode).HasMaxLength(50);
            u.Property(x => x.CountryCode).HasMaxLength(3);
        });
    }
}
