using System.Net;
using DescPortal.Testing;
using DescPortal.Web.Features.ReferenceLibrary;
using DescPortal.Web.Infrastructure.Blobs;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using Xunit;
using DescPortal.DemoData;

namespace DescPortal.IntegrationTests.ReferenceLibrary;

/// <summary>
/// The list page's card thumbnails: a 480 px JPEG preview of a specimen image, made from the original on first
/// request, stored in the derivatives container and served from there afterwards, behind the same scope check as
/// the original.
/// </summary>
public sealed class LibraryPreviewTests(IntegrationHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Guid Uto = LibrarySeeding.IdOf("UTO-P-2007");
    private static readonly Guid UtoWhite = LibrarySeeding.IdOf("UTO-P-2007/datapage-white");
    private static readonly Guid Xxa = LibrarySeeding.IdOf("XXA-P-2021");
    private static readonly Guid XxaWhite = LibrarySeeding.IdOf("XXA-P-2021/datapage-white");

    [Fact]
    public async Task The_preview_is_a_small_jpeg_made_once_and_then_served_from_the_derivatives_container()
    {
        var image = (await host.EntryAsync(Uto)).Specimen.FindImage(UtoWhite)!;
        var stored = host.Services.GetRequiredService<BlobContainers>().Derivatives.GetBlobClient(LibraryEndpoints.PreviewBlobName(image));
        await stored.DeleteIfExistsAsync(cancellationToken: Ct);
        using var client = await host.SignedInClientAsync("examiner@desc.local");

        var first = await client.GetAsync($"/library/{Uto}/images/{UtoWhite}/preview", Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("image/jpeg", first.Content.Headers.ContentType?.MediaType);
        var bytes = await first.Content.ReadAsByteArrayAsync(Ct);
        using (var decoded = Image.NewFromBuffer(bytes))
        {
            Assert.Equal(480, Math.Max(decoded.Width, decoded.Height));
            Assert.Equal(Math.Round(480.0 * Math.Min(image.Width, image.Height) / Math.Max(image.Width, image.Height)),
                Math.Min(decoded.Width, decoded.Height), 1.0);
        }
        Assert.True(bytes.Length * 10 < image.SizeBytes, $"A preview of {bytes.Length} bytes for an original of {image.SizeBytes}.");

        var properties = (await stored.GetPropertiesAsync(cancellationToken: Ct)).Value;
        Assert.Equal(image.Sha256, properties.Metadata["derivedFrom"]);
        Assert.Equal("image/jpeg", properties.ContentType);

        var second = await client.GetAsync($"/library/{Uto}/images/{UtoWhite}/preview", Ct);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("image/jpeg", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes, await second.Content.ReadAsByteArrayAsync(Ct));
        // Served from the stored derivative: not made and written again.
        Assert.Equal(properties.ETag, (await stored.GetPropertiesAsync(cancellationToken: Ct)).Value.ETag);
    }

    [Fact]
    public async Task The_original_stays_where_it_was()
    {
        var image = (await host.EntryAsync(Uto)).Specimen.FindImage(UtoWhite)!;
        using var client = await host.SignedInClientAsync("examiner@desc.local");

        var response = await client.GetAsync($"/library/{Uto}/images/{UtoWhite}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(image.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(image.SizeBytes, (await response.Content.ReadAsByteArrayAsync(Ct)).LongLength);
    }

    [Fact]
    public async Task An_authority_gets_no_preview_of_another_countrys_image_nor_by_pairing_it_with_its_own_specimen()
    {
        using var client = await host.SignedInClientAsync("authority@desc.local");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/library/{Xxa}/images/{XxaWhite}/preview", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/library/{Uto}/images/{XxaWhite}/preview", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/library/{Uto}/images/{UtoWhite}/preview", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_officer_gets_no_preview()
    {
        using var client = await host.SignedInClientAsync("officer.north@desc.local");

        var response = await client.GetAsync($"/library/{Uto}/images/{UtoWhite}/preview", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("image/jpeg", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Without_sign_in_the_preview_sends_to_sign_in()
    {
        using var anonymous = host.CreateClient(new() { AllowAutoRedirect = false });

        var response = await anonymous.GetAsync($"/library/{Uto}/images/{UtoWhite}/preview", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
