using Bunit;
using DescPortal.Core;
using DescPortal.Core.Examination;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Web.Features.Examination;
using Xunit;

namespace DescPortal.Web.Tests.Features.Examination;

public sealed class ChecklistPanelTests(ComponentHost host) : ComponentTest(host)
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 4, 0, 0, TimeSpan.Zero);
    private static readonly ChecklistItem Guilloche = new(Guid.NewGuid(), SecurityFeatureCategory.SecurityPrinting, "Guilloche", 1, [LightSource.White], "Rosette");
    private static readonly ChecklistItem Microprint = new(Guid.NewGuid(), SecurityFeatureCategory.SecurityPrinting, "Microprinting", 2, [LightSource.White], "Lines");
    private static readonly ChecklistItem Fibres = new(Guid.NewGuid(), SecurityFeatureCategory.Substrate, "InvisibleFibres", 2, [LightSource.UV365], "Fibres");

    private static DocumentChecklist Checklist(params ChecklistObservation[] observations) =>
        new(0, Guid.NewGuid(), 7, "UTO passport 2007", [Guilloche, Microprint, Fibres], observations, "Erik Examiner", At);

    [Fact]
    public void Items_are_grouped_by_inspection_level_with_the_progress_of_the_observations()
    {
        // Cites three marks, of which the case still has marks 3 and 7 (CaseExamination.MarkNumbersOf answers that).
        IReadOnlyList<Guid> cited = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        var observed = new ChecklistObservation(Microprint.FeatureId, Finding.Inconsistent, null, cited, "Erik Examiner", At);

        var cut = Render<ChecklistPanel>(p => p.Add(x => x.Checklist, Checklist(observed))
            .Add(x => x.MarkNumbersOf, ids => ids.SequenceEqual(cited) ? [3, 7] : []));

        Assert.Equal(["Level 1 · naked eye", "Level 2 · simple tools (loupe, UV lamp)"], cut.FindAll("h3").Select(h => h.TextContent.Trim()));
        var items = cut.FindAll("[data-testid=checklist-item]");
        Assert.Equal([Guilloche.FeatureId.ToString(), Microprint.FeatureId.ToString(), Fibres.FeatureId.ToString()], items.Select(i => i.GetAttribute("data-feature")));
        Assert.Equal("Inconsistent", items[1].GetAttribute("data-finding"));
        Assert.Equal("", items[0].GetAttribute("data-finding"));
        Assert.Equal("Marks 3, 7", cut.Find("[data-testid=checklist-marks]").TextContent);
        var progress = cut.Find("[data-testid=checklist-progress]");
        Assert.Equal(("1", "3"), (progress.GetAttribute("data-observed"), progress.GetAttribute("data-items")));
        Assert.Contains("1 of 3 observed", progress.TextContent, StringComparison.Ordinal);
        // A reader sees the findings, no controls.
        Assert.Empty(cut.FindAll("[data-testid=checklist-finding]"));
        Assert.Contains("Inconsistent with the genuine", items[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_examiner_records_an_observation_for_an_item()
    {
        ChecklistPanel.Observed? observed = null;
        var cut = Render<ChecklistPanel>(p => p.Add(x => x.Checklist, Checklist()).Add(x => x.CanRecord, true)
            .Add(x => x.OnObserve, o => { observed = o; return Task.FromResult(true); }));

        cut.FindAll("[data-testid=checklist-finding]")[2].Change("Absent");

        Assert.Equal(new ChecklistPanel.Observed(Fibres, Finding.Absent, null), observed);
        // Numbered as on the images: the checklist's order.
        Assert.Equal(["1", "2", "3"], cut.FindAll("[data-testid=checklist-item] .lib-num").Select(n => n.TextContent));
    }

    [Fact]
    public void A_note_is_added_to_an_observation_and_kept_when_only_the_finding_changes()
    {
        var observed = new List<ChecklistPanel.Observed>();
        var recorded = new ChecklistObservation(Microprint.FeatureId, Finding.Consistent, "Sharp <i>under</i> loupe", [], "Erik Examiner", At);
        var cut = Render<ChecklistPanel>(p => p.Add(x => x.Checklist, Checklist(recorded)).Add(x => x.CanRecord, true)
            .Add(x => x.OnObserve, o => { observed.Add(o); return Task.FromResult(true); }));

        // The note shows as text; an item not yet observed has no note to write.
        var note = cut.Find("[data-testid=checklist-note]");
        Assert.Equal("Sharp <i>under</i> loupe", note.TextContent);
        Assert.Empty(note.QuerySelectorAll("i"));
        var openers = cut.FindAll("[data-testid=checklist-note-open]");
        Assert.True(openers[0].HasAttribute("disabled"));
        Assert.False(openers[1].HasAttribute("disabled"));

        cut.FindAll("[data-testid=checklist-finding]")[1].Change("Inconsistent");
        cut.FindAll("[data-testid=checklist-note-open]")[1].Click();
        Assert.Equal("Sharp <i>under</i> loupe", cut.Find("[data-testid=checklist-note-input]").GetAttribute("value"));
        cut.Find("[data-testid=checklist-note-input]").Input("Letters broken at 10x");
        cut.Find("[data-testid=checklist-note-save]").Click();

        Assert.Equal(
            [new ChecklistPanel.Observed(Microprint, Finding.Inconsistent, "Sharp <i>under</i> loupe"),
             new ChecklistPanel.Observed(Microprint, Finding.Consistent, "Letters broken at 10x")],
            observed);
        Assert.Empty(cut.FindAll("[data-testid=checklist-note-input]"));
    }

    [Fact]
    public void A_refused_note_stays_open_as_typed()
    {
        var recorded = new ChecklistObservation(Microprint.FeatureId, Finding.Consistent, null, [], "Erik Examiner", At);
        var cut = Render<ChecklistPanel>(p => p.Add(x => x.Checklist, Checklist(recorded)).Add(x => x.CanRecord, true)
            .Add(x => x.OnObserve, _ => Task.FromResult(false)));

        cut.FindAll("[data-testid=checklist-note-open]")[1].Click();
        cut.Find("[data-testid=checklist-note-input]").Input("Letters broken at 10x");
        cut.Find("[data-testid=checklist-note-save]").Click();

        Assert.Equal("Letters broken at 10x", cut.Find("[data-testid=checklist-note-input]").GetAttribute("value"));
    }
}
