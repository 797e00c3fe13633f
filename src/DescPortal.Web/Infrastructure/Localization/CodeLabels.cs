using DescPortal.Core;

namespace DescPortal.Web.Infrastructure.Localization;

/// <summary>
/// The labels of the vocabulary codes, in the current UI culture, from Core's Resources/Labels.resx (<see cref="Labels"/>):
/// shown as they are, wherever a code is shown. Stored values and the API keep the codes.
/// </summary>
public static class CodeLabels
{
    // Read on each use, not kept: the labels are in the culture of whoever reads them.
    public static IReadOnlyList<(string Code, string Label)> DocumentTypes => Listed<DocumentType>();

    public static IReadOnlyList<(string Code, string Label)> LightSources => Listed<LightSource>();

    public static IReadOnlyList<(string Code, string Label)> Areas => Listed<DocumentArea>();

    /// <summary>"" is unknown: the bearer's sex is optional.</summary>
    public static IReadOnlyList<(string Code, string Label)> Sexes => [("", Labels.Find("Sex.Unknown") ?? ""), .. Listed<Sex>()];

    /// <summary>The excitation wavelength a light source implies, to fill in for the officer.</summary>
    public static int? WavelengthOf(string? lightSource) => lightSource switch
    {
        nameof(LightSource.UV365) => 365,
        nameof(LightSource.UV313) => 313,
        nameof(LightSource.UV254) => 254,
        _ => null,
    };

    /// <summary>A security feature's inspection level (1 to 3, as the specimen records it).</summary>
    public static string InspectionLevel(int level) => Labels.OfInspectionLevel(level);

    /// <summary>
    /// The label of a vocabulary value, whichever vocabulary it belongs to; a code without a label reads as its own
    /// words. Pages, findings text and reports (unless a centre's letterhead replaces it) all print this.
    /// </summary>
    public static string Of(Enum value) => Labels.Of(value);

    /// <summary>A code's own words as its English label, for codes without a list of their own: "DateOfBirth" → "Date of birth".</summary>
    public static string Words(string code) => Labels.Words(code);

    public static string LabelOf(IReadOnlyList<(string Code, string Label)> list, string? code) =>
        list.FirstOrDefault(x => string.Equals(x.Code, code, StringComparison.OrdinalIgnoreCase)).Label ?? code ?? "";

    private static IReadOnlyList<(string Code, string Label)> Listed<TEnum>() where TEnum : struct, Enum =>
        [.. Enum.GetValues<TEnum>().Select(v => (v.ToString(), Labels.Of(v)))];
}
