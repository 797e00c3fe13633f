using Bunit;
using DescPortal.Core;
using DescPortal.Core.Examination;
using DescPortal.Web.Features.Examination;
using Microsoft.AspNetCore.Components;
using Xunit;

namespace DescPortal.Web.Tests.Features.Examination;

public sealed class AnnotationListTests(ComponentHost host) : ComponentTest(host)
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 3, 12, 0, TimeSpan.Zero);

    private static RecordedAnnotation Mark(AnnotationShape shape, Finding finding, string? note, FeatureReference? feature = null, int number = 1) =>
        new(number, new Annotation(Guid.NewGuid(), Guid.NewGuid(), shape, feature, finding, note), "Erik Examiner <examiner@desc.local>", At,
            "Erik Examiner <examiner@desc.local>", At);

    [Fact]
    public void Each_mark_shows_its_number_finding_feature_and_note_and_a_note_with_markup_stays_text()
    {
        var featureId = Guid.NewGuid();
        var marks = new[]
        {
            // The case's numbers: mark 2 is on another image.
            Mark(AnnotationShape.Rectangle(10, 10, 100, 50), Finding.Inconsistent, "Edge <b>lifted</b> & re-glued", new FeatureReference(Guid.NewGuid(), featureId)),
            Mark(AnnotationShape.Point(300, 200), Finding.Consistent, null, number: 3),
        };

        var cut = Render<AnnotationList>(p => p
            .Add(x => x.Annotations, marks)
            .Add(x => x.FeatureName, id => id == featureId ? "Guilloche" : null));

        var items = cut.FindAll("[data-testid=annotation-item]");
        Assert.Equal(2, items.Count);
        Assert.Equal(["1", "3"], items.Select(i => i.QuerySelector(".lib-num")!.TextContent));
        Assert.Equal("Inconsistent", items[0].GetAttribute("data-finding"));
        Assert.Equal("Inconsistent with the genuine", items[0].QuerySelector("[data-testid=annotation-finding]")!.TextContent);
        Assert.Contains("Guilloche", items[0].TextContent, StringComparison.Ordinal);
        var note = items[0].QuerySelector("[data-testid=annotation-note]")!;
        Assert.Equal("Edge <b>lifted</b> & re-glued", note.TextContent);
        Assert.Empty(note.QuerySelectorAll("b"));
        Assert.Null(items[1].QuerySelector("[data-testid=annotation-note]"));
        Assert.Contains("Point", items[1].TextContent, StringComparison.Ordinal);
        // A reader sees no remove or change buttons.
        Assert.Empty(cut.FindAll("[data-testid=annotation-remove]"));
        Assert.Empty(cut.FindAll("[data-testid=annotation-change]"));
    }

    [Fact]
    public void The_examiner_removes_a_mark_and_an_empty_list_says_how_to_add_one()
    {
        var mark = Mark(AnnotationShape.Rectangle(1, 2, 3, 4), Finding.Altered, "x");
        RecordedAnnotation? removed = null;
        var cut = Render<AnnotationList>(p => p
            .Add(x => x.Annotations, [mark])
            .Add(x => x.CanEdit, true)
            .Add(x => x.OnRemove, EventCallback.Factory.Create<RecordedAnnotation>(this, a => removed = a)));

        cut.Find("[data-testid=annotation-remove]").Click();

        Assert.Same(mark, removed);
        var empty = Render<AnnotationList>(p => p.Add(x => x.Annotations, []).Add(x => x.CanEdit, true));
        Assert.Contains("drag on the image", empty.Find("[data-testid=no-annotations]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_examiner_opens_a_mark_to_change_it_and_the_mark_being_changed_is_highlighted()
    {
        var first = Mark(AnnotationShape.Rectangle(1, 2, 3, 4), Finding.Altered, "x");
        var second = Mark(AnnotationShape.Polygon(new Vertex(1, 1), new Vertex(9, 1), new Vertex(5, 7)), Finding.Consistent, null);
        RecordedAnnotation? changing = null;
        var cut = Render<AnnotationList>(p => p
            .Add(x => x.Annotations, [first, second])
            .Add(x => x.CanEdit, true)
            .Add(x => x.Selected, second.Annotation.AnnotationId)
            .Add(x => x.OnChange, EventCallback.Factory.Create<RecordedAnnotation>(this, a => changing = a)));

        cut.FindAll("[data-testid=annotation-change]")[1].Click();

        Assert.Same(second, changing);
        var items = cut.FindAll("[data-testid=annotation-item]");
        Assert.DoesNotContain("is-selected", items[0].ClassName, StringComparison.Ordinal);
        Assert.Contains("is-selected", items[1].ClassName, StringComparison.Ordinal);
        Assert.Contains("Polygon", items[1].TextContent, StringComparison.Ordinal);
    }
}
