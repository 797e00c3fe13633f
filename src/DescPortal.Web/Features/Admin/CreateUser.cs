using System.ComponentModel.DataAnnotations;
using DescPortal.Core;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Infrastructure.Localization;
using Marten;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DescPortal.Web.Features.Admin;

/// <summary>What the admin typed into the "New user" form. Nothing in it is trusted until <see cref="CreateUser"/> checked it.</summary>
public sealed class NewUser
{
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string? Role { get; set; }
    public string? AgencyCode { get; set; }
    public string? CountryCode { get; set; }
}

/// <summary>An account just created, and the one-time link with which its owner sets their password.</summary>
public sealed record NewAccount(string UserId, AccountLink Link);

/// <summary>
/// Creates a portal account with one role. A field officer must belong to an existing agency, an issuing authority
/// to a known ICAO country; other roles carry neither. The account has no password: the administrator hands its owner
/// a one-time link (<see cref="AccountLinks"/>) and the owner sets it, so nobody else ever knows it.
/// </summary>
public sealed class CreateUser(
    IServiceScopeFactory scopes, IDocumentStore store, IStringLocalizer<Strings> L, ILogger<CreateUser> log)
{
    public const string Email = "email", DisplayName = "displayName", Role = "role", Agency = "agency",
        Country = "country";

    private const int MaxEmail = 256, MaxDisplayName = 200;

    /// <returns>The new account's id and link, or the errors by field (nothing is created then).</returns>
    public async Task<AdminResult<NewAccount>> HandleAsync(UserScope actor, NewUser input, CancellationToken ct)
    {
        AdminGuard.Demand(actor);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();

        var email = input.Email?.Trim() ?? "";
        if (email.Length == 0) errors.Add(Email, L["Enter the email address the person signs in with."]);
        else if (email.Length > MaxEmail) errors.Add(Email, L["The email address is too long (at most {0} characters).", MaxEmail]);
        else if (!new EmailAddressAttribute().IsValid(email) || email.Contains(' ', StringComparison.Ordinal))
            errors.Add(Email, L["\"{0}\" is not an email address.", email]);

        var displayName = input.DisplayName?.Trim() ?? "";
        if (displayName.Length == 0) errors.Add(DisplayName, L["Enter the name shown to other users."]);
        else if (displayName.Length > MaxDisplayName) errors.Add(DisplayName, L["The display name is too long (at most {0} characters).", MaxDisplayName]);

        // The role comes from the client: only the portal's own roles are accepted.
        var role = Roles.All.FirstOrDefault(r => string.Equals(r, input.Role, StringComparison.Ordinal));
        if (role is null) errors.Add(Role, L["Choose a role."]);

        string? agencyCode = null, countryCode = null;
        if (role == Roles.FieldOfficer)
        {
            agencyCode = input.AgencyCode?.Trim().ToUpperInvariant();
            if (string.IsNullOrEmpty(agencyCode)) errors.Add(Agency, L["A field officer must belong to an agency: choose one."]);
            else
            {
                await using var session = store.QuerySession();
                if (await session.LoadAsync<Agency>(agencyCode, ct) is null)
                    errors.Add(Agency, L["There is no agency {0}.", agencyCode]);
            }
        }
        if (role == Roles.IssuingAuthority)
        {
            countryCode = input.CountryCode?.Trim().ToUpperInvariant();
            if (string.IsNullOrEmpty(countryCode)) errors.Add(Country, L["An issuing authority must belong to a country: enter its ICAO code."]);
            else if (!IcaoCountries.IsKnown(countryCode)) errors.Add(Country, L["\"{0}\" is not an ICAO country code.", countryCode]);
        }

        // A scope per operation: UserManager and its DbContext are scoped and not thread-safe (EF guidance for Blazor).
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DescUser>>();
        var user = new DescUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName,
            AgencyCode = agencyCode, CountryCode = countryCode, LockoutEnabled = true,
        };

        if (errors[Email] is null && email.Length > 0 && await users.FindByEmailAsync(email) is not null)
            errors.Add(Email, L["An account with the email address {0} already exists.", email]);
        if (errors.Any) return AdminResult.Refused<NewAccount>(errors);

        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user);
        }
        catch (DbUpdateException)
        {
            // The unique user-name index caught a second admin creating the same account a moment earlier.
            return AdminResult.Refused<NewAccount>(Email, L["An account with the email address {0} already exists.", email]);
        }
        AddIdentityErrors(errors, created);
        if (errors.Any) return AdminResult.Refused<NewAccount>(errors);

        var inRole = await users.AddToRoleAsync(user, role!);
        if (!inRole.Succeeded)
        {
            // No half-made account: an account without its role would sign in to an empty portal.
            await users.DeleteAsync(user);
            AddIdentityErrors(errors, inRole);
            return AdminResult.Refused<NewAccount>(errors);
        }

        var link = await scope.ServiceProvider.GetRequiredService<AccountLinks>().IssueAsync(user);
        log.LogInformation("{Actor} created account {UserId} with role {Role}", actor.Actor, user.Id, role);
        return AdminResult.Ok(new NewAccount(user.Id, link));
    }

    /// <summary>Identity's own descriptions, at the field they are about.</summary>
    private void AddIdentityErrors(FieldErrors errors, IdentityResult result)
    {
        foreach (var e in result.Errors)
        {
            var field = e.Code switch
            {
                nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)
                    or nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => Email,
                _ => FieldErrors.Form,
            };
            // One message is enough at the email field (user name and email are the same address here).
            if (field == Email && errors[Email] is not null) continue;
            errors.Add(field, L[e.Description]);
        }
    }
}
