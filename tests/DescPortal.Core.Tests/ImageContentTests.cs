namespace DescPortal.Core.Tests;

public class ImageContentTests
{
    public static TheoryData<byte[], ImageKind> Signatures => new()
    {
        { [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46], ImageKind.Jpeg },
        { [0xFF, 0xD8, 0xFF], ImageKind.Jpeg },
        { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], ImageKind.Png },
        { "II*\0"u8.ToArray(), ImageKind.Tiff },
        { "MM\0*"u8.ToArray(), ImageKind.Tiff },
        { "II+\0"u8.ToArray(), ImageKind.Tiff },
        { "MM\0+"u8.ToArray(), ImageKind.Tiff },
    };

    [Theory]
    [MemberData(nameof(Signatures))]
    public void RecognisesEachKindByItsFirstBytes(byte[] bytes, ImageKind kind)
    {
        Assert.Equal(kind, ImageContent.Detect(bytes));
    }

    public static TheoryData<byte[]> NotImages => new()
    {
        Array.Empty<byte>(),
        new byte[] { 0xFF, 0xD8 },
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A }, // PNG cut one byte short
        "GIF89a\x01\0"u8.ToArray(),
        "%PDF-1.7"u8.ToArray(),
        "II*"u8.ToArray(),
        "MM*\0"u8.ToArray(), // byte order and magic number that do not go together
        "BM6\0\0\0\0\0"u8.ToArray(),
    };

    [Theory]
    [MemberData(nameof(NotImages))]
    public void RefusesEverythingElse(byte[] bytes)
    {
        Assert.Null(ImageContent.Detect(bytes));
    }

    [Theory]
    [InlineData(ImageKind.Jpeg, "image/jpeg", ".jpg")]
    [InlineData(ImageKind.Png, "image/png", ".png")]
    [InlineData(ImageKind.Tiff, "image/tiff", ".tif")]
    public void EachKindHasItsContentTypeAndExtension(ImageKind kind, string contentType, string extension)
    {
        Assert.Equal(contentType, ImageContent.ContentType(kind));
        Assert.Equal(extension, ImageContent.FileExtension(kind));
    }

    [Fact]
    public void SignatureLengthIsEnoughForTheLongestSignature()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        Assert.Equal(ImageKind.Png, ImageContent.Detect(png.AsSpan(0, ImageContent.SignatureLength)));
    }
}
