using DescPortal.Web.Infrastructure.Settings;

namespace DescPortal.Web.Features.Account;

/// <summary>Signing in and out: the throttled sign-in and its settings (section <c>SignIn</c>); the page of one-time links to set a password.</summary>
public static class AccountSetup
{
    public static IServiceCollection AddAccount(this IServiceCollection services, IConfiguration config)
    {
        services.AddSettings<SignInThrottleOptions>(config);
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<AccountSignIn>();
        return services;
    }
}
