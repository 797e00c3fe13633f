using System.Text.Json;
using DescPortal.Core.Referrals;

namespace DescPortal.Core.Tests.Referrals;

public class ReferralSubmissionJsonTests
{
    [Fact]
    public void TheIssuesJsonDeserializesWithWebDefaults()
    {
        var s = JsonSerializer.Deserialize<ReferralSubmission>(Samples.IssueJson, JsonSerializerOptions.Web)!;

        Assert.Equal("NORTH-GATE", s.BorderCrossingPoint);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 8, 30, 0, TimeSpan.Zero), s.InterceptedAt);
        Assert.Equal("UTO", s.RouteFrom);
        Assert.Equal("XXA", s.RouteTo);
        Assert.Equal("Laminate edge lifted near the portrait", s.Reason);
        Assert.Equal("Urgent", s.Urgency);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero), s.AnswerBy);

        Assert.Equal("ERIKSSON", s.Bearer.Surname);
        Assert.Equal("ANNA MARIA", s.Bearer.GivenNames);
        Assert.Null(s.Bearer.NationalName);
        Assert.Equal("UTO", s.Bearer.Nationality);
        Assert.Equal("1974-08-12", s.Bearer.DateOfBirth);
        Assert.Equal("F", s.Bearer.Sex);

        var document = Assert.Single(s.Documents);
        Assert.Equal("Passport", document.DocumentType);
        Assert.Equal("UTO", document.IssuingState);
        Assert.Equal("L898902C3", document.DocumentNumber);
        Assert.Equal(Samples.Mrz, document.Mrz);

        Assert.Equal(2, s.Images.Count);
        Assert.Equal(0, s.Images[0].Document);
        Assert.Equal("White", s.Images[0].LightSource);
        Assert.Equal("DataPage", s.Images[0].Area);
        Assert.Equal(600, s.Images[0].Dpi);
        Assert.Equal("", s.Images[0].Note);
        Assert.Equal("UV365", s.Images[1].LightSource);
        Assert.Equal(365, s.Images[1].WavelengthNm);
        Assert.Null(s.Images[1].Dpi);
    }

    [Fact]
    public void ABadCodeDeserializesSoThatValidationCanNameTheField()
    {
        var json = Samples.IssueJson.Replace("\"UV365\"", "\"UV400\"", StringComparison.Ordinal);

        var s = JsonSerializer.Deserialize<ReferralSubmission>(json, JsonSerializerOptions.Web)!;

        Assert.Equal("UV400", s.Images[1].LightSource);
    }

    [Fact]
    public void ADraftRoundTripsThroughJson()
    {
        var draft = new ReferralSubmission { Reason = "Half typed", Bearer = { Surname = "DOE" } };

        var json = JsonSerializer.Serialize(draft, JsonSerializerOptions.Web);
        var back = JsonSerializer.Deserialize<ReferralSubmission>(json, JsonSerializerOptions.Web)!;

        Assert.Contains("\"reason\":\"Half typed\"", json, StringComparison.Ordinal);
        Assert.Equal("Half typed", back.Reason);
        Assert.Equal("DOE", back.Bearer.Surname);
        Assert.Empty(back.Documents);
    }
}
