using System.Globalization;
using System.Text;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;
using DescPortal.Web.Features.Cases;

namespace DescPortal.Web.Features.Opinion;

/// <summary>
/// The findings of one document as the examination recorded them: the MRZ check, each checklist observation in
/// inspection-level order with its note, and the marks on the document's images. The examiner starts the opinion's
/// findings from this text and edits it.
/// </summary>
public static class OpinionFindings
{
    public static string Assemble(CaseRecord record, int document, IStringLocalizer<Strings> L)
    {
        ArgumentNullException.ThrowIfNull(record);
        var text = new StringBuilder();
        void Line(string s) => text.AppendLine(s);
        if (record.Examination.MrzCheckOf(document) is { } mrz)
        {
            var discrepancies = mrz.Comparison.Count(f => f.Result == DescPortal.Core.Mrz.MrzComparisonResult.Discrepancy);
            // Invalid with every check digit right: characters wrong for their fields, a state code, a date, a line.
            var outcome = mrz.Valid ? L["every check digit is right"].Value
                : mrz.FailedChecks.Count > 0 ? L["check digits fail"].Value
                : L["the MRZ has errors"].Value;
            Line(string.Format(CultureInfo.InvariantCulture, L["MRZ ({0}): {1}; {2} with the data entered."].Value,
                mrz.Format?.ToString() ?? "?", outcome,
                L.Count(discrepancies, "{0} {0:discrepancy|discrepancies}")));
        }
        if (record.Examination.ChecklistOf(document) is { } checklist)
        {
            Line(string.Format(CultureInfo.InvariantCulture, L["Compared with {0}, version {1}:"].Value, checklist.SpecimenName, checklist.SpecimenVersion));
            foreach (var item in checklist.Items)
            {
                if (checklist.ObservationOf(item.FeatureId) is not { } o) continue;
                var line = $"- {SecurityFeatureTaxonomy.LabelOf(item.Category, item.Type)}: {CodeLabels.Of(o.Finding)}";
                if (!string.IsNullOrWhiteSpace(o.Note)) line += $". {o.Note.Trim()}";
                Line(line);
            }
        }
        var images = record.Evidence.Where(e => e.Document == document).ToList();
        foreach (var image in images)
        {
            foreach (var mark in record.Examination.AnnotationsOn(image.Id))
            {
                var a = mark.Annotation;
                var line = string.Format(CultureInfo.InvariantCulture, L["- Mark {0} — {1}, {2}: {3}"].Value,
                    mark.Number, CodeLabels.Of(image.Area), CodeLabels.Of(image.LightSource), CodeLabels.Of(a.Finding));
                if (!string.IsNullOrWhiteSpace(a.Note)) line += $". {a.Note.Trim()}";
                Line(line);
            }
        }
        return text.ToString().TrimEnd();
    }
}
