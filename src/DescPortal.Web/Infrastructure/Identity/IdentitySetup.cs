using DescPortal.Web.Infrastructure.Auth;
using DescPortal.Web.Infrastructure.Settings;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DescPortal.Web.Infrastructure.Identity;

public static class IdentitySetup
{
    /// <summary>
    /// Local accounts (Identity on EF Core, schema "identity") for people; API keys for border systems. Sessions (the
    /// cookie and open circuits) are checked against the account every <see cref="AccountOptions.Revalidation"/>.
    /// </summary>
    public static IServiceCollection AddDescIdentity(this IServiceCollection services, string connectionString, IConfiguration config)
    {
        services.AddSettings<AccountOptions>(config);
        services.AddDbContext<IdentityStore>(o => o.UseNpgsql(connectionString));
        services.AddIdentity<DescUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                // Lockout is how an administrator disables an account; failed sign-ins lock nobody out, they are
                // throttled for a minute instead (Features/Account/SignInThrottle says why).
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<IdentityStore>()
            .AddClaimsPrincipalFactory<DescClaimsFactory>()
            .AddSignInManager<DescSignInManager>()
            .AddDefaultTokenProviders();
        // The cookie's account is checked again this often (DescSignInManager.ValidateSecurityStampAsync); its roles
        // are read again then too. One-time links (AccountLinks) expire after the link lifetime.
        services.AddOptions<SecurityStampValidatorOptions>().Configure<AccountOptions>((o, a) => o.ValidationInterval = a.Revalidation);
        services.AddOptions<DataProtectionTokenProviderOptions>().Configure<AccountOptions>((o, a) => o.TokenLifespan = a.LinkLifetime);
        // Open circuits too: registered before Blazor's own provider, which is only added when none is.
        services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();
        services.AddScoped<AccountLinks>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/signin";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "desc.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            // API endpoints answer 401/403; they never redirect to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
        });

        services.AddSingleton<ApiKeyUses>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyDefaults.Scheme, null);

        services.AddAuthorizationBuilder()
            // Fails closed: an endpoint or page that says nothing about access needs a signed-in person. What is
            // public says so itself (AllowAnonymous: sign-in, /verify, health, the API reference, static files).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.AgencyApi, p => p
                .AddAuthenticationSchemes(ApiKeyDefaults.Scheme)
                .RequireAuthenticatedUser()
                .RequireClaim(DescClaims.Agency));
        services.AddCascadingAuthenticationState();
        services.AddStartupStep("identity schema", StartupOrder.Storage,
            (sp, ct) => IdentitySchema.EnsureAsync(sp.GetRequiredService<IdentityStore>(), ct));
        services.AddStartupStep("roles", StartupOrder.Installation, (sp, _) => IdentitySchema.EnsureRolesAsync(sp));
        return services;
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

public static class Policies
{
    /// <summary>Border systems calling API v1 with an agency's X-Api-Key.</summary>
    public const string AgencyApi = nameof(AgencyApi);
}
