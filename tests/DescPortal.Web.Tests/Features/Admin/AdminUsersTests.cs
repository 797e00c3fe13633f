using Bunit;
using DescPortal.Web.Features.Admin;
using DescPortal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Xunit;
using static DescPortal.Web.Tests.Features.Admin.AdminTestKit;

namespace DescPortal.Web.Tests.Features.Admin;

public sealed class AdminUsersTests(ComponentHost host) : ComponentTest(host)
{
    [Fact]
    public async Task A_created_user_shows_in_the_grid_without_a_password_and_the_admin_gets_the_one_time_link()
    {
        SignInAs("admin@desc.local");
        var cut = RenderWithProviders<AdminUsers>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=user-email]")));
        var email = $"new.examiner.{Guid.NewGuid():N}@desc.local";

        cut.Type("new-email", email);
        cut.Type("new-display-name", "Nina New");
        await cut.ChooseAsync("new-role", Roles.Examiner);
        await cut.ClickAsync("create-user");

        // The shared host holds other tests' accounts too: search narrows the grid to this one.
        cut.WaitForAssertion(() => Assert.Equal("", cut.Field("new-email").GetAttribute("value") ?? ""));
        cut.Find("[data-testid=user-search] input, input[data-testid=user-search]").Input(email);
        cut.WaitForAssertion(() =>
            Assert.Equal([email], cut.FindAll("[data-testid=user-email]").Select(e => e.TextContent.Trim())));
        Assert.Contains("Examiner", cut.Find("[data-testid=user-grid] tbody").TextContent, StringComparison.Ordinal);
        // The link is for the person to set their own password; nobody typed one.
        Assert.Contains(email, cut.Find("[data-testid=account-link]").TextContent, StringComparison.Ordinal);
        var link = cut.Find("[data-testid=account-link-url]").TextContent.Trim();
        Assert.Contains("/account/set-password?user=", link, StringComparison.Ordinal);

