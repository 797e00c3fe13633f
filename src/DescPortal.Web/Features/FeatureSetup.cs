using Marten;

namespace DescPortal.Web.Features;

/// <summary>The one place that lists the features: their services, Marten configuration and endpoints.</summary>
public static class FeatureSetup
{
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        return services;
    }

    public static void ConfigureMarten(StoreOptions opts)
    {
    }

    public static void MapFeatures(this WebApplication app)
    {
    }
}
