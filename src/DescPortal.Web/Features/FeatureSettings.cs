using DescPortal.Core;
using DescPortal.Web.Features.Demo;
using DescPortal.Web.Features.Opinion;
using DescPortal.Web.Features.Referrals.Drafts;
using DescPortal.Web.Infrastructure.Settings;

namespace DescPortal.Web.Features;

/// <summary>
/// The features' configuration sections, each class in its feature's folder (UploadLimits in Core, which validation
/// shares); bound and checked at start like the infrastructure's (<see cref="SettingsSetup"/>). The exchange registers
/// its own in ExchangeSetup.
/// </summary>
public static class FeatureSettings
{
    public static IServiceCollection AddFeatureSettings(this IServiceCollection services, IConfiguration config)
    {
        services.AddSettings<UploadLimits>(config);
        services.AddSettings<VerificationOptions>(config);
        services.AddSettings<DraftOptions>(config);
        services.AddSettings<DemoDataOptions>(config);
        return services;
    }
}
