using BenchmarkDotNet.Attributes;
using DescPortal.Core.Referrals;

namespace DescPortal.Benchmarks;

/// <summary>Validation runs on every submission before any file is read: it must stay negligible.</summary>
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

    [Benchmark]
    public bool Validate() => ReferralValidation.Validate(_submission, DateTimeOffset.UtcNow, _points).IsValid;
}
