using DescPortal.Web.Features.Cases;
using DescPortal.Web.Infrastructure.Identity;
using Marten;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using DescPortal.Web.Infrastructure.Auth;

namespace DescPortal.DemoData;

/// <summary>One demo account; the README and the tests use the same list.</summary>
public sealed record DemoAccount(string Email, string DisplayName, string Role, string? Agency = null, string? Country = null);

/// <summary>
/// First-start data for Development: the two demo agencies, an account per role, the development API keys.
/// Idempotent: every item is created only when missing, so a restart or a second instance changes nothing.
/// </summary>
public sealed class DemoAccounts(IDocumentStore store, UserManager<DescUser> users, TimeProvider clock)
{
    public const string Password = "Demo!2026desc";

    /// <summary>
    /// The authenticator key (base32) of the demo examiners, reviewer and administrator, public like the password: an
    /// authenticator app, <c>oathtool --totp -b KEY</c> or the tests compute its codes. Development only, like them.
    /// </summary>
    public const string AuthenticatorKey = "DESCDEMQ2FAKEYDEVELQPMENTQNLY234";

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("officer.north@desc.local", "Olli North", Roles.FieldOfficer, Agency: "BCP-NORTH"),
        new("officer.south@desc.local", "Sara South", Roles.FieldOfficer, Agency: "BCP-SOUTH"),
        new("examiner@desc.local", "Erik Examiner", Roles.Examiner),
        new("examiner2@desc.local", "Eva Examiner", Roles.Examiner),
        new("reviewer@desc.local", "Rita Reviewer", Roles.Reviewer),
        new("authority@desc.local", "Umar Utopia", Roles.IssuingAuthority, Country: "UTO"),
        new("trainer@desc.local", "Tara Trainer", Roles.Trainer),
        new("admin@desc.local", "Adam Admin", Roles.Admin),
    ];

    /// <summary>Development-only API keys (documented in the README as such).</summary>
    public static readonly IReadOnlyDictionary<string, string> ApiKeys = new Dictionary<string, string>
    {
        ["dev-north-key"] = "BCP-NORTH",
        ["dev-south-key"] = "BCP-SOUTH",
    };

    /// <summary>The development keys' label, in the actor of what they do ("BCP-NORTH key 'development key' (…)").</summary>
    public const string KeyLabel = "development key";

    /// <summary>Who "issued" what the demo data seeds.</summary>
    public const string Seeder = "DescPortal demo data (Development)";

    public static readonly IReadOnlyList<Agency> Agencies =
    [
        new()
        {
            Id = "BCP-NORTH", Name = "Northern Border Police",
            CrossingPoints = [new("NORTH-GATE", "North Gate road crossing", "Europe/Helsinki"),
                              new("NORTH-AIRPORT", "North International Airport", "Europe/Helsinki")],
        },
        new()
        {
            Id = "BCP-SOUTH", Name = "Southern Coast Guard",
            CrossingPoints = [new("SOUTH-PORT", "South Harbour passenger terminal", "Africa/Cairo")],
        },
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        await using (var session = store.LightweightSession())
        {
            foreach (var agency in Agencies)
                if (await session.LoadAsync<Agency>(agency.Id, ct) is null) session.Store(agency);
            foreach (var (key, agency) in ApiKeys)
            {
                // Marked as development keys, also when an older start seeded them unmarked: refused outside Development.
                var existing = await session.LoadAsync<ApiKey>(ApiKey.Hash(key), ct);
                if (existing is { Development: true }) continue;
                session.Store(existing is null
                    ? new ApiKey { Id = ApiKey.Hash(key), AgencyCode = agency, Label = KeyLabel, CreatedAt = clock.GetUtcNow(), IssuedBy = Seeder, Development = true }
                    : Marked(existing));
            }
            await session.SaveChangesAsync(ct);
        }

        foreach (var account in Accounts)
        {
            if (await users.FindByEmailAsync(account.Email) is { } existing)
            {
                // Marked as a development account, also when an older start seeded it unmarked.
                if (!(await users.GetClaimsAsync(existing)).Any(c => c.Type == DescClaims.Development))
                    Check(await users.AddClaimAsync(existing, DevelopmentClaim), account.Email);
                await EnrolAsync(existing, account);
                continue;
            }
            var user = new DescUser
            {
                UserName = account.Email, Email = account.Email, EmailConfirmed = true,
                DisplayName = account.DisplayName, AgencyCode = account.Agency, CountryCode = account.Country,
            };
            Check(await users.CreateAsync(user, Password), account.Email);
            Check(await users.AddToRoleAsync(user, account.Role), account.Email);
            Check(await users.AddClaimAsync(user, DevelopmentClaim), account.Email);
            await EnrolAsync(user, account);
        }
    }

    /// <summary>The roles that need a second factor get the published authenticator key, enrolled.</summary>
    private async Task EnrolAsync(DescUser user, DemoAccount account)
    {
        if (!Roles.NeedSecondFactor.Contains(account.Role) || user.TwoFactorEnabled) return;
        // Where Identity's store keeps the key (what ResetAuthenticatorKeyAsync writes, with a key of our choosing).
        Check(await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", AuthenticatorKey), account.Email);
        Check(await users.SetTwoFactorEnabledAsync(user, true), account.Email);
    }

    /// <summary>What refuses a demo account outside Development (DescSignInManager).</summary>
    private static readonly Claim DevelopmentClaim = new(DescClaims.Development, "demo account");

    private static ApiKey Marked(ApiKey key)
    {
        key.Development = true;
        return key;
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
