using DescPortal.Core;
using DescPortal.Core.ReferenceLibrary;

namespace DescPortal.Web.Infrastructure.Localization;

/// <summary>
/// English labels of the vocabulary codes, used as localizer keys everywhere a code is shown
/// (<c>L[CodeLabels.Of(evidence.LightSource)]</c>). Stored values and the API keep the codes.
/// </summary>
public static class CodeLabels
{
    public static readonly IReadOnlyList<(string Code, string Label)> DocumentTypes =
    [
        (nameof(DocumentType.Passport), "Passport"),
        (nameof(DocumentType.IdentityCard), "Identity card"),
        (nameof(DocumentType.Visa), "Visa"),
        (nameof(DocumentType.ResidencePermit), "Residence permit"),
        (nameof(DocumentType.RefugeeTravelDocument), "Refugee travel document"),
        (nameof(DocumentType.Other), "Other document"),
    ];

    public static readonly IReadOnlyList<(string Code, string Label)> LightSources =
    [
        (nameof(LightSource.White), "White light, reflected"),
        (nameof(LightSource.WhiteOblique), "White light, oblique (raking)"),
        (nameof(LightSource.Transmitted), "Transmitted light"),
        (nameof(LightSource.Coaxial), "Coaxial light"),
        (nameof(LightSource.UV365), "UV 365 nm (long-wave)"),
        (nameof(LightSource.UV313), "UV 313 nm (short-wave)"),
        (nameof(LightSource.UV254), "UV 254 nm (short-wave)"),
        (nameof(LightSource.IR), "Infrared (IR)"),
        (nameof(LightSource.IRLuminescence), "IR luminescence"),
        (nameof(LightSource.AntiStokes), "Anti-Stokes"),
        (nameof(LightSource.PointLight), "Point light / laser"),
        (nameof(LightSource.Other), "Other light"),
    ];

    public static readonly IReadOnlyList<(string Code, string Label)> Areas =
    [
        (nameof(DocumentArea.DataPage), "Data page"),
        (nameof(DocumentArea.Cover), "Cover"),
        (nameof(DocumentArea.InsideCover), "Inside cover"),
        (nameof(DocumentArea.VisaPage), "Visa page"),
        (nameof(DocumentArea.Stamp), "Stamp"),
        (nameof(DocumentArea.Portrait), "Portrait"),
        (nameof(DocumentArea.Mrz), "MRZ"),
        (nameof(DocumentArea.Detail), "Detail"),
        (nameof(DocumentArea.Other), "Other area"),
    ];

    public static readonly IReadOnlyList<(string Code, string Label)> Statuses =
    [
        (nameof(ReferralStatus.Submitted), "Submitted"),
        (nameof(ReferralStatus.InExamination), "In examination"),
        (nameof(ReferralStatus.AwaitingInformation), "Awaiting information"),
        (nameof(ReferralStatus.InReview), "In review"),
        (nameof(ReferralStatus.Returned), "Returned"),
        (nameof(ReferralStatus.Approved), "Approved"),
        (nameof(ReferralStatus.Reported), "Reported"),
        (nameof(ReferralStatus.Closed), "Closed"),
        (nameof(ReferralStatus.Withdrawn), "Withdrawn"),
    ];

    /// <summary>"" is unknown: the bearer's sex is optional.</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> Sexes =
    [
        ("", "Unknown"),
        (nameof(Sex.F), "F (female)"),
        (nameof(Sex.M), "M (male)"),
        (nameof(Sex.X), "X (unspecified)"),
    ];

    public static readonly IReadOnlyList<(string Code, string Label)> SpecimenStatuses =
    [
        (nameof(SpecimenStatus.Draft), "Draft"),
        (nameof(SpecimenStatus.AwaitingConfirmation), "Awaiting confirmation"),
        (nameof(SpecimenStatus.Confirmed), "Confirmed by issuer"),
        (nameof(SpecimenStatus.ChangedSinceConfirmation), "Changed since confirmation"),
        (nameof(SpecimenStatus.Withdrawn), "Withdrawn"),
    ];

    public static readonly IReadOnlyList<(string Code, string Label)> CorrectionStatuses =
    [
        (nameof(CorrectionStatus.Open), "Open"),
        (nameof(CorrectionStatus.Applied), "Applied"),
        (nameof(CorrectionStatus.Rejected), "Rejected"),
    ];

    public static readonly IReadOnlyList<(string Code, string Label)> DocumentFormats =
    [
        (nameof(DocumentFormat.TD1), "TD1 (card)"),
        (nameof(DocumentFormat.TD2), "TD2"),
        (nameof(DocumentFormat.TD3), "TD3 (passport booklet)"),
        (nameof(DocumentFormat.Other), "Other format"),
    ];

