using DescPortal.Core.Opinion;

namespace DescPortal.Core.Tests.Opinion;

public class VerificationCodeTests
{
    // RFC 4648 base32 of these bytes is "ABCDEFGHIJKLMNOP": in Crockford's alphabet, the symbols 0 to F in order.
    private static readonly byte[] Ordered = [0x00, 0x44, 0x32, 0x14, 0xC7, 0x42, 0x54, 0xB6, 0x35, 0xCF];

    [Fact]
    public void SixteenCrockfordSymbolsInGroupsOfFour()
    {
        Assert.Equal("0123-4567-89AB-CDEF", VerificationCode.Format(Ordered));
        Assert.Equal("0410-6105-0R3G-G28A", VerificationCode.Format([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
        Assert.Equal("0000-0000-0000-0000", VerificationCode.Format(new byte[10]));
        Assert.Equal("ZZZZ-ZZZZ-ZZZZ-ZZZZ", VerificationCode.Format(Enumerable.Repeat((byte)0xFF, 10).ToArray()));
        Assert.Equal(VerificationCode.Length, VerificationCode.Format(Ordered).Length);
    }

    [Fact]
    public void AtLeastSixtyBitsOfTheRandomnessReachTheCode()
    {
        Assert.True(VerificationCode.RandomBytes * 8 >= 60);
        var zero = VerificationCode.Format(new byte[10]);
        // Every one of the 80 bits changes the code.
        var codes = Enumerable.Range(0, 80).Select(bit =>
        {
            var bytes = new byte[10];
            bytes[bit / 8] = (byte)(0x80 >> (bit % 8));
            return VerificationCode.Format(bytes);
        }).ToList();
        Assert.DoesNotContain(zero, codes);
        Assert.Equal(80, codes.Distinct().Count());
    }

    [Theory]
    [InlineData(9)]
    [InlineData(11)]
    [InlineData(0)]
    public void FormatTakesExactlyTenBytes(int length)
    {
        Assert.Throws<ArgumentException>(() => VerificationCode.Format(new byte[length]));
    }

    [Theory]
    [InlineData("0123-4567-89AB-CDEF")]
    [InlineData("0123-4567-89ab-cdef")]
    [InlineData("0123456789ABCDEF")]
    [InlineData(" 0123 4567 89AB CDEF ")]
    [InlineData("O123-4567-89AB-CDEF")]
    [InlineData("0i23-4567-89AB-CDEF")]
    [InlineData("0L23-4567-89AB-CDEF")]
    [InlineData("0123 - 4567 - 89AB - CDEF")]
    public void ParsesWhatAPersonTypesIntoTheCanonicalCode(string typed)
    {
        Assert.True(VerificationCode.TryParse(typed, out var code));
        Assert.Equal("0123-4567-89AB-CDEF", code);
    }

    [Fact]
    public void EveryFormattedCodeParsesBackToItself()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var bytes = new byte[10];
            new Random(seed).NextBytes(bytes);
            var formatted = VerificationCode.Format(bytes);
            Assert.True(VerificationCode.TryParse(formatted.ToLowerInvariant(), out var parsed));
            Assert.Equal(formatted, parsed);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("----")]
    [InlineData("0123-4567-89AB-CDE")]
    [InlineData("0123-4567-89AB-CDEF0")]
    [InlineData("0123-4567-89AB-CDEU")]
    [InlineData("0123-4567-89AB-CDE*")]
    [InlineData("0123_4567_89AB_CDEF")]
    [InlineData("0123-4567-89AB-CDE\u0661")]
    [InlineData("DESC-2026-000042-R1")]
    [InlineData("01-23-45-67-89-AB-CD-EF")]
    [InlineData("-0123-4567-89AB-CDEF")]
    [InlineData("0123-4567-89AB-CDEF-")]
    public void MalformedCodesAreRefused(string? typed)
    {
        Assert.False(VerificationCode.TryParse(typed, out var code));
        Assert.Null(code);
        Assert.False(VerificationCode.IsValid(typed));
    }

    [Fact]
    public void AVeryLongInputIsRefusedWithoutReadingIt()
    {
        Assert.False(VerificationCode.IsValid(new string('-', 10_000) + "0123456789ABCDEF"));
    }
}
