using DescPortal.Core.ReferenceLibrary;

namespace DescPortal.Core.History;

/// <summary>
/// A specimen's events in words, for its history on the specimen page: which image, which feature, which version.
/// Every reader of the specimen reads the same line; the free text of corrections and withdrawals stays in the panels
/// that show it to those who may read it.
/// </summary>
public static class LibraryHistory
{
    /// <summary>The event in words, read against the specimen just before it (null for the first event).</summary>
    public static EventSummary Describe(object @event, Specimen? before)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return EventSummary.ForAll(@event switch
        {
            SpecimenCreated e => new HistoryLine(HistoryCodes.SpecimenCreated, e.IssuingState, VocabularyLabel.Of(e.Details.DocumentType), e.Details.Series),
            SpecimenImported e => new HistoryLine(HistoryCodes.SpecimenImported, e.Origin.InstallationName, e.Origin.OriginalVersion),
            SpecimenUpdatedFromArchive e => new HistoryLine(HistoryCodes.SpecimenUpdatedFromArchive, e.Origin.InstallationName, e.Origin.OriginalVersion),
            SpecimenDetailsChanged e => new HistoryLine(HistoryCodes.SpecimenDetailsChanged, VocabularyLabel.Of(e.Details.DocumentType), e.Details.Series),
            SpecimenImageAdded e => new HistoryLine(HistoryCodes.SpecimenImageAdded, VocabularyLabel.Of(e.Image.Area), VocabularyLabel.Of(e.Image.LightSource), e.Image.Dpi),
            SecurityFeatureAdded e => Feature(HistoryCodes.FeatureAdded, e.Feature),
            SecurityFeatureChanged e => Feature(HistoryCodes.FeatureChanged, e.Feature),
            SecurityFeatureRemoved e => before?.FindFeature(e.FeatureId) is { } removed
                ? Feature(HistoryCodes.FeatureRemoved, removed)
                : HistoryLine.Named(@event.GetType()),
            SpecimenSubmittedForConfirmation e => new HistoryLine(HistoryCodes.SubmittedForConfirmation, e.Version),
            SpecimenConfirmed e => new HistoryLine(HistoryCodes.SpecimenConfirmed, e.ConfirmedVersion, e.ConfirmedByName, e.Country),
            SpecimenCorrectionProposed e => new HistoryLine(HistoryCodes.CorrectionProposed, e.ProposedOnVersion, e.ProposedByName, e.Country),
            _ => HistoryLine.Named(@event.GetType()),
        });
    }

    /// <summary>A whole stream in words, each event read against the specimen folded up to it.</summary>
    public static IReadOnlyList<EventSummary> Of(IEnumerable<object> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var lines = new List<EventSummary>();
        Specimen? specimen = null;
        foreach (var e in events)
        {
            lines.Add(Describe(e, specimen));
            specimen = Specimen.Evolve(specimen, e);
        }
        return lines;
    }

    private static HistoryLine Feature(string code, SecurityFeature feature) =>
        new(code, VocabularyLabel.OfFeatureType(feature.Type), feature.Lights.Select(l => VocabularyLabel.Of(l)).ToList());
}
