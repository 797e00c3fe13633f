using System.Text.Json;
using DescPortal.Core.Referrals;

namespace DescPortal.Core.Tests.Referrals;

/// <summary>The issue's example referral, and the clock and agency the tests judge it by.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    public static readonly string[] AgencyCrossingPoints = ["NORTH-GATE", "SOUTH-PORT"];

    public const string IssueJson = """
        { "borderCrossingPoint": "NORTH-GATE", "interceptedAt": "2026-11-27T08:30:00Z",
          "routeFrom": "UTO", "routeTo": "XXA", "reason": "Laminate edge lifted near the portrait",
          "urgency": "Urgent", "answerBy": "2026-11-27T12:00:00Z",
          "bearer": { "surname": "ERIKSSON", "givenNames": "ANNA MARIA", "nationalName": null,
                      "nationality": "UTO", "dateOfBirth": "1974-08-12", "sex": "F" },
          "documents": [ { "documentType": "Passport", "issuingState": "UTO", "documentNumber": "L898902C3",
                           "mrz": "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10" } ],
          "images": [ { "document": 0, "lightSource": "White", "area": "DataPage", "dpi": 600, "note": "" },
                      { "document": 0, "lightSource": "UV365", "area": "DataPage", "wavelengthNm": 365 } ] }
        """;

    public const string Mrz =
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";

    /// <summary>A fresh copy each call, so a test may change it.</summary>
    public static ReferralSubmission Submission() =>
        JsonSerializer.Deserialize<ReferralSubmission>(IssueJson, JsonSerializerOptions.Web)!;

    public static ValidationResult Validate(ReferralSubmission s, UploadLimits? limits = null) =>
        ReferralValidation.Validate(s, Now, AgencyCrossingPoints, limits);

    public static ValidatedReferral Validated()
    {
        var result = Validate(Submission());
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        return result.Referral;
    }

    public static StoredEvidence Stored(int n) => new(
        Guid.Parse($"00000000-0000-0000-0000-{n:D12}"),
        $"originals/{n}.jpg",
        new string((char)('a' + n), 64),
        1_000_000 + n,
        4000,
        3000,
        "image/jpeg");
}
