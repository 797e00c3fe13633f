using System.Text.Json;

namespace DescPortal.Core.Tests;

public class VocabularyTests
{
    // The codes of domain.md, verbatim: stored events and API clients depend on them.
    [Fact]
    public void CodesAreExactlyThoseOfTheDomain()
    {
        Assert.Equal(
            ["White", "WhiteOblique", "Transmitted", "Coaxial", "UV365", "UV313", "UV254", "IR", "IRLuminescence",
             "AntiStokes", "PointLight", "Other"],
            Enum.GetNames<LightSource>());
        Assert.Equal(
            ["DataPage", "Cover", "InsideCover", "VisaPage", "Stamp", "Portrait", "Mrz", "Detail", "Other"],
            Enum.GetNames<DocumentArea>());
        Assert.Equal(
            ["Passport", "IdentityCard", "Visa", "ResidencePermit", "RefugeeTravelDocument", "Other"],
            Enum.GetNames<DocumentType>());
        Assert.Equal(["F", "M", "X"], Enum.GetNames<Sex>());
        Assert.Equal(["Routine", "Urgent"], Enum.GetNames<Urgency>());
        Assert.Equal(
            ["Genuine", "Counterfeit", "Forged", "FraudulentlyObtained", "Impostor", "Pseudo", "StolenBlank", "Inconclusive"],
            Enum.GetNames<FraudType>());
        Assert.Equal(
            ["PhotoSubstitution", "PageSubstitution", "VizAlteration", "MrzAlteration", "VisaOrStampTampering", "Assembled"],
            Enum.GetNames<ForgerySubType>());
        Assert.Equal(["Consistent", "Inconsistent", "Absent", "Altered", "NotAssessable"], Enum.GetNames<Finding>());
        Assert.Equal(
            ["Submitted", "InExamination", "AwaitingInformation", "InReview", "Returned", "Approved", "Reported",
             "Closed", "Withdrawn"],
            Enum.GetNames<ReferralStatus>());
    }

    [Fact]
    public void CodesSerializeAsTheirNamesEvenWithoutAConfiguredConverter()
    {
        Assert.Equal("\"UV365\"", JsonSerializer.Serialize(LightSource.UV365));
        Assert.Equal("\"InExamination\"", JsonSerializer.Serialize(ReferralStatus.InExamination, JsonSerializerOptions.Web));
        Assert.Equal(Sex.X, JsonSerializer.Deserialize<Sex>("\"X\""));
    }

    [Theory]
    [InlineData("UV365", LightSource.UV365)]
    [InlineData("uv365", LightSource.UV365)]
    [InlineData(" IRLuminescence ", LightSource.IRLuminescence)]
    public void ParsesCodesByNameIgnoringCase(string text, LightSource expected)
    {
        Assert.True(Code.TryParse<LightSource>(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("3")]
    [InlineData("99")]
    [InlineData("White,IR")]
    [InlineData("Ultraviolet")]
    public void RefusesNumbersCombinationsAndUnknownNames(string? text)
    {
        Assert.False(Code.TryParse<LightSource>(text, out _));
    }

    [Fact]
    public void ListsCodesForMessages()
    {
        Assert.Equal("F, M or X", Code.ListOf<Sex>());
        Assert.Equal("Routine or Urgent", Code.ListOf<Urgency>());
    }
}