    public static readonly IReadOnlyList<(string Code, string Label)> Findings =
    [
        (nameof(Finding.Consistent), "Consistent with the genuine"),
        (nameof(Finding.Inconsistent), "Inconsistent with the genuine"),
        (nameof(Finding.Absent), "Absent"),
        (nameof(Finding.Altered), "Altered"),
        (nameof(Finding.NotAssessable), "Not assessable"),
    ];

    // domain.md: INTERPOL / ICAO 9303 Part 2 fraud types.
    public static readonly IReadOnlyList<(string Code, string Label)> FraudTypes =
    [
        (nameof(FraudType.Genuine), "Genuine (no indication of fraud)"),
        (nameof(FraudType.Counterfeit), "Counterfeit"),
        (nameof(FraudType.Forged), "Forged (falsified)"),
        (nameof(FraudType.FraudulentlyObtained), "Fraudulently obtained genuine"),
        (nameof(FraudType.Impostor), "Impostor (look-alike)"),
        (nameof(FraudType.Pseudo), "Pseudo document"),
        (nameof(FraudType.StolenBlank), "Stolen blank"),
        (nameof(FraudType.Inconclusive), "Inconclusive"),
    ];

    public static readonly IReadOnlyList<(string Code, string Label)> ForgerySubTypes =
    [
        (nameof(ForgerySubType.PhotoSubstitution), "Photo substitution"),
        (nameof(ForgerySubType.PageSubstitution), "Page substitution"),
        (nameof(ForgerySubType.VizAlteration), "Alteration of the visual inspection zone (VIZ)"),
        (nameof(ForgerySubType.MrzAlteration), "Alteration of the machine readable zone (MRZ)"),
        (nameof(ForgerySubType.VisaOrStampTampering), "Visa or stamp tampering"),
        (nameof(ForgerySubType.Assembled), "Assembled from parts of genuine documents"),
    ];

    // ENFSI guideline for evaluative reporting (2015).
    public static readonly IReadOnlyList<(string Code, string Label)> EvaluativeSupports =
    [
        (nameof(EvaluativeSupport.Neutral), "no support for either proposition"),
        (nameof(EvaluativeSupport.Weak), "weak support"),
        (nameof(EvaluativeSupport.Moderate), "moderate support"),
        (nameof(EvaluativeSupport.ModeratelyStrong), "moderately strong support"),
        (nameof(EvaluativeSupport.Strong), "strong support"),
        (nameof(EvaluativeSupport.VeryStrong), "very strong support"),
        (nameof(EvaluativeSupport.ExtremelyStrong), "extremely strong support"),
    ];

    /// <summary>The excitation wavelength a light source implies, to fill in for the officer.</summary>
    public static int? WavelengthOf(string? lightSource) => lightSource switch
    {
        nameof(LightSource.UV365) => 365,
        nameof(LightSource.UV313) => 313,
        nameof(LightSource.UV254) => 254,
        _ => null,
    };

    /// <summary>
    /// The label of a vocabulary value, whichever vocabulary it belongs to; a code without a label reads as its own
    /// words. The one English wording of each code: pages, findings text and reports (unless a centre's letterhead
    /// replaces it) all print this.
    /// </summary>
    /// <summary>A security feature's inspection level (1 to 3, as the specimen records it).</summary>
    public static string InspectionLevel(int level) => level switch
    {
        1 => "Level 1 · naked eye",
        2 => "Level 2 · simple tools (loupe, UV lamp)",
        3 => "Level 3 · laboratory",
        _ => "Other level",
    };

    public static string Of(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var code = value.ToString();
        var label = ListOf(value).FirstOrDefault(x => x.Code == code).Label;
        return label ?? Words(code);
    }

    private static IReadOnlyList<(string Code, string Label)> ListOf(Enum value) => value switch
    {
        DocumentType => DocumentTypes,
        LightSource => LightSources,
        DocumentArea => Areas,
        ReferralStatus => Statuses,
        Sex => Sexes,
        SpecimenStatus => SpecimenStatuses,
        CorrectionStatus => CorrectionStatuses,
        DocumentFormat => DocumentFormats,
        Finding => Findings,
        FraudType => FraudTypes,
        ForgerySubType => ForgerySubTypes,
        EvaluativeSupport => EvaluativeSupports,
        _ => [],
    };

    /// <summary>A code's own words as its English label, for codes without a list of their own: "DateOfBirth" → "Date of birth".</summary>
    public static string Words(string code) =>
        string.Concat(code.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));

    public static string LabelOf(IReadOnlyList<(string Code, string Label)> list, string? code) =>
        list.FirstOrDefault(x => string.Equals(x.Code, code, StringComparison.OrdinalIgnoreCase)).Label ?? code ?? "";
}
