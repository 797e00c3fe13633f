using Bunit;
using DescPortal.Core.Examination;
using DescPortal.Web.Features.Examination;
using Microsoft.AspNetCore.Components;
using Xunit;

namespace DescPortal.Web.Tests.Features.Examination;

public sealed class AlignmentPanelTests(ComponentHost host) : ComponentTest(host)
{
    [Theory]
    [InlineData(0, 0, true)]
    [InlineData(2, 2, true)]
    [InlineData(3, 2, true)]
    [InlineData(3, 3, false)]
    [InlineData(5, 5, false)]
    public void The_alignment_is_saved_only_with_three_or_more_complete_pairs(int evidence, int specimen, bool disabled)
    {
        var saved = 0;
        var cut = Render<AlignmentPanel>(p => p.Add(x => x.CanRecord, true).Add(x => x.EvidencePoints, evidence).Add(x => x.SpecimenPoints, specimen)
            .Add(x => x.OnSave, EventCallback.Factory.Create(this, () => saved++)));

        var save = cut.Find("[data-testid=alignment-save]");
        Assert.Equal(disabled, save.HasAttribute("disabled"));
        Assert.Equal(evidence.ToString(System.Globalization.CultureInfo.InvariantCulture), cut.Find("[data-testid=alignment-pending]").GetAttribute("data-evidence"));
        if (!disabled)
        {
            save.Click();
            Assert.Equal(1, saved);
        }
    }

    [Fact]
    public void A_recorded_alignment_says_how_good_it_is_and_offers_the_features_overlay_to_everyone()
    {
        var pairs = new[] { new PointPair(new(0, 0), new(5, 3)), new PointPair(new(100, 0), new(105, 3)), new PointPair(new(0, 100), new(5, 103)) };
        var alignment = new ImageAlignment(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), pairs, new AffineTransform(1, 0, 5, 0, 1, 3), 0.25,
            "Erik Examiner", new DateTimeOffset(2026, 12, 3, 6, 0, 0, TimeSpan.Zero));
        bool? shown = null;
        var cut = Render<AlignmentPanel>(p => p.Add(x => x.Alignment, alignment).Add(x => x.ShowFeatures, true)
            .Add(x => x.OnShowFeatures, EventCallback.Factory.Create<bool>(this, v => shown = v)));

        Assert.Equal("3", cut.Find("[data-testid=alignment-current]").GetAttribute("data-pairs"));
        Assert.Contains("residual 0.3 px", cut.Find("[data-testid=alignment-current]").TextContent, StringComparison.Ordinal);
        // A reader has no controls to record; the overlay toggle is theirs too.
        Assert.Empty(cut.FindAll("[data-testid=alignment-save]"));
        cut.Find("[data-testid=show-features]").Change(false);
        Assert.False(shown);
    }
}
