using DescPortal.Core.Mrz;
using static DescPortal.Core.Tests.Mrz.MrzSamples;

namespace DescPortal.Core.Tests.Mrz;

// The table every format is read by: it must place every character of the format once, and agree with ICAO's vectors.
public class MrzLayoutTests
{
    [Theory]
    [InlineData(MrzFormat.TD1)]
    [InlineData(MrzFormat.TD2)]
    [InlineData(MrzFormat.TD3)]
    public void EveryPositionIsOneFieldOrOneCheckDigit(MrzFormat format)
    {
        var layout = MrzLayout.Of(format);
        var placed = new int[layout.LineCount, layout.LineLength];
        foreach (var field in layout.Fields)
        {
            Place(placed, field.Span);
        }
        foreach (var check in layout.Checks)
        {
            Assert.Equal(1, check.Position.Length);
            Place(placed, check.Position);
        }

        for (var line = 0; line < layout.LineCount; line++)
        {
            for (var position = 0; position < layout.LineLength; position++)
            {
                Assert.True(placed[line, position] == 1,
                    $"{format} line {line + 1}, position {position + 1} is placed {placed[line, position]} times.");
            }
        }
        Assert.Equal(MrzCheck.Shape(format), (layout.LineCount, layout.LineLength));
    }

    [Theory]
    [InlineData(Td1, MrzFormat.TD1)]
    [InlineData(Td2, MrzFormat.TD2)]
    [InlineData(Td3, MrzFormat.TD3)]
    public void TheUtopiaVectorsHoldOnlyTheCharactersOfTheirFields(string mrz, MrzFormat format)
    {
        var layout = MrzLayout.Of(format);
        var lines = mrz.Split('\n');
        foreach (var field in layout.Fields)
        {
            var text = lines[field.Span.Line].Substring(field.Span.Start, field.Span.Length);
            Assert.True(field.Characters.AllowsAll(text), $"{format} {field.Part} '{text}' is not {field.Characters}.");
        }
        foreach (var check in layout.Checks)
        {
            Assert.True(char.IsAsciiDigit(lines[check.Position.Line][check.Position.Start]), $"{format} {check.Field} check digit");
        }
    }

    [Theory]
    [InlineData('A', true, false, true, false)]
    [InlineData('Z', true, false, true, false)]
    [InlineData('0', false, true, true, true)]
    [InlineData('9', false, true, true, true)]
    [InlineData('<', true, false, true, true)]
    [InlineData('a', false, false, false, false)]
    [InlineData(' ', false, false, false, false)]
    public void CharacterSetsFollowIcao(char c, bool alphabetic, bool numeric, bool alphanumeric, bool birthDate)
    {
        Assert.Equal(alphabetic, MrzCharacterSet.Alphabetic.Allows(c, 0));
        Assert.Equal(numeric, MrzCharacterSet.Numeric.Allows(c, 0));
        Assert.Equal(alphanumeric, MrzCharacterSet.Alphanumeric.Allows(c, 0));
        Assert.Equal(birthDate, MrzCharacterSet.NumericOrUnknown.Allows(c, 0));
    }

    [Theory]
    [InlineData('F', true)]
    [InlineData('M', true)]
    [InlineData('X', true)]
    [InlineData('<', true)]
    [InlineData('Q', false)]
    [InlineData('0', false)]
    public void SexIsFMXOrAFiller(char c, bool allowed)
    {
        Assert.Equal(allowed, MrzCharacterSet.Sex.Allows(c, 0));
    }

    [Theory]
    [InlineData("P<", true)]
    [InlineData("PO", true)]
    [InlineData("AC", true)]
    [InlineData("<P", false)]
    [InlineData("P0", false)]
    [InlineData("1<", false)]
    public void DocumentCodeIsALetterThenALetterOrAFiller(string code, bool allowed)
    {
        Assert.Equal(allowed, MrzCharacterSet.DocumentCode.AllowsAll(code));
    }

    private static void Place(int[,] placed, MrzSpan span)
    {
        for (var position = span.Start; position < span.Start + span.Length; position++)
        {
            placed[span.Line, position]++;
        }
    }
}
