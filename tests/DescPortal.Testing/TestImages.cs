using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using NetVips;

namespace DescPortal.Testing;

/// <summary>Images made in code for upload tests: real JPEG/PNG/TIFF bytes, and the bad files a border post might send.</summary>
public static class TestImages
{
    /// <summary>A noisy gradient so that JPEG bytes differ by size and seed (two images never share a hash).</summary>
    public static byte[] Jpeg(int width = 320, int height = 200, int seed = 1) => Make(width, height, seed).JpegsaveBuffer(q: 85);
    public static byte[] Png(int width = 320, int height = 200, int seed = 2) => Make(width, height, seed).PngsaveBuffer();
    public static byte[] Tiff(int width = 320, int height = 200, int seed = 3) => Make(width, height, seed).TiffsaveBuffer();

    /// <summary>A JPEG cut short: its header is fine, its pixels are not all there.</summary>
    public static byte[] TruncatedJpeg() { var full = Jpeg(800, 600, 9); return full[..(full.Length / 2)]; }

    public static byte[] Gif() => Encoding.ASCII.GetBytes("GIF89a\x01\x00\x01\x00\x00\x00\x00;");

    public static byte[] Text() => Encoding.UTF8.GetBytes("This is not an image, whatever its name says.");

    /// <summary>A tiny PNG whose header declares 60,000 x 60,000 pixels (a decompression bomb).</summary>
    public static byte[] PixelBombPng()
    {
        using var ms = new MemoryStream();
        ms.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, 60_000);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), 60_000);
        ihdr[8] = 8; // bit depth; colour type 0 (grey), no interlace
        Chunk(ms, "IHDR", ihdr);
        using (var z = new MemoryStream())
        {
            using (var zlib = new ZLibStream(z, CompressionLevel.SmallestSize, leaveOpen: true)) zlib.Write(new byte[60_001]);
            Chunk(ms, "IDAT", z.ToArray());
        }
        Chunk(ms, "IEND", []);
        return ms.ToArray();
    }

    private static Image Make(int width, int height, int seed)
    {
        using var x = Image.Xyz(width, height);
        using var noise = Image.Gaussnoise(width, height, sigma: 30, seed: seed);
        using var r = x[0] * (255.0 / width);
        using var g = x[1] * (255.0 / height);
        using var red = r + noise;
        using var blue = noise + 128;
        using var rgb = red.Bandjoin(g, blue);
        return rgb.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        Span<byte> len = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(len, data.Length);
        s.Write(len);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        s.Write(typeBytes);
        s.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(len, Crc32(typeBytes.Concat(data).ToArray()));
        s.Write(len);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
