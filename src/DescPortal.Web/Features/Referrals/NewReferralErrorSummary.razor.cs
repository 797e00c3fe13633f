using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DescPortal.Web.Features.Referrals;

/// <summary>The new-referral form's summary of problems: each field named as the form labels it, and scrolled to on a click.</summary>
public sealed partial class NewReferralErrorSummary
{
    [Parameter, EditorRequired] public ReferralForm Form { get; set; } = default!;

    [Inject] private IScrollManager Scroll { get; set; } = default!;

    [GeneratedRegex(@"^(documents|images)\[(\d+)\](?:\.(\w+))?$")]
    private static partial Regex IndexedPath();

    private static readonly Dictionary<string, string> FieldLabels = new(StringComparer.Ordinal)
    {
        ["referral"] = "Referral",
        ["borderCrossingPoint"] = "Crossing point",
        ["interceptedAt"] = "Intercepted at",
        ["routeFrom"] = "Route from",
        ["routeTo"] = "Route to",
        ["reason"] = "Reason for suspicion",
        ["conditionOnReceipt"] = "Condition of the items",
        ["urgency"] = "Urgency",
        ["answerBy"] = "Answer needed by",
        ["bearer"] = "Bearer",
        ["bearer.surname"] = "Surname",
        ["bearer.givenNames"] = "Given names",
        ["bearer.nationalName"] = "Name in national characters",
        ["bearer.nationality"] = "Nationality",
        ["bearer.dateOfBirth"] = "Date of birth",
        ["bearer.sex"] = "Sex",
        ["documents"] = "Documents",
        ["images"] = "Images",
        ["documentType"] = "Type",
        ["issuingState"] = "Issuing state",
        ["documentNumber"] = "Document number",
        ["mrz"] = "MRZ",
        ["document"] = "Document shown",
        ["lightSource"] = "Light source",
        ["area"] = "Area",
        ["dpi"] = "Resolution",
        ["wavelengthNm"] = "Wavelength",
        ["captureDevice"] = "Capture device",
        ["capturedAt"] = "Capture time",
        ["note"] = "Note",
    };

    private string FieldLabel(string path)
    {
        if (IndexedPath().Match(path) is { Success: true } m)
        {
            var n = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) + 1;
            var item = m.Groups[1].Value == "documents" ? L["Document {0}", n] : L["Image {0}", n];
            return m.Groups[3].Success ? $"{item} · {L[FieldLabels.GetValueOrDefault(m.Groups[3].Value, m.Groups[3].Value)]}" : item;
        }
        return L[FieldLabels.GetValueOrDefault(path, path)];
    }

    private async Task GoToFieldAsync(string path)
    {
        var id = path.StartsWith("images[", StringComparison.Ordinal) && IndexedPath().Match(path) is { Success: true } m
            ? $"nr-image-{m.Groups[2].Value}"
            : path.StartsWith("documents[", StringComparison.Ordinal) && IndexedPath().Match(path) is { Success: true } d
                ? $"nr-document-{d.Groups[2].Value}"
                : ReferralForm.FieldId(path);
        await Scroll.ScrollIntoViewAsync("#" + id, ScrollBehavior.Smooth);
    }
}
