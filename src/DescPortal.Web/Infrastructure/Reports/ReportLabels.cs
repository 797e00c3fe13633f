using DescPortal.Core;
using DescPortal.Web.Infrastructure.Localization;

namespace DescPortal.Web.Infrastructure.Reports;

/// <summary>
/// The words a report prints for codes: "{Vocabulary}.{Code}" ("FraudType.Forged", "Finding.Inconsistent") to English
/// text, from docs/domain.md and the UI's <see cref="CodeLabels"/>. A centre replaces any of them in letterhead.json
/// ("labels": { "FraudType.Forged": "Forged (falsified)" }); a code without a label prints as its own words.
/// </summary>
public static class ReportLabels
{
    public static readonly IReadOnlyDictionary<string, string> Defaults = Build();

    public static string Of(Enum value, IReadOnlyDictionary<string, string> overrides)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(overrides);
        var key = $"{value.GetType().Name}.{value}";
        return overrides.TryGetValue(key, out var own) && !string.IsNullOrWhiteSpace(own) ? own
            : Defaults.TryGetValue(key, out var label) ? label
            : CodeLabels.Words(value.ToString());
    }

    private static Dictionary<string, string> Build()
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        void From<TEnum>(IReadOnlyList<(string Code, string Label)> list) where TEnum : struct, Enum
        {
            foreach (var (code, label) in list)
            {
                if (code.Length > 0) labels[$"{typeof(TEnum).Name}.{code}"] = label;
            }
        }
        From<DocumentType>(CodeLabels.DocumentTypes);
        From<LightSource>(CodeLabels.LightSources);
        From<DocumentArea>(CodeLabels.Areas);
        From<Finding>(CodeLabels.Findings);

        // Fraud types and forgery sub-types: INTERPOL / ICAO 9303 Part 2 (docs/domain.md).
        labels["FraudType.Genuine"] = "Genuine";
        labels["FraudType.Counterfeit"] = "Counterfeit";
        labels["FraudType.Forged"] = "Forged (falsified)";
        labels["FraudType.FraudulentlyObtained"] = "Fraudulently obtained genuine";
        labels["FraudType.Impostor"] = "Impostor (look-alike)";
        labels["FraudType.Pseudo"] = "Pseudo document";
        labels["FraudType.StolenBlank"] = "Stolen blank";
        labels["FraudType.Inconclusive"] = "Inconclusive";
        labels["ForgerySubType.PhotoSubstitution"] = "Photo substitution";
        labels["ForgerySubType.PageSubstitution"] = "Page substitution";
        labels["ForgerySubType.VizAlteration"] = "Alteration of the visual inspection zone (VIZ)";
        labels["ForgerySubType.MrzAlteration"] = "Alteration of the machine readable zone (MRZ)";
        labels["ForgerySubType.VisaOrStampTampering"] = "Visa or stamp tampering";
        labels["ForgerySubType.Assembled"] = "Assembled from parts of genuine documents";

        // ENFSI Guideline for Evaluative Reporting (2015): the verbal scale of the likelihood ratio.
        labels["EvaluativeSupport.Neutral"] = "no support for either proposition (the findings are as probable under both)";
        labels["EvaluativeSupport.Weak"] = "weak support";
        labels["EvaluativeSupport.Moderate"] = "moderate support";
        labels["EvaluativeSupport.ModeratelyStrong"] = "moderately strong support";
        labels["EvaluativeSupport.Strong"] = "strong support";
        labels["EvaluativeSupport.VeryStrong"] = "very strong support";
        labels["EvaluativeSupport.ExtremelyStrong"] = "extremely strong support";
        return labels;
    }
}
