using System.Text.Json;
using DescPortal.Core.Referrals;

namespace DescPortal.Core.Tests.Referrals;

// Events are stored as JSON for good: they must come back exactly as they went in.
public class ReferralEventJsonTests
{
    private static ReferralSubmitted Submitted(PartialDate dateOfBirth) => new(
        Guid.Parse("6f1c1d3e-0000-4000-8000-000000000001"), "DESC-2026-000042", "AGENCY-1", "NORTH-GATE",
        Samples.Now.AddMinutes(-30), "UTO", null, "Laminate edge lifted", Urgency.Urgent, Samples.Now.AddHours(3),
        new Bearer("ERIKSSON", "ANNA MARIA", "Эрикссон", "UTO", dateOfBirth, Sex.F),
        [new QuestionedDocument(0, DocumentType.Passport, "UTO", "L898902C3", Samples.Mrz)],
        "officer-17", Samples.Now);

    [Theory]
    [InlineData("1974-08", "\"dateOfBirth\":\"1974-08\"")]
    [InlineData("1974-08-12", "\"dateOfBirth\":\"1974-08-12\"")]
    [InlineData("", "\"dateOfBirth\":null")]
    public void ReferralSubmittedRoundTripsWithItsPartialDate(string dateOfBirth, string expectedJson)
    {
        var original = Submitted(PartialDate.Parse(dateOfBirth));

        var json = JsonSerializer.Serialize(original, JsonSerializerOptions.Web);
        var back = JsonSerializer.Deserialize<ReferralSubmitted>(json, JsonSerializerOptions.Web)!;

        Assert.Contains(expectedJson, json, StringComparison.Ordinal);
        Assert.Contains("\"urgency\":\"Urgent\"", json, StringComparison.Ordinal);
        Assert.Contains("\"sex\":\"F\"", json, StringComparison.Ordinal);
        Assert.Contains("\"documentType\":\"Passport\"", json, StringComparison.Ordinal);
        Assert.Equal(original.Bearer, back.Bearer);
        Assert.Equal(original.Documents, back.Documents);
        Assert.Equal(original with { Bearer = back.Bearer, Documents = back.Documents }, back);
        Assert.Equal(json, JsonSerializer.Serialize(back, JsonSerializerOptions.Web));
    }

    [Fact]
    public void EvidenceImageAttachedRoundTripsWithCodesAsNames()
    {
        var original = new EvidenceImageAttached(Guid.NewGuid(), Guid.NewGuid(), 0, LightSource.UV365, DocumentArea.DataPage,
            null, 365, "VSC 8000", Samples.Now.AddMinutes(-40), null, "originals/1.tif", new string('a', 64), 123_456_789,
            9000, 6000, "image/tiff", "officer-17", Samples.Now);

        var json = JsonSerializer.Serialize(original, JsonSerializerOptions.Web);
        var back = JsonSerializer.Deserialize<EvidenceImageAttached>(json, JsonSerializerOptions.Web);

        Assert.Contains("\"lightSource\":\"UV365\"", json, StringComparison.Ordinal);
        Assert.Contains("\"area\":\"DataPage\"", json, StringComparison.Ordinal);
        Assert.Equal(original, back);
    }

    [Fact]
    public void TheSmallerEventsRoundTrip()
    {
        var thumbnail = new EvidenceThumbnailCreated(Guid.NewGuid(), Guid.NewGuid(), "thumbs/1.jpg", 512, 341,
            new string('b', 64), "system:thumbnails", Samples.Now);
        var assigned = new CaseAssigned(Guid.NewGuid(), "examiner-3", "Dr Ada Lind", "lead-1", Samples.Now);

        Assert.Equal(thumbnail, JsonSerializer.Deserialize<EvidenceThumbnailCreated>(
            JsonSerializer.Serialize(thumbnail, JsonSerializerOptions.Web), JsonSerializerOptions.Web));
        Assert.Equal(assigned, JsonSerializer.Deserialize<CaseAssigned>(
            JsonSerializer.Serialize(assigned, JsonSerializerOptions.Web), JsonSerializerOptions.Web));
        var alarm = new EvidenceIntegrityFailed(Guid.NewGuid(), Guid.NewGuid(), new string('a', 64), null, EvidenceUse.Report, "report job", Samples.Now);
        var json = JsonSerializer.Serialize(alarm, JsonSerializerOptions.Web);
        Assert.Contains("\"detectedWhile\":\"Report\"", json, StringComparison.Ordinal);
        Assert.Equal(alarm, JsonSerializer.Deserialize<EvidenceIntegrityFailed>(json, JsonSerializerOptions.Web));
    }

    [Fact]
    public void TheAggregateRoundTripsAsASnapshot()
    {
        var referral = Referral.Create(Submitted(new PartialDate(1974)))
            .Apply(new CaseAssigned(Guid.Empty, "examiner-3", "Dr Ada Lind", "lead-1", Samples.Now));

        var back = JsonSerializer.Deserialize<Referral>(JsonSerializer.Serialize(referral, JsonSerializerOptions.Web),
            JsonSerializerOptions.Web)!;

        Assert.Equal(referral with { Evidence = back.Evidence }, back);
        Assert.Equal(ReferralStatus.InExamination, back.Status);
        Assert.Empty(back.Evidence);
    }
}
