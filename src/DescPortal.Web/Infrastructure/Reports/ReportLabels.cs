using DescPortal.Web.Infrastructure.Localization;

namespace DescPortal.Web.Infrastructure.Reports;

/// <summary>
/// The words a report prints for codes: the UI's <see cref="CodeLabels"/>, unless the centre replaces one in
/// letterhead.json under its key "{Vocabulary}.{Code}" ("labels": { "FraudType.Forged": "Forged (falsified)" }).
/// </summary>
public static class ReportLabels
{
    public static string Of(Enum value, IReadOnlyDictionary<string, string> overrides)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(overrides);
        return overrides.TryGetValue($"{value.GetType().Name}.{value}", out var own) && !string.IsNullOrWhiteSpace(own)
            ? own : CodeLabels.Of(value);
    }
}