        await using var scope = Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DescUser>>();
        var user = await users.FindByEmailAsync(email);
        Assert.NotNull(user);
        Assert.False(await users.HasPasswordAsync(user));
        Assert.Contains(Uri.EscapeDataString(user.Id), link, StringComparison.Ordinal);
        Assert.Equal([Roles.Examiner], await users.GetRolesAsync(user));
        Assert.Equal("Nina New", user.DisplayName);
        Assert.Null(user.AgencyCode);
    }

    [Fact]
    public async Task A_field_officer_without_an_agency_is_refused_at_the_agency_field_and_keeps_what_was_typed()
    {
        SignInAs("admin@desc.local");
        var cut = RenderWithProviders<AdminUsers>();
        var email = $"officer.{Guid.NewGuid():N}@desc.local";

        cut.Type("new-email", email);
        cut.Type("new-display-name", "Olga Officer");
        await cut.ChooseAsync("new-role", Roles.FieldOfficer);
        await cut.ClickAsync("create-user");

        // The field's state is set before its render reaches the markup: wait for both.
        cut.WaitForAssertion(() =>
        {
            AssertShown(cut.ErrorOf<AdminUsers, MudSelect<string>>("new-agency"), "must belong to an agency");
            Assert.Contains("must belong to an agency", cut.Markup, StringComparison.Ordinal);
        });
        Assert.Null(cut.ErrorOf<AdminUsers, MudTextField<string>>("new-email"));
        Assert.Equal(email, cut.Field("new-email").GetAttribute("value"));
        Assert.Equal("Olga Officer", cut.Field("new-display-name").GetAttribute("value"));

        await using var scope = Host.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<DescUser>>().FindByEmailAsync(email));
    }

    [Fact]
    public async Task An_issuing_authority_needs_a_known_icao_country()
    {
        var create = Host.Services.GetRequiredService<CreateUser>();
        var input = new NewUser
        {
            Email = $"authority.{Guid.NewGuid():N}@desc.local", DisplayName = "Ida Issuer", Role = Roles.IssuingAuthority,
            CountryCode = "ZZ9",
        };

        var refused = await create.HandleAsync(AdminActor(), input, Ct);
        AssertShown(refused.Errors[CreateUser.Country], "ZZ9");

        input.CountryCode = "uto";
        var created = await create.HandleAsync(AdminActor(), input, Ct);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.All.Values));
        await using var scope = Host.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<DescUser>>().FindByIdAsync(created.Value!.UserId);
        Assert.Equal("UTO", user!.CountryCode);
        Assert.Null(user.AgencyCode);
    }

    [Fact]
    public async Task A_duplicate_email_is_refused_at_the_email_field()
    {
        var result = await Host.Services.GetRequiredService<CreateUser>().HandleAsync(AdminActor(), new NewUser
        {
            Email = "examiner@desc.local", DisplayName = "Someone Else", Role = Roles.Examiner,
        }, Ct);
        AssertShown(result.Errors[CreateUser.Email], "already exists");
    }

    [Fact]
    public async Task An_admin_cannot_disable_their_own_account_but_can_disable_and_enable_another()
    {
        var directory = Host.Services.GetRequiredService<UserDirectory>();
        await using var scope = Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DescUser>>();
        var adminId = (await users.FindByEmailAsync("admin@desc.local"))!.Id;
        var me = AdminActor(adminId);

        var self = await directory.SetDisabledAsync(me, adminId, disabled: true, Ct);
        AssertShown(self.Errors[FieldErrors.Form], "your own account");

        var created = await Host.Services.GetRequiredService<CreateUser>().HandleAsync(me, new NewUser
        {
            Email = $"temp.{Guid.NewGuid():N}@desc.local", DisplayName = "Tim Temp", Role = Roles.Reviewer,
        }, Ct);
        Assert.True(created.Succeeded);
        Assert.True((await directory.SetDisabledAsync(me, created.Value!.UserId, disabled: true, Ct)).Succeeded);
        var row = (await directory.ListAsync(me, Ct)).Single(r => r.Id == created.Value!.UserId);
        Assert.True(row.IsDisabled);
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<DescUser>>();
        // The owner set a password with the link meanwhile: it is right, and still refused.
        var user = (await users.FindByIdAsync(created.Value!.UserId))!;
        Assert.True((await users.AddPasswordAsync(user, "Owners-own-2026")).Succeeded);
        Assert.True((await signIn.CheckPasswordSignInAsync(user, "Owners-own-2026", false)).IsLockedOut);

        Assert.True((await directory.SetDisabledAsync(me, created.Value!.UserId, disabled: false, Ct)).Succeeded);
        Assert.False((await directory.ListAsync(me, Ct)).Single(r => r.Id == created.Value!.UserId).IsDisabled);
    }

    [Fact]
    public async Task A_locked_out_account_is_listed_as_such_and_can_be_unlocked()
    {
        var directory = Host.Services.GetRequiredService<UserDirectory>();
        var created = await Host.Services.GetRequiredService<CreateUser>().HandleAsync(AdminActor(), new NewUser
        {
            Email = $"locked.{Guid.NewGuid():N}@desc.local", DisplayName = "Lou Locked", Role = Roles.Trainer,
        }, Ct);
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DescUser>>();
            var user = (await users.FindByIdAsync(created.Value!.UserId))!;
            for (var i = 0; i < 5; i++) await users.AccessFailedAsync(user);
        }
        Assert.True(directory.IsLockedOut((await directory.ListAsync(AdminActor(), Ct)).Single(r => r.Id == created.Value!.UserId)));

        Assert.True((await directory.UnlockAsync(AdminActor(), created.Value!.UserId, Ct)).Succeeded);

        var row = (await directory.ListAsync(AdminActor(), Ct)).Single(r => r.Id == created.Value!.UserId);
        Assert.False(directory.IsLockedOut(row));
        Assert.Equal(0, row.AccessFailedCount);
    }

    [Fact]
    public async Task Only_an_administrator_may_use_the_handlers()
    {
        var examiner = new UserScope("x", "Erik Examiner", new HashSet<string> { Roles.Examiner }, null, null, false);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Host.Services.GetRequiredService<UserDirectory>().ListAsync(examiner, Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Host.Services.GetRequiredService<CreateUser>()
            .HandleAsync(examiner, new NewUser { Email = "x@desc.local", DisplayName = "X", Role = Roles.Admin }, Ct));
    }
}
