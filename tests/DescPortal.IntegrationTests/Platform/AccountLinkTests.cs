using System.Text.RegularExpressions;
using DescPortal.Testing;
using DescPortal.Web.Features.Admin;
using DescPortal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DescPortal.IntegrationTests.Platform;

/// <summary>
/// Nobody but the account's owner knows its password: an administrator creates an account without one and hands over
/// a one-time link, with which the owner sets it; the link works once and expires. The first administrator of an
/// installation comes from the portal's <c>create-admin</c> command, in Production, the same way.
/// </summary>
public sealed partial class AccountLinkTests(IntegrationHost host, QuickRevalidationHost quick, ProductionHost production)
    : IClassFixture<QuickRevalidationHost>, IClassFixture<ProductionHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly UserScope Admin =
        new("link-admin", "Adam Admin", new HashSet<string> { Roles.Admin }, null, null, false) { UserName = "admin@desc.example" };

    private static NewUser Examiner() => new() { Email = $"link-{Guid.NewGuid():N}@desc.example", DisplayName = "Lina Link", Role = Roles.Examiner };

    [Fact]
    public async Task A_new_accounts_owner_sets_the_password_with_the_link_once_and_the_link_used_again_is_refused()
    {
        var input = Examiner();
        var created = await host.Services.GetRequiredService<CreateUser>().HandleAsync(Admin, input, Ct);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.All.Values));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DescUser>>();
            Assert.False(await users.HasPasswordAsync((await users.FindByIdAsync(created.Value!.UserId))!));
        }
        var link = created.Value!.Link.PathAndQuery;

        using var owner = host.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Null(await owner.SetPasswordAsync(link, "Own-choice-2026"));
        Assert.Null(await owner.SignInAsync(input.Email, "Own-choice-2026"));

        using var other = host.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal("This link has expired or was already used. Ask an administrator for a new one.",
            await other.SetPasswordAsync(link, "Someone-else-2026"));
        Assert.NotNull(await other.SignInAsync(input.Email, "Someone-else-2026"));
    }

    [Fact]
    public async Task A_reset_link_sets_a_new_password_and_identity_rules_are_told_on_the_page()
    {
        var input = Examiner();
        var created = (await host.Services.GetRequiredService<CreateUser>().HandleAsync(Admin, input, Ct)).Value!;
        using var owner = host.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Null(await owner.SetPasswordAsync(created.Link.PathAndQuery, "First-choice-2026"));

        var reset = await host.Services.GetRequiredService<UserDirectory>().ResetLinkAsync(Admin, created.UserId, Ct);
        Assert.True(reset.Succeeded);
        Assert.StartsWith("Passwords must be at least 10 characters.", await owner.SetPasswordAsync(reset.Value!.PathAndQuery, "short"), StringComparison.Ordinal);
        Assert.Null(await owner.SetPasswordAsync(reset.Value.PathAndQuery, "Second-choice-2026"));
        Assert.NotNull(await owner.SignInAsync(input.Email, "First-choice-2026"));
        Assert.Null(await owner.SignInAsync(input.Email, "Second-choice-2026"));
    }

    [Fact]
    public async Task An_expired_link_is_refused()
    {
        var input = Examiner();
        var created = (await quick.Services.GetRequiredService<CreateUser>().HandleAsync(Admin, input, Ct)).Value!;
        // The quick host's links last a second.
        await Task.Delay(QuickRevalidationHost.LinkLifetime + TimeSpan.FromSeconds(1), Ct);

        using var owner = quick.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal("This link has expired or was already used. Ask an administrator for a new one.",
            await owner.SetPasswordAsync(created.Link.PathAndQuery, "Too-late-2026"));
        Assert.NotNull(await owner.SignInAsync(input.Email, "Too-late-2026"));
    }

    [Fact]
    public async Task Create_admin_makes_a_production_installations_administrator_who_sets_their_own_password()
    {
        var email = $"first-admin-{Guid.NewGuid():N}@desc.example";
        var (exit, output) = await CreateAdminAsync("--email", email, "--name", "Fiona First", "--url", "https://desc.example/");
        Assert.True(exit == 0, output);
        var link = PrintedLink().Match(output);
        Assert.True(link.Success, output);

        using var browser = production.CreateClient(new() { BaseAddress = new Uri("https://desc.example/"), AllowAutoRedirect = false, HandleCookies = true });
        Assert.Null(await browser.SetPasswordAsync(link.Groups[1].Value, "Fionas-own-2026"));
        Assert.Null(await browser.SignInAsync(email, "Fionas-own-2026"));
        await using (var scope = production.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DescUser>>();
            Assert.Equal([Roles.Admin], await users.GetRolesAsync((await users.FindByEmailAsync(email))!));
        }

        // The same email again, and no email at all: refused, naming the option.
        var (again, refusal) = await CreateAdminAsync("--email", email, "--name", "Fiona Again");
        Assert.Equal(2, again);
        Assert.Contains($"--email: An account with the email address {email} already exists.", refusal, StringComparison.Ordinal);
        var (none, missing) = await CreateAdminAsync("--name", "Nobody");
        Assert.Equal(2, none);
        Assert.Contains("--email: Enter the email address the person signs in with.", missing, StringComparison.Ordinal);
    }

    /// <summary>Runs the portal's own binary as <c>infra/desc create-admin</c> does, in Production, on the production host's database and key ring.</summary>
    private Task<(int ExitCode, string Output)> CreateAdminAsync(params string[] arguments) =>
        PortalCommand.RunAsync(["create-admin", .. arguments], new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = production.DatabaseConnectionString,
            ["ConnectionStrings__Blobs"] = TestServices.Blobs,
            ["Storage__ContainerPrefix"] = production.ContainerPrefix,
            ["DataProtection__Certificate"] = production.Certificate,
            ["DataProtection__CertificatePassword"] = ProductionHost.Password,
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        }, Ct);

    [GeneratedRegex(@"https://desc\.example(/account/set-password\?\S+)")]
    private static partial Regex PrintedLink();
}
