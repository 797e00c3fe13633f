using Azure.Storage.Blobs;
using DescPortal.Core;
using DescPortal.Web.Infrastructure.Settings;

namespace DescPortal.Web.Infrastructure.Blobs;

public static class BlobsSetup
{
    /// <summary>Blob storage (Azurite locally), its containers (created at start), the checked intake of images and their tiles.</summary>
    public static IServiceCollection AddDescBlobs(this IServiceCollection services, string connectionString, IConfiguration config)
    {
        services.AddSingleton(new BlobServiceClient(connectionString));
        services.AddSingleton<BlobContainers>();
        services.AddSettings<UploadLimits>(config);
        services.AddSingleton<ImageIntake>();
        // Before any image is read: process-wide, libvips has no other switch.
        ImageDecoders.Restrict();
        // Deep Zoom pyramids of any image (evidence, specimens); each feature's job says which images.
        services.AddSingleton<DeepZoom.TilePyramids>();
        services.AddStartupStep("blob containers", StartupOrder.Storage,
            (sp, ct) => sp.GetRequiredService<BlobContainers>().EnsureCreatedAsync(ct));
        return services;
    }
}
