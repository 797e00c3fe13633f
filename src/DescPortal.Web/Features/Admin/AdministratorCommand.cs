using DescPortal.Web.Infrastructure.Identity;

namespace DescPortal.Web.Features.Admin;

/// <summary>
/// <c>DescPortal.Web create-admin --email … --name … [--url https://…]</c> (<c>infra/desc create-admin</c>): an
/// administrator created from the command line with the portal's settings, which is how an installation gets its
/// first one. The account has no password: the command prints a one-time link with which its owner sets it.
/// </summary>
public static class AdministratorCommand
{
    /// <summary>The actor the account's creation is logged under.</summary>
    private static readonly UserScope Installer =
        new("create-admin", "create-admin command", new HashSet<string> { Roles.Admin }, null, null, false) { UserName = "installation" };

    /// <returns>0 when created; 2 when refused (each reason printed with its option).</returns>
    public static async Task<int> RunCommandAsync(IServiceProvider services, IConfiguration options, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        // Possibly the installation's very first run: the account tables and roles first (as the portal's start does).
        await IdentitySchema.EnsureAsync(sp.GetRequiredService<IdentityStore>(), ct);
        await IdentitySchema.EnsureRolesAsync(sp);

        var email = options["email"] ?? "";
        var created = await sp.GetRequiredService<CreateUser>().HandleAsync(Installer,
            new NewUser { Email = email, DisplayName = options["name"] ?? "", Role = Roles.Admin }, ct);
        if (!created.Succeeded)
        {
            foreach (var (field, message) in created.Errors.All)
                output.WriteLine(field switch { CreateUser.Email => "--email: ", CreateUser.DisplayName => "--name: ", _ => "" } + message);
            return 2;
        }

        var link = created.Value!.Link;
        var site = options["url"]?.TrimEnd('/') ?? "";
        output.WriteLine($"Administrator {email.Trim()} created, without a password.");
        output.WriteLine($"They set it themselves with this link, once, before {link.ExpiresAt:yyyy-MM-dd HH:mm} UTC:");
        output.WriteLine($"  {site}{link.PathAndQuery}");
        if (site.Length == 0) output.WriteLine("(a path on the portal's address; --url https://… prints it whole)");
        return 0;
    }
}
