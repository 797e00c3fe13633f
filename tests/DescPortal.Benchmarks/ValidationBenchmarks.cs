using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using DescPortal.Core.Referrals;
using DescPortal.Testing;

namespace DescPortal.Benchmarks;

/// <summary>
/// Validation runs on every submission before any file is read: it must stay negligible. The baseline is what the
/// API does just before it on every submission: deserializing the same referral from its JSON part.
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private readonly ReferralSubmission _submission = new()
    {
        BorderCrossingPoint = "NORTH-GATE",
        InterceptedAt = DateTimeOffset.UtcNow.AddMinutes(-10),
        Reason = "Laminate edge lifted near the portrait",
        Urgency = "Urgent",
        AnswerBy = DateTimeOffset.UtcNow.AddHours(2),
        Bearer = new BearerSubmission { Surname = "ERIKSSON", GivenNames = "ANNA MARIA", Nationality = "UTO", DateOfBirth = "1974-08-12", Sex = "F" },
        Documents = [new DocumentSubmission { DocumentType = "Passport", IssuingState = "UTO", DocumentNumber = "L898902C3" }],
        Images = [new ImageSubmission { Document = 0, LightSource = "White", Area = "DataPage" }, new ImageSubmission { Document = 0, LightSource = "UV365", Area = "DataPage" }],
    };

    private readonly string[] _points = ["NORTH-GATE", "NORTH-AIRPORT"];

    // The API contract's example referral with two images, as a border system sends it.
    private readonly byte[] _json = Encoding.UTF8.GetBytes(ReferralRequests.Example("White", "UV365").ToJsonString());

    [Benchmark(Baseline = true)]
    public ReferralSubmission? DeserializeJson() => JsonSerializer.Deserialize<ReferralSubmission>(_json, JsonSerializerOptions.Web);

    [Benchmark]
    public bool Validate() => ReferralValidation.Validate(_submission, DateTimeOffset.UtcNow, _points).IsValid;
}
