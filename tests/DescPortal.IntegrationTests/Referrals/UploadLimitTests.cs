using System.Net;
using DescPortal.Testing;
using Microsoft.AspNetCore.Hosting;
using Xunit;

namespace DescPortal.IntegrationTests.Referrals;

/// <summary>A portal with tiny upload limits, so that every limit can be crossed with small files.</summary>
public sealed class SmallLimitsHost : PortalHost
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Uploads:MaxFileBytes", "60000");
        builder.UseSetting("Uploads:MaxPixels", "100000");
        builder.UseSetting("Uploads:MaxFilesPerReferral", "2");
        // The demo specimens' images are over these limits, and this host tests referrals only.
        builder.UseSetting("DemoData:Specimens", "false");
    }
}

public sealed class UploadLimitTests(SmallLimitsHost host) : IClassFixture<SmallLimitsHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_file_over_the_size_limit_is_a_413_naming_the_image()
    {
        var big = TestImages.Png(400, 240, seed: 5); // noisy PNG: well over 60,000 bytes
        Assert.True(big.Length > 60_000);
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);

        var response = await client.PostAsync("/api/v1/referrals", ReferralRequests.Multipart(ReferralRequests.Example(), big), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Contains("Image 1", body.GetProperty("errors").GetProperty("images[0]")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_over_the_pixel_limit_is_a_422()
    {
        var wide = TestImages.Jpeg(400, 300, seed: 6); // 120,000 pixels
        Assert.True(wide.Length < 60_000, $"{wide.Length} bytes");
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);

        var response = await client.PostAsync("/api/v1/referrals", ReferralRequests.Multipart(ReferralRequests.Example(), wide), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("megapixels", (await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_images_than_allowed_is_a_400_at_images()
    {
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var files = new[] { TestImages.Jpeg(100, 80, 1), TestImages.Jpeg(100, 80, 2), TestImages.Jpeg(100, 80, 3) };

        var response = await client.PostAsync("/api/v1/referrals",
            ReferralRequests.Multipart(ReferralRequests.Example("White", "UV365", "IR"), files), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("images", out _));
    }

    [Fact]
    public async Task Within_the_limits_the_same_portal_accepts_the_referral()
    {
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var response = await client.PostAsync("/api/v1/referrals",
            ReferralRequests.Multipart(ReferralRequests.Example(), TestImages.Jpeg(200, 150, 7)), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
