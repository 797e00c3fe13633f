using DescPortal.Core.Mrz;

namespace DescPortal.Core.Tests.Mrz;

public class MrzNamesTests
{
    [Theory]
    [InlineData("Müller", "MUELLER")]
    [InlineData("Ørsted", "OERSTED")]
    [InlineData("Åsa", "AASA")]
    [InlineData("Groß", "GROSS")]
    [InlineData("Þórunn", "THORUNN")]
    [InlineData("ĳsselmeer", "IJSSELMEER")]
    [InlineData("Œuvray", "OEUVRAY")]
    [InlineData("Núñez", "NUNEZ")]
    [InlineData("Çelik", "CELIK")]
    [InlineData("Dvořák", "DVORAK")]
    [InlineData("Łukasz", "LUKASZ")]
    [InlineData("Ştefănescu", "STEFANESCU")]
    [InlineData("Nguyễn", "NGUYEN")] // not in the table: the base letter of its decomposition
    [InlineData("O'Brien-Smith", "OBRIEN<SMITH")]
    [InlineData("D’Artagnan", "DARTAGNAN")]
    [InlineData("Anna  Maria", "ANNA<MARIA")]
    [InlineData("van der Berg, Jr.", "VAN<DER<BERG<JR")]
    [InlineData(" Jean - Pierre ", "JEAN<PIERRE")]
    [InlineData("Иванов", "IVANOV")]
    [InlineData("Жанна Щербакова", "ZHANNA<SHCHERBAKOVA")]
    [InlineData("Пётр Ильич Чайковский", "PETR<ILICH<CHAIKOVSKII")]
    [InlineData("Объедков", "OBIEEDKOV")]
    [InlineData("Хрущёв", "KHRUSHCHEV")]
    [InlineData("Юлия", "IULIIA")]
    [InlineData("Παπαδόπουλος", "PAPADOPOULOS")]
    [InlineData("Ευάγγελος", "EVANGELOS")]
    [InlineData("Γεώργιος", "GEORGIOS")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void TransliteratesToTheRecommendedForm(string? name, string mrz)
    {
        Assert.True(MrzNames.TryTransliterate(name, out var written));
        Assert.Equal(mrz, written);
    }

    [Theory]
    [InlineData("李")]
    [InlineData("محمد")]
    public void NamesWithoutATransliterationHereAreRefused(string name)
    {
        Assert.False(MrzNames.TryTransliterate(name, out var written));
        Assert.Null(written);
    }

    [Fact]
    public void BuildsTheTd3VectorsNameField()
    {
        Assert.True(MrzNames.TryNameField("Eriksson", "Anna Maria", MrzFormat.TD3, out var field));
        Assert.Equal("ERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", field);
        Assert.Equal(39, field.Length);
    }

    [Fact]
    public void TruncatesTheSecondaryIdentifierAndKeepsThePrimary()
    {
        // HAEMAELAEINEN<VIRTANEN (22) + << leaves 6 of TD1's 30 for ANNA<MARIA<JOHANNA.
        Assert.True(MrzNames.TryNameField("Hämäläinen-Virtanen", "Anna Maria Johanna", MrzFormat.TD1, out var field));
        Assert.Equal("HAEMAELAEINEN<VIRTANEN<<ANNA<M", field);
    }

    [Fact]
    public void TruncatesAPrimaryIdentifierLongerThanTheField()
    {
        Assert.True(MrzNames.TryNameField("Wolfeschlegelsteinhausenbergerdorff", "Hubert", MrzFormat.TD1, out var field));
        Assert.Equal("WOLFESCHLEGELSTEINHAUSENBERGER", field);
    }

    [Fact]
    public void NameWithoutGivenNamesIsPaddedWithoutTheDoubleFiller()
    {
        Assert.True(MrzNames.TryNameField("Madonna", null, 30, out var field));
        Assert.Equal("MADONNA<<<<<<<<<<<<<<<<<<<<<<<", field);
    }

    [Fact]
    public void FieldLengths()
    {
        Assert.Equal(39, MrzNames.FieldLength(MrzFormat.TD3));
        Assert.Equal(31, MrzNames.FieldLength(MrzFormat.TD2));
        Assert.Equal(30, MrzNames.FieldLength(MrzFormat.TD1));
    }
}
