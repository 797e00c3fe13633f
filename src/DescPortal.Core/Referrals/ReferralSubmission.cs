namespace DescPortal.Core.Referrals;

// What an officer submits, as the API receives it (camelCase JSON) and as the form edits it and
// saves it as a draft. Codes are strings on purpose: a wrong code becomes a field error from
// ReferralValidation instead of a failed deserialization that names no field.

public sealed class ReferralSubmission
{
    public string? BorderCrossingPoint { get; set; }
    public DateTimeOffset? InterceptedAt { get; set; }
    public string? RouteFrom { get; set; }
    public string? RouteTo { get; set; }
    public string? Reason { get; set; }
    /// <summary>"Routine" or "Urgent".</summary>
    public string? Urgency { get; set; }
    /// <summary>Required when urgent; ignored when routine.</summary>
    public DateTimeOffset? AnswerBy { get; set; }
    /// <summary>
    /// The state of the documents as the officer hands them over (damage, stains, a loose page, a detached laminate),
    /// free text; optional. ISO/IEC 17025 §7.8.2.1 asks the report to state it; the examiner may amend it on receipt.
    /// </summary>
    public string? ConditionOnReceipt { get; set; }
    public BearerSubmission Bearer { get; set; } = new();
    public List<DocumentSubmission> Documents { get; set; } = [];
    public List<ImageSubmission> Images { get; set; } = [];
}

public sealed class BearerSubmission
{
    /// <summary>Latin script, as printed in the visual inspection zone.</summary>
    public string? Surname { get; set; }
    public string? GivenNames { get; set; }
    /// <summary>The name in any script (Cyrillic, Arabic, ...).</summary>
    public string? NationalName { get; set; }
    /// <summary>ICAO three-letter code.</summary>
    public string? Nationality { get; set; }
    /// <summary>"1974-08-12", "1974-08", "1974", or empty when unknown.</summary>
    public string? DateOfBirth { get; set; }
    /// <summary>"F", "M" or "X".</summary>
    public string? Sex { get; set; }
}

public sealed class DocumentSubmission
{
    /// <summary>A <see cref="Core.DocumentType"/> code.</summary>
    public string? DocumentType { get; set; }
    /// <summary>ICAO three-letter code.</summary>
    public string? IssuingState { get; set; }
    public string? DocumentNumber { get; set; }
    /// <summary>The machine readable zone as read, lines separated by newlines.</summary>
    public string? Mrz { get; set; }
}

public sealed class ImageSubmission
{
    /// <summary>Index into Documents of the document the image shows; may be left out when there is one document.</summary>
    public int? Document { get; set; }
    /// <summary>A <see cref="Core.LightSource"/> code; White when left out.</summary>
    public string? LightSource { get; set; }
    /// <summary>A <see cref="DocumentArea"/> code.</summary>
    public string? Area { get; set; }
    public int? Dpi { get; set; }
    public int? WavelengthNm { get; set; }
    public string? CaptureDevice { get; set; }
    public DateTimeOffset? CapturedAt { get; set; }
    public string? Note { get; set; }
}
